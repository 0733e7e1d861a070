import { GRADE_DEFINITIONS, STRIKE_STATUS_DEFINITIONS } from '../../../domain/definitions.ts';
import { GRADES, STRIKE_STATUSES, type Grade, type StrikeStatus } from '../../../domain/grading.ts';
import type { IncidentSummary, ListQuery, Sort } from '../api-schemas.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatRange, queryString } from './format.ts';
import { layout } from './layout.ts';
import { placeName } from './place-name.ts';

export interface IncidentListModel {
  query: ListQuery;
  items: IncidentSummary[];
  total: number;
  next: string | null;
  /** Belligerent labels by code, for the filter's choices. */
  labels: Record<string, string>;
  /** The timeline chart over every matching incident, when there is one. */
  timeline?: SafeHtml | null;
}

/** The filters of a query as URL parameters (sort, cursor and page size left to the caller). */
export function filterParams(q: ListQuery): Record<string, string | number | undefined> {
  return {
    from: q.from,
    to: q.to,
    country: q.country,
    governorate: q.governorate,
    belligerent: q.belligerent,
    grading: q.grading,
    strikeStatus: q.strikeStatus,
    minKilled: q.minKilled,
    q: q.q,
  };
}

function pageParams(q: ListQuery, sort: Sort): Record<string, string | number | undefined> {
  return {
    ...filterParams(q),
    sort: sort === '-date' ? undefined : sort,
    limit: q.limit === 50 ? undefined : q.limit,
  };
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}" ${value === selected ? html` selected` : null}>${label}</option>`;
}

/** The filter form, shared by the list and the map; it submits to `action`. */
export function filterForm(
  m: Pick<IncidentListModel, 'query' | 'labels'>,
  action = '/incidents',
  extra: SafeHtml | null = null,
): SafeHtml {
  const q = m.query;
  const belligerents = Object.entries(m.labels).sort((a, b) => a[1].localeCompare(b[1]));
  return html`<form class="filters" method="get" action="${action}" role="search">
    <label>From <input type="date" name="from" value="${q.from ?? ''}" /></label>
    <label>To <input type="date" name="to" value="${q.to ?? ''}" /></label>
    <label>Country <input type="text" name="country" value="${q.country ?? ''}" /></label>
    <label>Governorate <input type="text" name="governorate" value="${q.governorate ?? ''}" /></label>
    <label
      >Belligerent
      <select name="belligerent">
        <option value="">Any</option>
        ${belligerents.map(([code, label]) => option(code, label, q.belligerent))}
        ${q.belligerent && !m.labels[q.belligerent] ? option(q.belligerent, q.belligerent, q.belligerent) : null}
      </select></label
    >
    <label
      >Grading
      <select name="grading">
        <option value="">Any</option>
        ${GRADES.map((g) => option(g, g, q.grading))}
      </select></label
    >
    <label
      >Strike status
      <select name="strikeStatus">
        <option value="">Any</option>
        ${STRIKE_STATUSES.map((s) => option(s, s, q.strikeStatus))}
      </select></label
    >
    <label
      >Killed at least <input type="number" name="minKilled" min="0" value="${q.minKilled ?? ''}"
    /></label>
    <label class="wide"
      >Search <input type="search" name="q" value="${q.q ?? ''}" placeholder="place, summary or report text"
    /></label>
    <input type="hidden" name="sort" value="${q.sort}" />${extra}
    <div class="form-actions"><button type="submit">Filter</button> <a href="${action}">Clear</a></div>
  </form>`;
}

const SORTABLE: Partial<Record<string, 'date' | 'place' | 'killed' | 'civilians'>> = {
  Date: 'date',
  Place: 'place',
  Killed: 'killed',
  Civilians: 'civilians',
};

function header(label: string, q: ListQuery): SafeHtml {
  const key = SORTABLE[label];
  if (!key) return html`<th scope="col">${label}</th>`;
  const current = q.sort === key ? 'ascending' : q.sort === `-${key}` ? 'descending' : null;
  // Numbers and dates first open largest or newest first; a second click reverses.
  const firstDescending = key !== 'place';
  const next: Sort =
    current === 'descending' ? key : current === 'ascending' ? `-${key}` : firstDescending ? `-${key}` : key;
  const arrow = current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : '';
  return html`<th scope="col" ${current ? html` aria-sort="${current}"` : null}>
    <a href="/incidents${queryString(pageParams(q, next))}">${label}${arrow}</a>
  </th>`;
}

export function gradeLabel(grading: string | null): SafeHtml {
  if (!grading) return html`–`;
  const definition = GRADE_DEFINITIONS[grading as Grade];
  return html`<span
    class="grade grade-${grading.toLowerCase()}"
    ${definition ? html` title="${definition}"` : null}
    >${grading}</span
  >`;
}

export function statusLabel(status: string | null): SafeHtml {
  if (!status) return html`–`;
  const definition = STRIKE_STATUS_DEFINITIONS[status as StrikeStatus];
  return html`<span class="status" ${definition ? html` title="${definition}"` : null}>${status}</span>`;
}

function row(i: IncidentSummary): SafeHtml {
  const place = placeName([i.place, i.governorate]);
  return html`<tr>
    <td><a href="${i.url}">${i.code}</a></td>
    <td class="nowrap">${i.date ?? 'undated'}</td>
    <td>${place || 'unplaced'}</td>
    <td class="num">${formatRange(i.killed)}</td>
    <td class="num">${formatRange(i.civiliansKilled)}</td>
    <td class="num">${formatRange(i.injured)}</td>
    <td>${gradeLabel(i.grading)}</td>
    <td>${statusLabel(i.strikeStatus)}</td>
    <td>
      ${i.belligerents.map((b, n) => html`${n > 0 ? ', ' : null}<span class="role-${b.role}">${b.label}</span>`)}
    </td>
  </tr>`;
}

/** The incident list: filters in the URL, sortable columns, a page at a time. */
export function incidentListPage(m: IncidentListModel): SafeHtml {
  const q = m.query;
  const shown = m.items.length;
  const exports = queryString({ ...filterParams(q), sort: q.sort === '-date' ? undefined : q.sort });
  const table =
    shown === 0
      ? html`<p class="empty">No incident matches these filters.</p>`
      : html`<div class="table-wrap">
          <table class="incidents">
            <thead>
              <tr>
                ${['Code', 'Date', 'Place', 'Killed', 'Civilians', 'Injured', 'Grading', 'Strike status', 'Belligerents'].map((h) => header(h, q))}
              </tr>
            </thead>
            <tbody>
              ${m.items.map(row)}
            </tbody>
          </table>
        </div>`;
  return layout({
    title: 'Incidents',
    section: 'incidents',
    main: html`<h1>Incidents</h1>
      ${filterForm(m)}
      <p class="count">
        ${m.total === 1 ? '1 incident matches' : `${m.total} incidents match`}${q.cursor ? ' (a later page)' : null}.
        Download them as <a href="/api/export.csv${exports}">CSV</a>,
        <a href="/api/export.geojson${exports}">GeoJSON</a> or
        <a href="/api/export.jsonl${exports}">JSON lines</a>, or
        <a href="/map${queryString(filterParams(q))}">see them on the map</a>.
      </p>
      ${m.timeline ?? null} ${table}
      <nav class="pager" aria-label="Pages">
        ${q.cursor ? html`<a href="/incidents${queryString(pageParams(q, q.sort))}">First page</a>` : null}
        ${m.next ? html`<a rel="next" href="/incidents${queryString({ ...pageParams(q, q.sort), cursor: m.next })}">Next page</a>` : null}
      </nav>`,
  });
}
