/** Reads http(s) inputs: a page or plain text becomes one report, a feed one report per item. */
import { decodeText } from './decode-text.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { htmlDocument } from './html-document.ts';
import { safeFetch, type Fetched } from './safe-fetch.ts';
import type { FetchOptions, ReadOptions, Received, SourceItem } from './source-item.ts';
import { textDocument, type DocumentMeta } from './text-document.ts';

const DEFAULT_MAX_FEED_ITEMS = 500;

export async function* readUrl(url: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  const fetchOptions = options.fetch;
  if (!fetchOptions) {
    yield { ok: false, source: url, error: 'web addresses are read by `strikewatch ingest`', refused: true };
    return;
  }
  const fetched = await get(url, fetchOptions);
  if (!fetched.ok) {
    yield { ok: false, source: url, error: fetched.error, refused: fetched.refused };
    return;
  }
  const text = decode(fetched.bytes, fetched.contentType);
  if (!text.ok) {
    yield { ok: false, source: url, error: text.error };
    return;
  }
  if (!looksLikeFeed(fetched.contentType, text.text)) {
    yield pageItem(url, fetched, text.text, {}, options);
    return;
  }
  const feed = parseFeed(text.text, fetched.url);
  if (feed.items.length === 0) {
    yield { ok: false, source: url, error: 'feed has no items' };
    return;
  }
  const limit = fetchOptions.maxFeedItems ?? DEFAULT_MAX_FEED_ITEMS;
  for (const [i, item] of feed.items.slice(0, limit).entries()) {
    const where = `${url} item ${i + 1}`;
    if (!item.link) {
      yield { ok: false, source: where, error: 'feed item has no link' };
      continue;
    }
    const page = await get(item.link, fetchOptions);
    if (!page.ok) {
      yield { ok: false, source: item.link, error: page.error, refused: page.refused };
      continue;
    }
    const body = decode(page.bytes, page.contentType);
    if (!body.ok) {
      yield { ok: false, source: item.link, error: body.error };
      continue;
    }
    const meta = { published: item.published, title: item.title, outlet: feed.title };
    yield pageItem(item.link, page, body.text, meta, options);
  }
  if (feed.items.length > limit) {
    yield { ok: false, source: url, error: `feed has ${feed.items.length} items; read the first ${limit}` };
  }
}

function get(url: string, options: FetchOptions): Promise<Fetched> {
  return safeFetch(url, {
    allowPrivate: options.allowPrivate ?? false,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
}

type Text = { ok: true; text: string } | { ok: false; error: string };

/** Bytes to text by the declared charset (or a <meta charset>), strict UTF-8 by default. */
function decode(bytes: Buffer, contentType: string): Text {
  const declared =
    /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return { ok: true, text: new TextDecoder(declared).decode(bytes) };
    } catch {
      return { ok: false, error: `unknown character set "${declared}"` };
    }
  }
  return decodeText(bytes);
}

function pageItem(
  url: string,
  fetched: Extract<Fetched, { ok: true }>,
  text: string,
  fromFeed: DocumentMeta,
  options: ReadOptions,
): SourceItem {
  const type = fetched.contentType.split(';')[0]!.trim().toLowerCase();
  const received: Received = {
    key: url,
    bytes: fetched.bytes,
    mediaType: type || 'application/octet-stream',
    language: null,
    retrieved: new Date().toISOString(),
  };
  const meta: DocumentMeta = {
    published: options.published ?? fromFeed.published ?? null,
    title: fromFeed.title ?? null,
    url: fetched.url,
    outlet: options.outlet ?? null,
  };
  const html = /html|xml/.test(type) || (type === '' && /^\s*</.test(text));
  if (!html && type !== 'text/plain' && type !== '') {
    return { ok: false, source: url, error: `unsupported content type ${type}` };
  }
  if (!html) {
    meta.outlet ??= fromFeed.outlet ?? null;
    return { ok: true, source: url, doc: textDocument(url, text, meta, options.findDateline), received };
  }
  const result = htmlDocument(url, text, meta, options.findDateline);
  if (!result.ok) return { ok: false, source: url, error: result.error };
  // The page's own site name names the outlet better than the feed's title.
  const doc = { ...result.doc, outlet: result.doc.outlet ?? fromFeed.outlet ?? null };
  return { ok: true, source: url, doc, received };
}
