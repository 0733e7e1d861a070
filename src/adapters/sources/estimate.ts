/** A quick count of the items inputs will yield, for a progress bar; never exact, never fatal. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS, type ReadOptions } from './source-item.ts';

const SUPPORTED = new Set<string>(SUPPORTED_EXTENSIONS);

export async function estimateItems(inputs: string[], options: ReadOptions = {}): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      total++;
      continue;
    }
    total += await estimatePath(input, options, 0);
  }
  return total;
}

async function estimatePath(path: string, options: ReadOptions, depth: number): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      if (depth > 20) return 0;
      let n = 0;
      for (const entry of await readdir(path)) {
        if (!entry.startsWith('.')) n += await estimatePath(join(path, entry), options, depth + 1);
      }
      return n;
    }
    const ext = extname(path).toLowerCase();
    if (!SUPPORTED.has(ext)) return depth === 0 ? 1 : 0;
    if (ext === '.jsonl' && options.layout === 'airwars') return await airwarsItems(path);
    if (ext === '.jsonl') return await lineCount(path);
    if (ext === '.csv') return Math.max(1, (await lineCount(path)) - 1);
    if (ext === '.json' && info.size < 50 * 1024 * 1024) {
      const value: unknown = JSON.parse(await readFile(path, 'utf8'));
      return Array.isArray(value) ? value.length : 1;
    }
    return 1;
  } catch {
    return 1;
  }
}

async function lineCount(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return lines + (last === 10 ? 0 : 1);
}

/** Narratives plus archived reports, counted from the raw records without a full read. */
async function airwarsItems(path: string): Promise<number> {
  let n = 0;
  const text = await readFile(path, 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line) as { text?: unknown; reports?: unknown };
      if (typeof r.text === 'string' && r.text.trim() !== '') n++;
      if (Array.isArray(r.reports)) n += r.reports.length;
    } catch {
      n++;
    }
  }
  return n;
}
