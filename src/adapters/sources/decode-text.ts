/** Turns raw bytes into text, or says why they are not readable text. */
export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Decodes strict UTF-8 and rejects empty, binary and UTF-16 content with a one-line reason. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: 'UTF-16 text is not supported; save it as UTF-8' };
  }
  if (bytes.includes(0)) return { ok: false, error: 'binary file (contains NUL bytes), expected text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  const sample = text.slice(0, 8192);
  const controls = countControls(sample);
  if (controls > sample.length * 0.1)
    return { ok: false, error: 'binary data (mostly control characters), expected text' };
  if (text.trim() === '') return { ok: false, error: 'empty file (only whitespace)' };
  return { ok: true, text };
}

/** Byte offset of the first sequence a strict UTF-8 decoder rejects. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

/** Control characters other than tab, line breaks and form feed. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) n++;
  }
  return n;
}
