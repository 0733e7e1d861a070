/**
 * Airwars incident records (one JSON object per line, as in ../shared/data/airwars): each
 * record's English narrative (`text`) and each archived source report (`reports[]`) become
 * reports. Official statements are left for reconciliation.
 */
import { isoDay } from './html-document.ts';
import { jsonLines } from './records.ts';
import type { ReadOptions, SourceItem } from './source-item.ts';
import { textDocument } from './text-document.ts';

export async function* airwarsRecords(
  path: string,
  shown: string,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  for await (const line of jsonLines(path, shown, options))
    if (line.ok) yield* incidentItems(line.value, line.where, options);
    else yield line.item;
}

function* incidentItems(value: unknown, where: string, options: ReadOptions): Generator<SourceItem> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    yield { ok: false, source: where, error: 'expected an incident record (a JSON object)' };
    return;
  }
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.trim() === '') {
    yield { ok: false, source: where, error: 'field "id" must be a non-empty string' };
    return;
  }
  const id = r.id.trim();
  const retrieved = new Date().toISOString();
  if (r.text !== undefined && r.text !== null) {
    if (typeof r.text !== 'string')
      yield { ok: false, source: where, error: 'field "text" must be a string' };
    else if (r.text.trim() !== '') {
      const meta = {
        published: options.published ?? null,
        title: null,
        url: typeof r.url === 'string' ? r.url : null,
        outlet: options.outlet ?? 'Airwars',
      };
      yield {
        ok: true,
        source: `${where} text`,
        doc: textDocument(id, r.text, meta, options.findDateline),
        received: {
          key: `airwars:${id}`,
          bytes: new TextEncoder().encode(r.text),
          mediaType: 'text/plain',
          language: 'en',
          retrieved,
        },
      };
    }
  }
  if (r.reports === undefined || r.reports === null) return;
  if (!Array.isArray(r.reports)) {
    yield { ok: false, source: where, error: 'field "reports" must be an array' };
    return;
  }
  for (const [i, item] of r.reports.entries()) {
    const at = `${where} reports[${i}]`;
    if (typeof item !== 'object' || item === null) {
      yield { ok: false, source: at, error: 'expected a report object' };
      continue;
    }
    const rep = item as Record<string, unknown>;
    const str = (k: string): string | null =>
      typeof rep[k] === 'string' && (rep[k] as string).trim() !== '' ? (rep[k] as string).trim() : null;
    const text = typeof rep.text === 'string' ? rep.text : '';
    if (text.trim() === '') {
      yield { ok: false, source: at, error: 'field "text" is missing or empty' };
      continue;
    }
    const url = str('url');
    const published = str('published');
    const meta = {
      published: options.published ?? (published ? isoDay(published) : null),
      title: str('title'),
      url,
      outlet: options.outlet ?? str('publisher'),
    };
    yield {
      ok: true,
      source: at,
      doc: textDocument(`${id}-report-${i}`, text, meta, options.findDateline),
      received: {
        // The same page cited by several incidents is one report.
        key: url ?? `airwars:${id}/reports/${i}`,
        bytes: new TextEncoder().encode(text),
        mediaType: 'text/plain',
        language: str('lang'),
        retrieved,
      },
    };
  }
}
