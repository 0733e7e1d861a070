import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, safeHref, trustedHtml } from './html.ts';

describe('html template', () => {
  it('escapes every interpolation, in text and in attributes', () => {
    const evil = `"><script>alert('x')</script>`;
    const out = html`<a title="${evil}">${evil}</a>`.value;
    assert.equal(
      out,
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>',
    );
    assert.ok(!out.includes('<script'));
  });

  it('nests templates and lists without escaping them twice, and renders nothing for null and false', () => {
    const items = ['a<b', 'c&d'].map((t) => html`<li>${t}</li>`);
    assert.equal(
      html`<ul>${items}${null}${false}${undefined}</ul>`.value,
      '<ul><li>a&lt;b</li><li>c&amp;d</li></ul>',
    );
    assert.equal(html`${trustedHtml('<br>')}${0}`.value, '<br>0');
  });

  it('escapes backticks and single quotes too', () => {
    assert.equal(escapeHtml("`'"), '&#96;&#39;');
  });

  it('keeps only http and https links', () => {
    assert.equal(safeHref('https://example.org/a?b=1'), 'https://example.org/a?b=1');
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref(' JaVaScRiPt:alert(1)'), null);
    assert.equal(safeHref('data:text/html,<script>'), null);
    assert.equal(safeHref('not a url'), null);
    assert.equal(safeHref(null), null);
  });
});
