import type { SourceDocument } from '../../domain/extraction.ts';

/** One input read: a document ready for extraction, or why it could not be read. */
export type SourceItem =
  | { ok: true; doc: SourceDocument; source: string; received: Received }
  | {
      ok: false;
      source: string;
      error: string;
      /** True when the input was refused on purpose (an unsafe address, a scheme not allowed). */
      refused?: boolean;
    };

/** What an archive needs besides the document: its identity and the bytes as received. */
export interface Received {
  /** Stable identity across versions: `file:<real path>`, `record:<id>`, a URL. */
  key: string;
  bytes: Uint8Array;
  mediaType: string;
  language: string | null;
  /** When the bytes were read or fetched (ISO timestamp). */
  retrieved: string;
}

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
  /** Outlet for every document, overriding what the documents say. */
  outlet?: string | null;
  /** CSV columns to read each record field from, e.g. `{ text: 'body', published: 'date' }`. */
  columns?: Record<string, string>;
  /** How .jsonl files are laid out: records of documents (default) or Airwars incident records. */
  layout?: 'records' | 'airwars';
  /** Fetching http(s) inputs; without it, URLs are refused. */
  fetch?: FetchOptions;
}

export interface FetchOptions {
  /** Fetch from loopback, private, link-local and metadata addresses (refused by default). */
  allowPrivate?: boolean;
  /** Per request, in milliseconds (default 20 s). */
  timeoutMs?: number;
  /** Largest body fetched, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Most items read from one feed (default 500). */
  maxFeedItems?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** How many characters from the start of a text may hold its dateline. */
export const DATELINE_WINDOW = 600;

export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl', '.csv'] as const;

/** Byte counts as people read them: "63.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
