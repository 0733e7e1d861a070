import { html, safeHref, type SafeHtml } from '../html.ts';
import { incidentCode, type ReportView } from '../incident-view.ts';
import { formatRange, formatTimestamp } from './format.ts';
import { layout } from './layout.ts';

interface Span {
  start: number;
  end: number;
  field: string;
  anchor: string;
  claimId: number;
  incidentId: number | null;
}

function spansOf(view: ReportView): Span[] {
  const length = view.report.text.length;
  const spans: Span[] = [];
  for (const { claim, incidentId } of view.claims)
    claim.event.evidence.forEach((ev, k) => {
      const start = Math.max(0, Math.min(ev.start, length));
      const end = Math.max(start, Math.min(ev.end, length));
      spans.push({
        start,
        end,
        field: ev.field,
        anchor: `ev-${claim.id}-${k}`,
        claimId: claim.id,
        incidentId,
      });
    });
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The text with each evidence span in a <mark> linked to its claim's incident. Spans overlap
 * (a casualty figure inside a strike sentence): the later one keeps its anchor and marks only
 * what is left of it.
 */
export function highlightedText(view: ReportView): SafeHtml {
  const text = view.report.text;
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const span of spansOf(view)) {
    const start = Math.max(span.start, at);
    if (start > at) parts.push(html`${text.slice(at, start)}`);
    if (span.end <= start) {
      parts.push(html`<span class="anchor" id="${span.anchor}"></span>`);
      continue;
    }
    const quoted = text.slice(start, span.end);
    const title = `${span.field} (claim ${span.claimId})`;
    parts.push(
      span.incidentId === null
        ? html`<mark id="${span.anchor}" title="${title}">${quoted}</mark>`
        : html`<mark id="${span.anchor}" title="${title}"><a href="/incidents/${span.incidentId}#claim-${span.claimId}">${quoted}</a></mark>`,
    );
    at = span.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/** "2 of 3: v1 v2 v3", each other version linked. */
function versions(view: ReportView): SafeHtml {
  const all = view.versions;
  if (all.length <= 1) return html`${view.report.version}`;
  return html`${view.report.version} of ${all.length}: ${all.map((v, n) => html`${n > 0 ? ' ' : null}${v.id === view.report.id ? html`<strong>v${v.version}</strong>` : html`<a href="/reports/${v.id}">v${v.version}</a>`}`)}`;
}

/** An archived report: its metadata, the text with every evidence span marked, the original bytes. */
export function reportPage(view: ReportView): SafeHtml {
  const r = view.report;
  const href = safeHref(r.url);
  return layout({
    title: r.title ?? `Report ${r.id}`,
    section: 'incidents',
    main: html`<p class="breadcrumb"><a href="/incidents">Incidents</a></p>
      <h1>${r.title ?? `Report ${r.id}`}</h1>
      <dl class="report-meta">
        <dt>Outlet</dt>
        <dd>${r.outlet ?? 'unknown'}</dd>
        <dt>Published</dt>
        <dd>${r.published ?? 'unknown'}</dd>
        <dt>Language</dt>
        <dd>${r.language ?? 'unknown'}</dd>
        <dt>Retrieved</dt>
        <dd>${formatTimestamp(r.retrieved)}</dd>
        <dt>Address</dt>
        <dd>
          ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${r.url}</a>` : (r.url ?? r.key)}
        </dd>
        <dt>Version</dt>
        <dd>${versions(view)}</dd>
        <dt>SHA-256</dt>
        <dd class="hash">${r.sha256}</dd>
        <dt>Original</dt>
        <dd>
          <a href="/reports/${r.id}/original" download>Download the bytes as received</a>
          <span class="muted">(${r.mediaType})</span>
        </dd>
      </dl>
      <section>
        <h2>Claims (${view.claims.length})</h2>
        ${
          view.claims.length === 0
            ? html`<p class="muted">No strike claims were extracted from this report.</p>`
            : html`<ul class="claims">
                ${view.claims.map(
                  ({ claim, incidentId }) =>
                    html`<li>
                      Claim ${claim.id}: ${claim.event.date ?? 'undated'}, ${claim.event.place ?? 'unplaced'};
                      killed ${formatRange(claim.event.killed)}, injured
                      ${formatRange(claim.event.injured)}${incidentId !== null ? html` · in <a href="/incidents/${incidentId}#claim-${claim.id}">${incidentCode(incidentId)}</a>` : html` · <span class="muted">in no incident</span>`}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section>
        <h2>Archived text</h2>
        <p class="muted">Marked passages are the evidence behind the claims; each links to its incident.</p>
        <div class="report-text">${highlightedText(view)}</div>
      </section>`,
  });
}
