import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceDocument } from '../../domain/extraction.ts';
import { isIsoDay } from '../../domain/validate-extraction.ts';
import { datelineDay, type DocumentMeta } from './text-document.ts';
import type { DatelineFinder } from './source-item.ts';

export type HtmlResult = { ok: true; doc: SourceDocument } | { ok: false; error: string };

/** What the page says about itself, read before Readability rewrites the DOM. */
export interface HtmlMeta {
  title: string | null;
  published: string | null;
  url: string | null;
  outlet: string | null;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'object',
  'canvas',
]);

/**
 * An HTML page: article text through Readability (falling back to the whole body), paragraphs
 * separated by blank lines, with title, date and address from the page's metadata.
 */
export function htmlDocument(
  id: string,
  html: string,
  meta: DocumentMeta,
  findDateline: DatelineFinder | undefined,
): HtmlResult {
  const page = readMeta(parse(html));
  let text = '';
  let articleTitle: string | null = null;
  try {
    const article = new Readability(parse(html) as unknown as Document).parse();
    if (article?.content) text = blockText(parse(article.content).body);
    articleTitle = clean(article?.title);
  } catch {
    // Readability gives up on some malformed pages; the body text below still serves.
  }
  if (text === '') text = blockText(parse(html).body);
  if (text === '') return { ok: false, error: 'no text found in the HTML' };
  return {
    ok: true,
    doc: {
      id,
      text,
      published: meta.published ?? page.published ?? datelineDay(text, findDateline),
      title: meta.title ?? articleTitle ?? page.title,
      url: meta.url ?? page.url,
      outlet: meta.outlet ?? page.outlet,
    },
  };
}

type Dom = ReturnType<typeof parseHTML>['document'];
type DomNode = Dom['body'];

function parse(html: string): Dom {
  // linkedom leaves documentElement null for fragments without an <html> element.
  const whole = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  if (document.documentElement && document.body) return document;
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
}

function clean(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

export function readMeta(document: Dom): HtmlMeta {
  const attr = (selector: string, name: string): string | null => {
    for (const el of document.querySelectorAll(selector)) {
      const v = clean(el.getAttribute(name));
      if (v) return v;
    }
    return null;
  };
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const v =
        attr(`meta[property="${key}"]`, 'content') ??
        attr(`meta[name="${key}"]`, 'content') ??
        attr(`meta[itemprop="${key}"]`, 'content');
      if (v) return v;
    }
    return null;
  };
  const dates = [
    metaContent('article:published_time', 'og:published_time'),
    ...jsonLdDates(document),
    attr('time[pubdate][datetime]', 'datetime'),
    attr('time[itemprop="datePublished"][datetime]', 'datetime'),
    attr('time[datetime]', 'datetime'),
    metaContent('date', 'pubdate', 'publishdate', 'DC.date', 'DC.date.issued', 'dc.date', 'dcterms.date'),
  ];
  let published: string | null = null;
  for (const d of dates) {
    published = d ? isoDay(d) : null;
    if (published) break;
  }
  return {
    title:
      metaContent('og:title') ??
      clean(document.querySelector('title')?.textContent) ??
      clean(document.querySelector('h1')?.textContent),
    published,
    url: attr('link[rel="canonical"]', 'href') ?? metaContent('og:url'),
    outlet: metaContent('og:site_name'),
  };
}

/** datePublished, then dateCreated, from every JSON-LD block (nested @graph included). */
function jsonLdDates(document: Dom): string[] {
  const found: Record<'datePublished' | 'dateCreated', string[]> = { datePublished: [], dateCreated: [] };
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    for (const key of ['datePublished', 'dateCreated'] as const) {
      if (typeof o[key] === 'string') found[key].push(o[key]);
    }
    for (const x of Object.values(o)) visit(x, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  return [...found.datePublished, ...found.dateCreated];
}

/** The publisher's own calendar day from an ISO timestamp, or a parsed human date. */
export function isoDay(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value.trim());
  if (m) return isIsoDay(m[1]!) ? m[1]! : null;
  if (!/[a-z]/i.test(value) || !/\d{4}/.test(value)) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return isIsoDay(day) ? day : null;
}

/** Plain text with a blank line between blocks and a line break for <br>. */
export function blockText(root: DomNode | null | undefined): string {
  if (!root) return '';
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\v\r\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode, pre: boolean): void => {
    for (const child of node.childNodes as unknown as DomNode[]) {
      if (child.nodeType === 3) {
        const t = child.textContent ?? '';
        current += pre ? t : t.replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'br') {
        current += '\n';
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) flush();
      walk(child, pre || tag === 'pre');
      if (block) flush();
    }
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}
