import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseCsv } from './csv.ts';
import { decodeText } from './decode-text.ts';
import { htmlDocument, isoDay } from './html-document.ts';
import { readTextFile } from './read-file.ts';
import {
  DEFAULT_MAX_BYTES,
  formatBytes,
  type ReadOptions,
  type Received,
  type SourceItem,
} from './source-item.ts';
import { textDocument, type DocumentMeta } from './text-document.ts';

/** JSON text parsed, or the parser's complaint as a one-line error. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Records of a .json file (one object or an array of them), each named `file:line` in errors.
 * The file is read whole, so it is held to the size limit.
 */
export async function* jsonRecords(
  path: string,
  shown: string,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  const read = await readTextFile(path, options.maxBytes);
  if (!read.ok) {
    yield { ok: false, source: shown, error: read.error };
    return;
  }
  const parsed = parseJson(read.text);
  if (!parsed.ok) {
    yield { ok: false, source: shown, error: parsed.error };
    return;
  }
  const value = parsed.value;
  if (Array.isArray(value)) {
    if (value.length === 0) yield { ok: false, source: shown, error: 'no records (empty array)' };
    const lines = arrayElementLines(read.text);
    for (const [i, record] of value.entries()) {
      yield await recordItem(record, `${shown}:${lines[i] ?? 1}`, path, options, jsonBytes(record));
    }
  } else if (typeof value === 'object' && value !== null) {
    const where = `${shown}:${lineOf(read.text, read.text.search(/\S/))}`;
    yield await recordItem(value, where, path, options, read.bytes);
  } else {
    yield { ok: false, source: shown, error: 'expected a record object or an array of records' };
  }
}

/** Records of a .jsonl file, streamed line by line; the size limit applies to each line. */
/** One line of a JSON Lines file: its parsed value, or a problem already phrased as an item. */
export type JsonLine =
  | { ok: true; where: string; value: unknown; bytes: Buffer }
  | { ok: false; item: SourceItem & { ok: false } };

/**
 * The values of a JSON Lines file, each named `file:line`; blank lines are skipped. Lines over
 * the size limit, undecodable or invalid lines are problems of their own and the rest go on; an
 * unreadable or binary file is one problem for the file, and ends it. An empty file says so.
 */
export async function* jsonLines(
  path: string,
  shown: string,
  options: ReadOptions,
): AsyncGenerator<JsonLine> {
  let records = 0;
  for await (const line of byteLines(path, options.maxBytes)) {
    if (line.kind === 'error') {
      yield { ok: false, item: { ok: false, source: shown, error: line.error } };
      return;
    }
    const where = `${shown}:${line.line}`;
    if (line.kind === 'too-long') {
      const error = `line is ${formatBytes(line.size)}, over the ${formatBytes(maxOf(options))} limit`;
      yield { ok: false, item: { ok: false, source: where, error } };
      records++;
      continue;
    }
    if (line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
    records++;
    const decoded = decodeText(line.bytes);
    if (!decoded.ok) {
      // A binary file named .jsonl would give an error per line; one for the file says it better.
      if (/binary|UTF-16/.test(decoded.error)) {
        yield { ok: false, item: { ok: false, source: shown, error: decoded.error } };
        return;
      }
      yield { ok: false, item: { ok: false, source: where, error: decoded.error } };
      continue;
    }
    const parsed = parseJson(decoded.text);
    if (!parsed.ok) {
      yield { ok: false, item: { ok: false, source: where, error: parsed.error } };
      continue;
    }
    yield { ok: true, where, value: parsed.value, bytes: line.bytes };
  }
  if (records === 0)
    yield { ok: false, item: { ok: false, source: shown, error: 'empty file (no records)' } };
}

/** Records of a JSON Lines file, one per line. */
export async function* jsonlRecords(
  path: string,
  shown: string,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  for await (const line of jsonLines(path, shown, options))
    yield line.ok ? await recordItem(line.value, line.where, path, options, line.bytes) : line.item;
}

function maxOf(options: ReadOptions): number {
  return options.maxBytes ?? DEFAULT_MAX_BYTES;
}

type ByteLine =
  | { kind: 'line'; line: number; bytes: Buffer }
  | { kind: 'too-long'; line: number; size: number }
  | { kind: 'error'; error: string };

/** Splits a file into lines without holding more than one line in memory. */
async function* byteLines(path: string, maxBytes: number | undefined): AsyncGenerator<ByteLine> {
  const limit = maxBytes ?? DEFAULT_MAX_BYTES;
  let parts: Buffer[] = [];
  let size = 0;
  let line = 1;
  const end = (piece: Buffer): ByteLine => {
    const total = size + piece.length;
    const out: ByteLine =
      total > limit
        ? { kind: 'too-long', line, size: total }
        : { kind: 'line', line, bytes: stripCr(Buffer.concat([...parts, piece])) };
    parts = [];
    size = 0;
    line++;
    return out;
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        yield end(chunk.subarray(start, nl));
        start = nl + 1;
      }
      const rest = chunk.subarray(start);
      size += rest.length;
      // Past the limit only the length is kept, so a huge line costs no memory.
      if (size <= limit) parts.push(rest);
      else parts = [];
    }
  } catch (err) {
    yield { kind: 'error', error: `cannot read: ${err instanceof Error ? err.message : String(err)}` };
    return;
  }
  if (size > 0) yield end(Buffer.alloc(0));
}

function stripCr(b: Buffer): Buffer {
  return b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, -1) : b;
}

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** The fields a record may have; a CSV column map names the column of each. */
export const RECORD_FIELDS = [
  'id',
  'text',
  'html',
  'text_file',
  'published',
  'url',
  'outlet',
  'title',
  'language',
] as const;

/**
 * Records of a .csv file with a header row; `options.columns` maps record fields to columns
 * (a field not mapped is read from the column of its own name). Rows without an id column are
 * named after the file and row.
 */
export async function* csvRecords(
  path: string,
  shown: string,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  const read = await readTextFile(path, options.maxBytes);
  if (!read.ok) {
    yield { ok: false, source: shown, error: read.error };
    return;
  }
  const parsed = parseCsv(read.text);
  if (!parsed.ok) {
    yield { ok: false, source: `${shown}:${parsed.line}`, error: `invalid CSV: ${parsed.error}` };
    return;
  }
  const [header, ...rows] = parsed.rows;
  if (!header || rows.length === 0) {
    yield { ok: false, source: shown, error: 'no records (expected a header row and at least one row)' };
    return;
  }
  const names = header.cells.map((c) => c.trim());
  const columnOf = new Map<string, number>();
  for (const [field, column] of Object.entries(options.columns ?? {})) {
    const at = names.indexOf(column);
    if (at === -1) {
      yield {
        ok: false,
        source: shown,
        error: `column "${column}" (for ${field}) is not in the header (${names.join(', ')})`,
      };
      return;
    }
    columnOf.set(field, at);
  }
  for (const field of RECORD_FIELDS) {
    if (!columnOf.has(field) && names.includes(field)) columnOf.set(field, names.indexOf(field));
  }
  const real = await realpath(path).catch(() => resolve(path));
  const stem = basename(path, extname(path));
  for (const row of rows) {
    const where = `${shown}:${row.line}`;
    if (row.cells.length !== names.length) {
      yield {
        ok: false,
        source: where,
        error: `row has ${row.cells.length} cells, the header has ${names.length}`,
      };
      continue;
    }
    const record: Record<string, string> = {};
    for (const [field, at] of columnOf) {
      const cell = row.cells[at]!;
      if (cell.trim() !== '') record[field] = cell;
    }
    const hasId = record.id !== undefined;
    record.id ??= `${stem}-${row.line}`;
    const key = hasId ? undefined : `file:${real}#${row.line}`;
    yield await recordItem(record, where, path, options, new TextEncoder().encode(row.raw), key, 'text/csv');
  }
}

const OPTIONAL_STRINGS = ['title', 'url', 'outlet'] as const;

/** One record `{id, text|html|text_file, published?, url?, outlet?, title?, language?}` as a document. */
async function recordItem(
  value: unknown,
  where: string,
  file: string,
  options: ReadOptions,
  recordBytes: Uint8Array,
  key?: string,
  recordType = 'application/json',
): Promise<SourceItem> {
  const bad = (error: string): SourceItem => ({ ok: false, source: where, error });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('expected a JSON object');
  const r = value as Record<string, unknown>;
  if (r.id === undefined || r.id === null) return bad('field "id" is missing');
  if (
    !(typeof r.id === 'string' && r.id.trim() !== '') &&
    !(typeof r.id === 'number' && Number.isFinite(r.id))
  ) {
    return bad('field "id" must be a non-empty string');
  }
  const id = String(r.id);
  const meta: DocumentMeta = {};
  for (const key of OPTIONAL_STRINGS) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string')
      return bad(`field "${key}" must be a string`);
    meta[key] = typeof r[key] === 'string' && r[key].trim() !== '' ? r[key].trim() : null;
  }
  if (options.outlet) meta.outlet = options.outlet;
  const language = r.language ?? r.lang;
  if (language !== undefined && language !== null && typeof language !== 'string')
    return bad('field "language" must be a string');
  const received = (bytes: Uint8Array, mediaType: string): Received => ({
    key: key ?? `record:${id}`,
    bytes,
    mediaType,
    language: typeof language === 'string' && language.trim() !== '' ? language.trim() : null,
    retrieved: new Date().toISOString(),
  });
  meta.published = options.published ?? null;
  if (r.published !== undefined && r.published !== null && !meta.published) {
    const day = typeof r.published === 'string' ? isoDay(r.published) : null;
    if (!day) return bad(`field "published" must be a date YYYY-MM-DD, got ${JSON.stringify(r.published)}`);
    meta.published = day;
  }
  const body = ['text', 'html', 'text_file'].find((k) => r[k] !== undefined && r[k] !== null);
  if (!body) return bad('needs one of the fields "text", "html" or "text_file"');
  const content = r[body];
  if (typeof content !== 'string') return bad(`field "${body}" must be a string`);
  if (content.trim() === '') return bad(`field "${body}" is empty`);
  const asRecord = received(recordBytes, recordType);
  if (body === 'text')
    return {
      ok: true,
      source: where,
      doc: textDocument(id, content, meta, options.findDateline),
      received: asRecord,
    };
  if (body === 'html') return fromHtml(id, content, meta, where, options, asRecord);
  const target = resolve(dirname(file), content);
  const read = await readTextFile(target, options.maxBytes);
  if (!read.ok) return bad(`field "text_file" (${content}): ${read.error}`);
  const ext = extname(target).toLowerCase();
  if (ext === '.html' || ext === '.htm')
    return fromHtml(id, read.text, meta, where, options, received(read.bytes, 'text/html'));
  return {
    ok: true,
    source: where,
    doc: textDocument(id, read.text, meta, options.findDateline),
    received: received(read.bytes, 'text/plain'),
  };
}

function fromHtml(
  id: string,
  html: string,
  meta: DocumentMeta,
  where: string,
  options: ReadOptions,
  received: Received,
): SourceItem {
  const result = htmlDocument(id, html, meta, options.findDateline);
  return result.ok
    ? { ok: true, source: where, doc: result.doc, received }
    : { ok: false, source: where, error: result.error };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line numbers where each element of a top-level JSON array starts. */
function arrayElementLines(json: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
