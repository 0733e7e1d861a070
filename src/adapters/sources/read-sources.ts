/**
 * Turns command-line inputs (files, directories, `-` for stdin) into documents, one at a time,
 * so a large batch never sits in memory. Every problem is a value naming its source.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { decodeText } from './decode-text.ts';
import { htmlDocument } from './html-document.ts';
import { fsProblem, readTextFile } from './read-file.ts';
import { airwarsRecords } from './airwars.ts';
import { csvRecords, jsonlRecords, jsonRecords } from './records.ts';
import { readUrl } from './read-url.ts';
import {
  DEFAULT_MAX_BYTES,
  formatBytes,
  SUPPORTED_EXTENSIONS,
  type ReadOptions,
  type Received,
  type SourceItem,
} from './source-item.ts';
import { textDocument, type DocumentMeta } from './text-document.ts';

export type { DatelineFinder, ReadOptions, SourceItem } from './source-item.ts';
export { SUPPORTED_EXTENSIONS } from './source-item.ts';

/** The name stdin goes by in messages and, without --id, as a document id. */
export const STDIN_NAME = 'stdin';

const SUPPORTED = new Set<string>(SUPPORTED_EXTENSIONS);
/** `scheme://...`: read as an address, never as a file name. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export async function* readSources(inputs: string[], options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  // --id names one document, so it only applies when one file or stdin is read.
  const idFor = inputs.length === 1 ? (options.id ?? null) : null;
  for (const input of inputs) {
    if (input === '-') {
      yield await readStdin(idFor ?? STDIN_NAME, options);
      continue;
    }
    if (URL_LIKE.test(input)) {
      yield* readUrl(input, options);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      yield { ok: false, source: input, error: fsProblem(err) };
      continue;
    }
    if (info.isDirectory()) {
      if (idFor) {
        yield { ok: false, source: input, error: '--id names a single document, but this is a directory' };
        continue;
      }
      yield* readDirectory(input, options);
      continue;
    }
    const ext = extname(input).toLowerCase();
    if (!SUPPORTED.has(ext)) {
      yield {
        ok: false,
        source: input,
        error: `unsupported file type "${ext || '(none)'}" (expected ${supportedList()})`,
      };
      continue;
    }
    if (idFor && (ext === '.json' || ext === '.jsonl')) {
      yield {
        ok: false,
        source: input,
        error: '--id names a single document, but records carry their own ids',
      };
      continue;
    }
    yield* readFile(input, ext, idFor, options);
  }
}

function supportedList(): string {
  return SUPPORTED_EXTENSIONS.join(', ');
}

async function* readFile(
  path: string,
  ext: string,
  id: string | null,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  if (ext === '.json') return yield* jsonRecords(path, path, options);
  if (ext === '.jsonl') {
    if (options.layout === 'airwars') return yield* airwarsRecords(path, path, options);
    return yield* jsonlRecords(path, path, options);
  }
  if (ext === '.csv') return yield* csvRecords(path, path, options);
  const read = await readTextFile(path, options.maxBytes);
  if (!read.ok) {
    yield { ok: false, source: path, error: read.error };
    return;
  }
  const real = await realpath(path).catch(() => path);
  const html = ext !== '.txt';
  const received = fileReceived(`file:${real}`, read.bytes, html ? 'text/html' : 'text/plain');
  yield documentItem(path, id ?? basename(path, extname(path)), read.text, html, options, received);
}

function fileReceived(key: string, bytes: Uint8Array, mediaType: string): Received {
  return { key, bytes, mediaType, language: null, retrieved: new Date().toISOString() };
}

function documentItem(
  source: string,
  id: string,
  text: string,
  html: boolean,
  options: ReadOptions,
  received: Received,
): SourceItem {
  const meta: DocumentMeta = { published: options.published ?? null, outlet: options.outlet ?? null };
  if (!html) return { ok: true, source, doc: textDocument(id, text, meta, options.findDateline), received };
  const result = htmlDocument(id, text, meta, options.findDateline);
  return result.ok
    ? { ok: true, source, doc: result.doc, received }
    : { ok: false, source, error: result.error };
}

async function* readDirectory(dir: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  let found = 0;
  const seen = new Set<string>();
  async function* walk(path: string): AsyncGenerator<SourceItem> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(path);
      entries = await readdir(path, { withFileTypes: true });
    } catch (err) {
      yield { ok: false, source: path, error: fsProblem(err) };
      return;
    }
    // Symbolic links can loop back to a folder already read.
    if (seen.has(real)) return;
    seen.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(child);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          yield { ok: false, source: child, error: fsProblem(err) };
          continue;
        }
      }
      if (isDir) {
        yield* walk(child);
        continue;
      }
      if (!isFile) continue;
      const ext = extname(entry.name).toLowerCase();
      if (!SUPPORTED.has(ext)) {
        options.onSkipped?.(child);
        continue;
      }
      found++;
      yield* readFile(child, ext, null, options);
    }
  }
  yield* walk(dir);
  if (found === 0)
    yield { ok: false, source: dir, error: `no supported files (${supportedList()}) in this directory` };
}

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<!--)/i;

/** Reads stdin whole (up to the size limit); HTML when it starts like a page, else plain text. */
async function readStdin(id: string, options: ReadOptions): Promise<SourceItem> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of options.stdin ?? process.stdin) {
      const b =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      size += b.length;
      if (size > limit) {
        return { ok: false, source: STDIN_NAME, error: `input is over the ${formatBytes(limit)} limit` };
      }
      chunks.push(b);
    }
  } catch (err) {
    return { ok: false, source: STDIN_NAME, error: fsProblem(err) };
  }
  const bytes = Buffer.concat(chunks);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { ok: false, source: STDIN_NAME, error: decoded.error.replace(/^empty file/, 'empty input') };
  }
  const html = HTML_START.test(decoded.text);
  const received = fileReceived(`stdin:${id}`, bytes, html ? 'text/html' : 'text/plain');
  return documentItem(STDIN_NAME, id, decoded.text, html, options, received);
}
