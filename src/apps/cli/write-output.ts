import type { Writable } from 'node:stream';

/** Writes text, waiting for 'drain' when the stream's buffer is full; false once the reader has gone. */
export async function writeOut(stream: Writable, text: string): Promise<boolean> {
  if (stream.destroyed || stream.writableEnded) return false;
  if (stream.write(text)) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      resolve(ok);
    };
    const onDrain = (): void => done(true);
    const onError = (): void => done(false);
    const onClose = (): void => done(false);
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
