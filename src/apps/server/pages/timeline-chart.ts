import type { MonthlyCount } from '../../../domain/store.ts';
import { html, type SafeHtml } from '../html.ts';

/** Drawing units: the SVG scales to its box, so these only fix proportions and text size. */
/** A laptop's chart and a phone's: the same drawing units would shrink text to nothing on a phone. */
const WIDTHS = { wide: 880, narrow: 400 } as const;
const LEFT = 52;
const RIGHT = 12;
const PANEL = 120;
const GAP = 46;
const TOP = 22;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Series {
  code: string;
  label: string;
  colour: string;
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * Incidents and civilian deaths per month, stacked by belligerent (the one the assessment names
 * first, the most blamed), as an SVG drawn on the server: no script needed, every bar titled with its
 * figures. Deaths show the lowest reported figures as bars and the highest as an outline above.
 */
export function timelineChart(
  rows: MonthlyCount[],
  colourOf: (code: string | null) => string,
): SafeHtml | null {
  if (rows.length === 0) return null;
  const months = monthsBetween(rows[0]!.month, rows.at(-1)!.month);
  const seriesBy = new Map<string, Series>();
  for (const r of rows) {
    const code = r.belligerent?.code ?? '';
    if (!seriesBy.has(code))
      seriesBy.set(code, {
        code,
        label: r.belligerent?.label ?? 'No belligerent named',
        colour: colourOf(r.belligerent?.code ?? null),
      });
  }
  const totals = new Map<string, Series & { incidents: number }>();
  for (const r of rows) {
    const s = seriesBy.get(r.belligerent?.code ?? '')!;
    const t = totals.get(s.code) ?? { ...s, incidents: 0 };
    t.incidents += r.incidents;
    totals.set(s.code, t);
  }
  // Largest first, so the biggest series sits at the bottom of each stack, where it reads best.
  const order = [...totals.values()].sort(
    (a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label),
  );
  const byMonth = new Map<string, MonthlyCount[]>();
  for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  const monthTotals = months.map((m) => {
    const rs = byMonth.get(m) ?? [];
    return {
      month: m,
      rows: order
        .map((s) => rs.find((r) => (r.belligerent?.code ?? '') === s.code))
        .filter((r): r is MonthlyCount => !!r),
      incidents: rs.reduce((n, r) => n + r.incidents, 0),
      low: rs.reduce((n, r) => n + r.civiliansMin, 0),
      high: rs.reduce((n, r) => n + r.civiliansMax, 0),
      open: rs.reduce((n, r) => n + r.open, 0),
    };
  });
  // At least 2, so the middle gridline falls on a whole number.
  const maxIncidents = niceMax(Math.max(2, ...monthTotals.map((m) => m.incidents)));
  const maxDeaths = niceMax(Math.max(2, ...monthTotals.map((m) => m.high)));
  const draw = (width: number, variant: keyof typeof WIDTHS, description: string): SafeHtml => {
    const plot = width - LEFT - RIGHT;
    const step = plot / months.length;
    const bar = Math.max(1, Math.min(28, step * 0.72));
    const x = (i: number): number => LEFT + i * step + (step - bar) / 2;
    const panelTop = [TOP, TOP + PANEL + GAP];
    const height = panelTop[1]! + PANEL + 34;
    const colourFor = (r: MonthlyCount): string => seriesBy.get(r.belligerent?.code ?? '')!.colour;
    const nameFor = (r: MonthlyCount): string => seriesBy.get(r.belligerent?.code ?? '')!.label;

    const axis = (top: number, max: number, title: string): SafeHtml => html`<g class="axis">
        <text class="panel-title" x="${LEFT}" y="${top - 8}">${title}</text>
        ${[0, max / 2, max].map((v) => {
          const y = top + PANEL - (v / max) * PANEL;
          return html`<line x1="${LEFT}" x2="${width - RIGHT}" y1="${y}" y2="${y}" class="${v === 0 ? 'baseline' : 'gridline'}" /><text x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${v}</text>`;
        })}
      </g>`;

    const incidentBars = monthTotals.map((m, i) => {
      let y = panelTop[0]! + PANEL;
      return m.rows.map((r) => {
        const h = (r.incidents / maxIncidents) * PANEL;
        y -= h;
        return html`<rect x="${x(i).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${colourFor(r)}"><title>${monthLabel(m.month)} · ${nameFor(r)}: ${r.incidents} ${r.incidents === 1 ? 'incident' : 'incidents'}</title></rect>`;
      });
    });

    const deathBars = monthTotals.map((m, i) => {
      const base = panelTop[1]! + PANEL;
      let y = base;
      const lows = m.rows.map((r) => {
        const h = (r.civiliansMin / maxDeaths) * PANEL;
        y -= h;
        return html`<rect x="${x(i).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${colourFor(r)}"><title>${monthLabel(m.month)} · ${nameFor(r)}: ${r.civiliansMin === r.civiliansMax ? r.civiliansMin : `${r.civiliansMin}–${r.civiliansMax}`} civilians killed${r.open > 0 ? ` (${r.open} open ${r.open === 1 ? 'figure' : 'figures'} counted at their lowest)` : ''}</title></rect>`;
      });
      const highTop = base - (m.high / maxDeaths) * PANEL;
      const range =
        m.high > m.low
          ? html`<rect class="deaths-high" x="${x(i).toFixed(1)}" y="${highTop.toFixed(1)}" width="${bar.toFixed(1)}" height="${(((m.high - m.low) / maxDeaths) * PANEL).toFixed(1)}"><title>${monthLabel(m.month)}: ${m.low}–${m.high} civilians killed in all</title></rect>`
          : null;
      return [lows, range];
    });

    // A label every few months, so they never collide; January carries the year.
    const every = Math.max(1, Math.ceil(months.length / (width > 600 ? 12 : 5)));
    const labels = months.map((m, i) => {
      if (i % every !== 0 && i !== months.length - 1) return null;
      const [y, mm] = m.split('-');
      return html`<text class="month" x="${(LEFT + i * step + step / 2).toFixed(1)}" y="${panelTop[1]! + PANEL + 16}" text-anchor="middle">${MONTHS[Number(mm) - 1]}${mm === '01' || i === 0 ? ` ${y}` : ''}</text>`;
    });
    return html`<svg class="timeline-${variant}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${description}" preserveAspectRatio="xMidYMid meet">
      <title>${description}</title>
      ${axis(panelTop[0]!, maxIncidents, 'Incidents')}
      ${axis(panelTop[1]!, maxDeaths, variant === 'wide' ? 'Civilians killed (bar: lowest reported; outline: highest)' : 'Civilians killed')}
      ${incidentBars} ${deathBars} ${labels}
    </svg>`;
  };

  const total = monthTotals.reduce((n, m) => n + m.incidents, 0);
  const low = monthTotals.reduce((n, m) => n + m.low, 0);
  const high = monthTotals.reduce((n, m) => n + m.high, 0);
  const description = `${total} dated incidents from ${monthLabel(months[0]!)} to ${monthLabel(months.at(-1)!)}, ${low === high ? low : `${low} to ${high}`} civilians killed`;
  return html`<figure class="timeline">
    <figcaption>Incidents and civilian deaths per month, by belligerent</figcaption>
    ${draw(WIDTHS.wide, 'wide', description)} ${draw(WIDTHS.narrow, 'narrow', description)}
    <ul class="legend-keys" aria-label="Belligerents">
      ${order.map((s) => html`<li><span class="swatch"><svg viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${s.colour}" /></svg></span>${s.label} (${s.incidents})</li>`)}
      <li><span class="swatch"><svg viewBox="0 0 10 10" aria-hidden="true"><rect x="0.5" y="0.5" width="9" height="9" class="deaths-high" /></svg></span>Highest reported deaths, above the lowest</li>
    </ul>
  </figure>`;
}
