import type { SourceDocument } from '../../domain/extraction.ts';

/** One input read: a document ready for extraction, or why it could not be read. */
export type SourceItem =
  { ok: true; doc: SourceDocument; source: string } | { ok: false; source: string; error: string };

/** Finds the publication day (YYYY-MM-DD) in a dateline near the start of a text, or null. */
export type DatelineFinder = (text: string) => string | null;

export interface ReadOptions {
  /** Publication day (YYYY-MM-DD) for every document, overriding what the documents say. */
  published?: string | null;
  /** Document id for the only document of a single file or stdin input. */
  id?: string | null;
  /** Used when neither the option nor the document's metadata gives a publication day. */
  findDateline?: DatelineFinder;
  /** Largest file read, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Called for each file in a directory that is skipped for its extension. */
  onSkipped?: (path: string) => void;
  /** Where `-` reads from (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** How many characters from the start of a text may hold its dateline. */
export const DATELINE_WINDOW = 600;

export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl'] as const;

/** Byte counts as people read them: "63.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
