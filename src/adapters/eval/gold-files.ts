/** Reads evaluation material from disk: gold JSON Lines files, document texts, the shared data sets. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One parsed line of a JSON Lines file, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

export type JsonLinesResult =
  | { ok: true; lines: JsonLine[]; problems: { line: number; message: string }[] }
  | { ok: false; message: string };

/** Parses every non-blank line; a line that is not JSON becomes a problem, the rest still load. */
export function readJsonLines(path: string): JsonLinesResult {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code})`,
    };
  }
  const lines: JsonLine[] = [];
  const problems: { line: number; message: string }[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      lines.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (err) {
      problems.push({
        line: i + 1,
        message: `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
      });
    }
  });
  return { ok: true, lines, problems };
}

/**
 * The text of a gold document: `<id>.txt` next to the gold file, else in `texts/` beside it
 * (the layout of seeds/ and data/fakes/). Null when neither exists or the id is not a plain name.
 */
export function readGoldText(goldFile: string, id: string): { path: string; text: string } | null {
  if (id.includes('/') || id.includes('\\') || id.startsWith('.')) return null;
  const dir = dirname(goldFile);
  for (const path of [join(dir, `${id}.txt`), join(dir, 'texts', `${id}.txt`)]) {
    if (existsSync(path)) return { path, text: readFileSync(path, 'utf8') };
  }
  return null;
}

/** A named evaluation set on disk. */
export interface EvalSetFile {
  name: string;
  kind: 'news' | 'airwars';
  path: string;
}

/** Where the shared reference data lives: `../shared` beside the repository. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** The default evaluation sets from ../shared, or null when it is absent. */
export function sharedEvalSets(): EvalSetFile[] | null {
  if (!existsSync(sharedDir) || !statSync(sharedDir).isDirectory()) return null;
  const sets: EvalSetFile[] = [
    { name: 'seeds', kind: 'news', path: join(sharedDir, 'seeds', 'gold.jsonl') },
    { name: 'fakes-dev', kind: 'news', path: join(sharedDir, 'data', 'fakes', 'dev-gold.jsonl') },
    { name: 'airwars-dev', kind: 'airwars', path: join(sharedDir, 'data', 'airwars', 'incidents.jsonl') },
  ];
  return sets.filter((s) => existsSync(s.path));
}

/** A short dataset name for a file given on the command line: its base name without extension. */
export function setName(path: string): string {
  return basename(path).replace(/\.[^.]*$/, '');
}
