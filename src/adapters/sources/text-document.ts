import type { SourceDocument } from '../../domain/extraction.ts';
import { DATELINE_WINDOW, type DatelineFinder } from './source-item.ts';

export interface DocumentMeta {
  published?: string | null;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
}

/** A plain-text report: the first line is its title when a blank line follows it. */
export function textDocument(
  id: string,
  text: string,
  meta: DocumentMeta,
  findDateline: DatelineFinder | undefined,
): SourceDocument {
  return {
    id,
    text,
    published: meta.published ?? datelineDay(text, findDateline),
    title: meta.title ?? titleLine(text),
    url: meta.url ?? null,
    outlet: meta.outlet ?? null,
  };
}

/** The first line, if a blank line follows it and it is short enough to be a headline. */
export function titleLine(text: string): string | null {
  const m = /^[ \t]*([^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text.replace(/^\uFEFF/, ''));
  const line = m?.[1];
  return line && line.length <= 300 ? line : null;
}

export function datelineDay(text: string, findDateline: DatelineFinder | undefined): string | null {
  if (!findDateline) return null;
  const day = findDateline(text.slice(0, DATELINE_WINDOW));
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}
