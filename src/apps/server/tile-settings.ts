/** Tiles for those online: a URL template and the credit its provider asks for. */
export interface TileSettings {
  url: string;
  attribution: string;
}

/**
 * Where a tile URL template's images come from, as a CSP source: `https://{s}.tile.example/{z}/{x}/{y}.png`
 * gives `https://*.tile.example`. Throws for anything but an http or https template.
 */
export function tileOrigin(template: string): string {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!m) throw new Error(`a tile URL must start with http:// or https:// (got ${template})`);
  const host = m[2]!.replace(/\{[a-z]+\}/gi, '*');
  if (!/^[\w.*-]+(:\d+)?$/.test(host)) throw new Error(`a tile URL's host is not valid: ${m[2]}`);
  return `${m[1]!.toLowerCase()}://${host}`;
}
