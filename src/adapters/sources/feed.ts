import { DOMParser } from 'linkedom';
import { isoDay } from './html-document.ts';

export interface FeedItem {
  link: string | null;
  title: string | null;
  published: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const FEED_START = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i;

/** True when the body is an RSS, RDF or Atom document. */
export function looksLikeFeed(contentType: string, text: string): boolean {
  if (/\b(?:rss|atom)\+xml\b/i.test(contentType)) return true;
  return FEED_START.test(text.slice(0, 4096));
}

interface XmlElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

function childText(el: XmlElement, ...names: string[]): string | null {
  for (const name of names) {
    const found = el.getElementsByTagName(name)[0];
    const text = found?.textContent?.trim();
    if (text) return text;
  }
  return null;
}

function atomLink(entry: XmlElement): string | null {
  const links = Array.from(entry.getElementsByTagName('link'));
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  return (alternate ?? links[0])?.getAttribute('href')?.trim() || null;
}

/** The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, links resolved against the feed's URL. */
export function parseFeed(xml: string, base: string): Feed {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as {
    documentElement: XmlElement;
  };
  const root = doc.documentElement;
  const atom = root.tagName.toLowerCase() === 'feed';
  const entries = Array.from(root.getElementsByTagName(atom ? 'entry' : 'item'));
  const resolveLink = (href: string | null): string | null => {
    if (!href) return null;
    try {
      return new URL(href, base).toString();
    } catch {
      return null;
    }
  };
  const items = entries.map((e) => {
    const date = childText(e, 'pubDate', 'published', 'updated', 'dc:date');
    return {
      link: resolveLink(atom ? atomLink(e) : (childText(e, 'link') ?? e.getAttribute('rdf:about'))),
      title: childText(e, 'title'),
      published: date ? isoDay(date) : null,
    };
  });
  const titleEl = Array.from(root.getElementsByTagName('title'))[0];
  return { title: titleEl?.textContent?.trim() || null, items };
}
