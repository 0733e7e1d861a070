/**
 * Fetches a URL without letting a report's address reach inside the network: only http and
 * https, every resolved address checked at connect time (so DNS cannot switch it afterwards),
 * redirects followed by hand and checked the same way, one deadline, and a size cap.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { refusedAddress } from './address-policy.ts';
import { formatBytes } from './source-item.ts';

export interface SafeFetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export type Fetched =
  | { ok: true; url: string; status: number; contentType: string; bytes: Buffer }
  | { ok: false; error: string; refused: boolean };

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

class Refused extends Error {}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const why = refusedAddress(a.address, allowPrivate);
        if (why) return callback(new Refused(`${hostname} resolves to ${why}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** Fetches `url`, following at most `maxRedirects` redirects; every problem is a value. */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<Fetched> {
  const allowPrivate = options.allowPrivate ?? false;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return { ok: false, error: `not a valid URL: ${current}`, refused: true };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return { ok: false, error: `only http and https are fetched, not ${target.protocol}`, refused: true };
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = refusedAddress(host, allowPrivate);
      if (why) return { ok: false, error: why, refused: true };
    }
    const response = await request(target, allowPrivate, deadline, maxBytes);
    if (!response.ok) return response;
    const { status, headers } = response;
    if (status >= 300 && status < 400 && headers.location) {
      if (hop === maxRedirects) break;
      current = new URL(headers.location, target).toString();
      continue;
    }
    if (status < 200 || status >= 300) {
      return { ok: false, error: `HTTP ${status}${hop > 0 ? ` at ${current}` : ''}`, refused: false };
    }
    return {
      ok: true,
      url: current,
      status,
      contentType: headers['content-type'] ?? '',
      bytes: response.body,
    };
  }
  return { ok: false, error: `more than ${maxRedirects} redirects`, refused: false };
}

type Response =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  | { ok: false; error: string; refused: boolean };

function request(
  target: URL,
  allowPrivate: boolean,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Response> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Response): void => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const failed = (err: unknown): void => {
      if (err instanceof Refused) return done({ ok: false, error: err.message, refused: true });
      if (signal.aborted) return done({ ok: false, error: 'timed out', refused: false });
      const e = err as NodeJS.ErrnoException;
      done({
        ok: false,
        error: e.code ? `${e.code}: ${e.message}` : String(e.message ?? err),
        refused: false,
      });
    };
    const req = client.request(
      target,
      {
        method: 'GET',
        agent: false,
        lookup: guardedLookup(allowPrivate),
        signal,
        headers: {
          'user-agent': 'strikewatch/0.1 (+report archive)',
          accept:
            'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/xml, text/plain;q=0.9, */*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // Redirects and errors: only the status matters, so the body is not read.
        if ((status >= 300 && status < 400) || status >= 400) {
          res.resume();
          return done({ ok: true, status, headers: res.headers, body: Buffer.alloc(0) });
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > maxBytes) {
          res.destroy();
          return done({
            ok: false,
            error: `response is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit`,
            refused: false,
          });
        }
        let stream: Readable = res;
        const encoding = (res.headers['content-encoding'] ?? '').toLowerCase();
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(createInflate());
        else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Counted after decompression, so a small compressed bomb is stopped too.
          if (size > maxBytes) {
            res.destroy();
            stream.destroy();
            done({ ok: false, error: `response is over the ${formatBytes(maxBytes)} limit`, refused: false });
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () => done({ ok: true, status, headers: res.headers, body: Buffer.concat(chunks) }));
        stream.on('error', failed);
        res.on('error', failed);
      },
    );
    req.on('error', failed);
    req.end();
  });
}
