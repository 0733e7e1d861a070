import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';
import type { IngestSummary } from '../../pipeline/run-ingest.ts';

/** Shows how an ingest run is going: a bar on a terminal, a plain line now and then when piped. */
export interface Progress {
  update(summary: IngestSummary): void;
  stop(summary: IngestSummary): void;
}

function counts(s: IngestSummary): string {
  const parts = [`${s.new} new`, `${s.versions} new versions`, `${s.unchanged} unchanged`];
  if (s.failed + s.refused > 0) parts.push(`${s.failed + s.refused} failed or refused`);
  return parts.join(', ');
}

function rate(done: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? (done / seconds).toFixed(1) : '0.0';
}

export function createProgress(stream: Writable & { isTTY?: boolean }, total: number): Progress {
  const startedAt = Date.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: ' {bar} {value}/{total} | {counts} | {rate}/s | {duration_formatted}',
        hideCursor: true,
        etaBuffer: 50,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { counts: '', rate: '0.0' });
    let shown = Math.max(total, 1);
    const show = (s: IngestSummary): void => {
      // The estimate can be short (feeds, multi-line CSV cells): grow the bar instead of overflowing.
      if (s.read > shown) {
        shown = s.read;
        bar.setTotal(shown);
      }
      bar.update(s.read, { counts: counts(s), rate: rate(s.read, startedAt) });
    };
    return {
      update: show,
      stop(s) {
        show(s);
        bar.stop();
      },
    };
  }
  let lastAt = startedAt;
  const line = (s: IngestSummary): void => {
    const of = total > 0 ? `/${Math.max(total, s.read)}` : '';
    stream.write(`ingest: ${s.read}${of} items, ${counts(s)}, ${rate(s.read, startedAt)}/s\n`);
  };
  return {
    update(s) {
      if (Date.now() - lastAt < 2000) return;
      lastAt = Date.now();
      line(s);
    },
    stop(s) {
      line(s);
    },
  };
}
