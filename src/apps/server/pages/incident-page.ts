import { DATE_PRECISION_DEFINITIONS, LOCATION_PRECISION_DEFINITIONS } from '../../../domain/definitions.ts';
import type { LocationPrecision } from '../../../domain/extraction.ts';
import type { BelligerentAssessment } from '../../../domain/grading.ts';
import type { WindowPrecision } from '../../../domain/incident.ts';
import { assessmentOf } from '../../../stages/publish/index.ts';
import { html, safeHref, type SafeHtml } from '../html.ts';
import { incidentCode, summaryOf, type IncidentView, type SourceClaimView } from '../incident-view.ts';
import { changeSummary } from './change-summary.ts';
import { formatRange, formatTimestamp } from './format.ts';
import { gradeLabel, statusLabel } from './incident-list-page.ts';
import { layout } from './layout.ts';
import type { TileSettings } from '../tile-settings.ts';
import { placeName } from './place-name.ts';
import { miniMap } from './mini-map.ts';

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

function withTitle(text: string, title: string | undefined): SafeHtml {
  return title ? html`<span class="defined" title="${title}">${text}</span>` : html`${text}`;
}

function belligerentLine(b: BelligerentAssessment): SafeHtml {
  const details = [
    b.blamedBy.length > 0 ? `blamed by ${b.blamedBy.join(', ')}` : null,
    b.suspectedBy.length > 0 ? `suspected by ${b.suspectedBy.join(', ')}` : null,
    b.deniedBy.length > 0
      ? `denied by ${b.deniedBy.map((s) => `${s.by} (via ${s.outlet})`).join(', ')}`
      : null,
    b.confirmedBy.length > 0
      ? `confirmed by ${b.confirmedBy.map((s) => `${s.by} (via ${s.outlet})`).join(', ')}`
      : null,
  ].filter((d): d is string => d !== null);
  return html`<li>
    <span class="role-${b.role.value}">${b.label}</span> <span class="muted">(${b.role.value})</span>
    <span class="reason">${b.role.reason}</span
    >${details.length > 0 ? html` <span class="muted">${details.join('; ')}.</span>` : null}
  </li>`;
}

function officialStatements(bs: BelligerentAssessment[]): SafeHtml | null {
  const official = bs.filter((b) => b.official !== null);
  if (official.length === 0) return null;
  return html`<section>
    <h2>Belligerents' own statements</h2>
    <ul>
      ${official.map((b) => {
        const o = b.official!;
        const log =
          o.strikesInWindow === undefined
            ? null
            : html`<br /><span class="muted">Strike log:</span> ${
                o.deniesStrikes ? 'reported no strikes in that area on those days; ' : null
              }${o.strikesInWindow} declared strike${o.strikesInWindow === 1 ? '' : 's'} in
                the incident's days (± a day)${
                  o.nearestStrike
                    ? html`; the nearest ${o.nearestStrike.km} km away${
                        o.nearestStrike.place ? html` (${o.nearestStrike.place})` : null
                      }${o.nearestStrike.sameDay ? ' the same day' : null}`
                    : null
                }.`;
        return html`<li>
          <strong>${b.label}</strong>: ${o.verdict}${o.reason ? html`, “${o.reason}”` : null}; deaths conceded
          ${formatRange(o.deathsConceded)}, injuries conceded ${formatRange(o.injuriesConceded)}
          <span class="muted">(${o.source})</span>${log}
        </li>`;
      })}
    </ul>
  </section>`;
}

/** One chip per belligerent and stance; the hover text gives every speaker and quote behind it. */
function stanceChips(s: SourceClaimView, labels: Record<string, string>): SafeHtml | null {
  const chips = new Map<string, { stance: string; belligerent: string; said: string[] }>();
  for (const a of s.claim.event.attributed) {
    const key = `${a.stance} ${a.belligerent}`;
    const chip = chips.get(key) ?? { stance: a.stance, belligerent: a.belligerent, said: [] };
    chip.said.push(`${a.by ? `${a.by}: ` : ''}“${a.quote}”`);
    chips.set(key, chip);
  }
  if (chips.size === 0) return null;
  return html`<ul class="chips" aria-label="Stances">
    ${[...chips.values()].map(
      (c) =>
        html`<li class="chip stance-${c.stance}" title="${[...new Set(c.said)].join('\n')}">
          ${c.stance} ${labels[c.belligerent] ?? c.belligerent}
        </li>`,
    )}
  </ul>`;
}

function figures(s: SourceClaimView): SafeHtml {
  const e = s.claim.event;
  const rows: [string, ReturnType<typeof formatRange>][] = [
    ['killed', formatRange(e.killed)],
    ['civilians killed', formatRange(e.civilians_killed)],
    ['children killed', formatRange(e.children_killed)],
    ['women killed', formatRange(e.women_killed)],
    ['combatants killed', formatRange(e.combatants_killed)],
    ['injured', formatRange(e.injured)],
  ];
  const given = rows.filter(([, v]) => v !== '–');
  return html`<p class="figures">
    ${given.length === 0 ? 'No figures.' : given.map(([k, v], n) => html`${n > 0 ? '; ' : null}${k} <strong>${v}</strong>`)}${e.date ? html` · dated ${e.date}` : null}${e.place ? html` · ${e.place}` : null}
  </p>`;
}

function source(s: SourceClaimView, labels: Record<string, string>): SafeHtml {
  const r = s.report;
  const reportHref = `/reports/${s.claim.reportId}`;
  const href = safeHref(r?.url);
  return html`<li class="source" id="claim-${s.claim.id}">
    <div class="source-head">
      <strong>${r?.outlet ?? 'Unknown outlet'}</strong
      >${s.outletKind ? html` <span class="muted">${s.outletKind}</span>` : null}
      <span class="muted">${r?.published ?? 'undated'}${r?.language ? html` · ${r.language}` : null}</span>
    </div>
    ${r?.title ? html`<div class="source-title">${r.title}</div>` : null} ${stanceChips(s, labels)}
    ${figures(s)}
    ${
      s.claim.event.evidence.length > 0
        ? html`<ul class="evidence">
            ${s.claim.event.evidence.map(
              (ev, k) =>
                html`<li>
                  <span class="field">${ev.field.replace(/_/g, ' ')}</span>
                  <a href="${reportHref}#ev-${s.claim.id}-${k}"><q>${ev.text}</q></a>
                </li>`,
            )}
          </ul>`
        : null
    }
    <p class="links">
      <a href="${reportHref}">Archived report</a
      >${href ? html` · <a href="${href}" rel="noopener noreferrer nofollow">published at ${new URL(href).host}</a>` : null}
      ·
      <span class="muted"
        >linked by
        ${s.linkedBy}${s.pinnedBy ? ` (pinned by ${s.pinnedBy})` : ''}${s.reason ? `: ${s.reason}` : ''}</span
      >
    </p>
  </li>`;
}

/** One incident: what happened, the summary panel, every source with its evidence, the history. */
export function incidentPage(
  view: IncidentView,
  labels: Record<string, string>,
  analyst: SafeHtml | null = null,
  tiles: TileSettings | null = null,
): SafeHtml {
  const i = view.incident;
  const s = summaryOf(i);
  const a = assessmentOf(i);
  const code = incidentCode(i.id);
  const strikeType = mostCommon(
    view.claims.map((c) => c.claim.event.strike_type).filter((t) => t !== 'unknown'),
  );
  const targets = [...new Set(view.claims.map((c) => c.claim.event.target).filter((t): t is string => !!t))];
  const where = placeName([i.place, i.admin1, i.country]) || 'Place unknown';
  const known = a?.belligerents.filter((b) => b.role.value === 'known') ?? [];
  const suspected = a?.belligerents.filter((b) => b.role.value === 'suspected') ?? [];
  const emptied =
    view.claims.length === 0 ? view.history.filter((e) => e.entity === 'incident').at(-1) : undefined;
  return layout({
    title: `${code} ${i.place ?? ''} ${i.date ?? ''}`.trim(),
    section: 'incidents',
    map: i.lat !== null && i.lon !== null,
    main: html`<p class="breadcrumb"><a href="/incidents">Incidents</a></p>
      <h1><span class="code">${code}</span> ${where}</h1>
      <p class="when">
        ${i.date ?? 'Undated'}${i.datePrecision ? html` · date known to the ${withTitle(i.datePrecision, DATE_PRECISION_DEFINITIONS[i.datePrecision as WindowPrecision])}` : null}
        · location precision
        ${i.locationPrecision ? withTitle(i.locationPrecision, LOCATION_PRECISION_DEFINITIONS[i.locationPrecision as LocationPrecision]) : 'unknown'}${i.lat !== null && i.lon !== null ? html` · <span class="coords">${i.lat.toFixed(4)}, ${i.lon.toFixed(4)}</span>` : null}
      </p>
      ${emptied ? html`<p class="notice">This incident has no claims now${emptied.reason ? `: ${emptied.reason}` : ''}.</p>` : null}
      <div class="incident-grid">
        <section class="assessment">
          <h2>Assessment</h2>
          <p>${a?.summary ?? 'Not assessed yet.'}</p>
          ${
            a
              ? html`<details>
                  <summary>How the grade and status were decided</summary>
                  <ul>
                    <li>Grading: ${a.grading.reason}</li>
                    <li>Strike status: ${a.strikeStatus.reason}</li>
                    <li>Civilians: ${a.civilians.reason}</li>
                  </ul>
                </details>`
              : null
          }
        </section>
        <aside class="summary-panel" aria-label="Summary">
          <dl>
            <dt>Strike status</dt>
            <dd>${statusLabel(i.strikeStatus)}</dd>
            <dt>Strike type</dt>
            <dd>${strikeType ?? 'unknown'}</dd>
            <dt>Civilians killed</dt>
            <dd>
              ${formatRange(s.civiliansKilled)}${s.childrenKilled || s.womenKilled ? html`<span class="breakdown">children ${formatRange(s.childrenKilled)}, women ${formatRange(s.womenKilled)}</span>` : null}
            </dd>
            <dt>Killed in all</dt>
            <dd>${formatRange(s.killed)}</dd>
            <dt>Injured</dt>
            <dd>${formatRange(s.injured)}</dd>
            <dt>Grading</dt>
            <dd>${gradeLabel(i.grading)}</dd>
            <dt>Known belligerents</dt>
            <dd>${known.length > 0 ? known.map((b) => b.label).join(', ') : 'none'}</dd>
            <dt>Suspected belligerents</dt>
            <dd>${suspected.length > 0 ? suspected.map((b) => b.label).join(', ') : 'none'}</dd>
            <dt>Target</dt>
            <dd>${targets.length > 0 ? targets.join('; ') : 'not stated'}</dd>
            <dt>Sources</dt>
            <dd>${a?.outlets.length ?? 0}</dd>
          </dl>
          ${miniMap(i, tiles)}
        </aside>
      </div>
      ${
        a && a.belligerents.length > 0
          ? html`<section>
              <h2>Belligerents</h2>
              <ul class="belligerents">
                ${a.belligerents.map(belligerentLine)}
              </ul>
            </section>`
          : null
      }
      ${a ? officialStatements(a.belligerents) : null}
      <section>
        <h2>Sources (${view.claims.length})</h2>
        <ol class="sources">
          ${view.claims.map((c) => source(c, labels))}
        </ol>
      </section>
      ${analyst}
      <section id="history">
        <h2>Change history</h2>
        ${
          view.history.length === 0
            ? html`<p class="muted">No recorded changes.</p>`
            : html`<div class="table-wrap">
                <table class="history">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${view.history.map(
                      (e) =>
                        html`<tr>
                          <td class="nowrap">${formatTimestamp(e.at)}</td>
                          <td>${e.actor}</td>
                          <td>${e.action} ${e.entity} ${e.entityId}${changeSummary(e) ? `: ${changeSummary(e)}` : null}</td>
                          <td>${e.reason ?? ''}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>`,
  });
}
