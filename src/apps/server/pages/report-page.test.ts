import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Evidence, ExtractedEvent } from '../../../domain/extraction.ts';
import type { Report } from '../../../domain/report.ts';
import type { ReportView } from '../incident-view.ts';
import { highlightedText, reportPage } from './report-page.ts';

const TEXT = 'Warplanes struck Hass on Tuesday, killing 12 civilians.';

function report(id: number, version: number): Report {
  return {
    id,
    key: 'hass',
    version,
    sha256: 'ab'.repeat(32),
    mediaType: 'text/plain',
    url: null,
    outlet: 'Local <Monitor>',
    language: 'en',
    published: '2017-03-15',
    retrieved: '2024-01-01T00:00:00.000Z',
    title: null,
    text: TEXT,
    source: 'hass.txt',
    status: 'processed',
    statusError: null,
  };
}

function span(field: string, text: string, from = 0): Evidence {
  const start = TEXT.indexOf(text, from);
  return { field, start, end: start + text.length, text };
}

function view(evidence: Evidence[], incidentId: number | null = 7): ReportView {
  const event = { evidence } as unknown as ExtractedEvent;
  return {
    report: report(2, 2),
    claims: [{ claim: { id: 3, reportId: 2, index: 0, event }, incidentId }],
    versions: [report(1, 1), report(2, 2)],
  };
}

describe('report page', () => {
  it('marks each span once, linked to its incident, and keeps the text as it is', () => {
    const out = highlightedText(view([span('place', 'Hass'), span('killed', '12 civilians')])).value;
    assert.equal(
      out,
      'Warplanes struck <mark id="ev-3-0" title="place (claim 3)"><a href="/incidents/7#claim-3">Hass</a></mark> on Tuesday, killing <mark id="ev-3-1" title="killed (claim 3)"><a href="/incidents/7#claim-3">12 civilians</a></mark>.',
    );
  });

  it('marks only what is left of a span inside another, and keeps an anchor for one wholly inside', () => {
    const out = highlightedText(
      view(
        [span('strike', 'Warplanes struck Hass'), span('place', 'Hass'), span('date', 'struck Hass on')],
        null,
      ),
    ).value;
    assert.equal(
      out,
      '<mark id="ev-3-0" title="strike (claim 3)">Warplanes struck Hass</mark><mark id="ev-3-2" title="date (claim 3)"> on</mark><span class="anchor" id="ev-3-1"></span> Tuesday, killing 12 civilians.',
    );
  });

  it('links the other versions of the report and escapes its metadata', () => {
    const out = reportPage(view([])).value;
    assert.match(out, /2 of 2: <a href="\/reports\/1">v1<\/a> <strong>v2<\/strong>/);
    assert.match(out, /Local &lt;Monitor&gt;/);
  });
});
