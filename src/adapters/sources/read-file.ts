import { open } from 'node:fs/promises';
import { decodeText } from './decode-text.ts';
import { DEFAULT_MAX_BYTES, formatBytes } from './source-item.ts';

export type FileRead = { ok: true; text: string; bytes: Uint8Array } | { ok: false; error: string };

/** Reads a whole text file, checking its size before reading any of it. */
export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    return { ok: false, error: fsProblem(err) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, error: 'is a directory' };
    if (info.size > maxBytes) {
      return {
        ok: false,
        error: `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`,
      };
    }
    const bytes = await handle.readFile();
    const decoded = decodeText(bytes);
    return decoded.ok ? { ok: true, text: decoded.text, bytes } : decoded;
  } catch (err) {
    return { ok: false, error: fsProblem(err) };
  } finally {
    await handle.close();
  }
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory (part of the path is a file)',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** A file-system error as a short phrase, without the path Node repeats in its message. */
export function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && MESSAGES[code]) return MESSAGES[code];
  const message = err instanceof Error ? err.message : String(err);
  return `cannot read (${message.replace(/,\s*\w+\s+'.*'$/, '')})`;
}
