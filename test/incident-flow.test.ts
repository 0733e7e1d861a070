/**
 * Reports to graded incidents: five short reports written for this test (three outlets telling
 * one strike on Idlib city their own way, two strikes the same day in nearby villages) go through
 * the shipped extractor, clustering and assessment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExtractor } from '../src/compose.ts';
import type { StoredClaim } from '../src/domain/incident.ts';
import { assessIncident } from '../src/stages/assess/index.ts';
import { clusterAll, MemoryIncidentIndex } from '../src/stages/cluster/index.ts';

const REPORTS = [
  {
    id: 'step-idlib-market',
    outlet: 'Step News',
    text: 'Warplanes strike Idlib market\n\nRussian warplanes struck a crowded market in the city of Idlib on Tuesday, killing 15 civilians, according to the Idlib Media Center.',
  },
  {
    id: 'aljazeera-idlib-raid',
    outlet: 'Al Jazeera',
    text: 'Dozens dead in Idlib air raid\n\nAt least 24 civilians, among them three children, were killed on Tuesday when air strikes hit the centre of Idlib city, activists said. They blamed Russian and US-led coalition jets. The Russian Defence Ministry denied that its aircraft had carried out any strikes in the area.',
  },
  {
    id: 'sohr-idlib',
    outlet: 'Syrian Observatory',
    text: 'Air strikes kill 30 in Idlib\n\nThe Syrian Observatory for Human Rights said 30 people were killed in air strikes on Idlib city on Tuesday. It said the US-led coalition carried out the raids.',
  },
  {
    id: 'orient-kafr-nabl',
    outlet: 'Orient News',
    text: 'Barrel bombs hit Kafr Nabl\n\nSyrian government helicopters dropped barrel bombs on the village of Kafr Nabl in Idlib province on Tuesday, killing four people.',
  },
  {
    id: 'smart-hass',
    outlet: 'Smart News',
    text: 'Strike on Hass\n\nAn air strike on the village of Hass in Idlib province killed six people on Tuesday, local activists said. Russian jets were blamed.',
  },
];

describe('reports to incidents', () => {
  const extract = loadExtractor();
  const claims: StoredClaim[] = REPORTS.flatMap((r) =>
    extract({
      id: r.id,
      text: r.text,
      published: '2017-02-08',
      title: null,
      url: null,
      outlet: r.outlet,
    }).events.map((event, i) => ({
      id: `${r.id}#${i}`,
      reportId: r.id,
      outlet: r.outlet,
      outletKind: null,
      published: '2017-02-08',
      event,
    })),
  );
  const index = new MemoryIncidentIndex();
  let n = 0;
  const added = clusterAll(claims, index, () => `I${++n}`);
  const incidentOf = (reportId: string): string | undefined => added.get(`${reportId}#0`)?.footprint?.id;

  it('makes one incident of the strike three outlets report, graded Contested with the right ranges', () => {
    const id = incidentOf('step-idlib-market');
    assert.ok(id);
    assert.equal(incidentOf('aljazeera-idlib-raid'), id);
    assert.equal(incidentOf('sohr-idlib'), id);
    const members = index.get(id)!.claimIds.map((c) => claims.find((x) => x.id === c)!);
    const a = assessIncident(members, {
      labels: { russia: 'Russia', 'us-coalition': 'the US-led Coalition' },
    });
    assert.equal(a.grading.value, 'Contested');
    assert.equal(a.grading.reason, 'Contested: 2 sources blame Russia, 2 blame the US-led Coalition');
    assert.equal(a.strikeStatus.value, 'Contested strike');
    assert.deepEqual(a.ranges.killed.value, { min: 15, max: 30 });
    assert.deepEqual(a.ranges.civilians_killed.value, { min: 15, max: null });
    assert.deepEqual(a.outlets, ['Step News', 'Al Jazeera', 'Syrian Observatory']);
    assert.match(a.summary, /Russia denied any role \(Russian Defence Ministry, via Al Jazeera\)/);
  });

  it('keeps the two village strikes of the same day apart', () => {
    const kafrNabl = incidentOf('orient-kafr-nabl');
    const hass = incidentOf('smart-hass');
    assert.ok(kafrNabl && hass);
    assert.notEqual(kafrNabl, hass);
    assert.notEqual(kafrNabl, incidentOf('step-idlib-market'));
    assert.equal(index.size, 3);
  });
});
