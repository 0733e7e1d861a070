import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, claim, on, range, says } from '../../../test/fixtures/claims.ts';
import { clusterAll, MemoryIncidentIndex } from '../cluster/index.ts';
import { assessIncident } from './index.ts';

const labels = {
  russia: 'Russia',
  'us-coalition': 'the US-led Coalition',
  'syria-regime': 'the Syrian government',
};

/** One strike on Idlib city, told three ways. */
function idlibReports() {
  return [
    claim(
      {
        ...on('2017-02-07'),
        ...at('idlibCity'),
        killed: range(15),
        civilians_killed: range(15),
        attributed: [says('russia', 'blames', 'Idlib Media Center')],
      },
      { outlet: 'Step News', kind: 'local media' },
    ),
    claim(
      {
        ...on('2017-02-07'),
        ...at('idlibCity'),
        killed: range(24, null),
        civilians_killed: range(24, null),
        children_killed: range(3, null),
        attributed: [
          says('russia', 'blames'),
          says('us-coalition', 'blames', 'activists'),
          says('russia', 'denies', 'Russian Defence Ministry'),
        ],
      },
      { outlet: 'Al Jazeera', kind: 'international media' },
    ),
    claim(
      {
        ...on('2017-02-08'),
        ...at('idlibCity'),
        killed: range(null, 30),
        injured: range(100, 300),
        attributed: [says('us-coalition', 'blames', 'Syrian Observatory for Human Rights')],
      },
      { outlet: 'Syrian Observatory', kind: 'monitor', published: '2017-02-08' },
    ),
  ];
}

describe('assessIncident', () => {
  it('grades one strike told by three outlets with different tolls and blame as Contested', () => {
    const claims = idlibReports();
    const index = new MemoryIncidentIndex();
    let n = 0;
    clusterAll(claims, index, () => `I${++n}`);
    assert.equal(index.size, 1);
    const members = index.get('I1')!.claimIds.map((id) => claims.find((c) => c.id === id)!);
    const a = assessIncident(members, { labels });
    assert.equal(a.grading.value, 'Contested');
    assert.equal(a.grading.reason, 'Contested: 2 sources blame Russia, 2 blame the US-led Coalition');
    assert.equal(a.strikeStatus.value, 'Contested strike');
    assert.deepEqual(a.ranges.killed.value, { min: 15, max: 30 });
    assert.deepEqual(a.ranges.civilians_killed.value, { min: 15, max: null });
    assert.deepEqual(a.ranges.children_killed.value, { min: 3, max: null });
    assert.deepEqual(a.ranges.injured.value, { min: 100, max: 300 });
    assert.equal(a.ranges.women_killed.value, null);
    assert.match(
      a.ranges.killed.reason,
      /15-30 from 3 sources \(Step News 15; Al Jazeera at least 24; Syrian Observatory up to 30\)/,
    );
    const russia = a.belligerents.find((b) => b.code === 'russia')!;
    assert.deepEqual(russia.blamedBy, ['Step News', 'Al Jazeera']);
    assert.deepEqual(russia.deniedBy, [{ by: 'Russian Defence Ministry', outlet: 'Al Jazeera' }]);
    assert.equal(russia.role.value, 'suspected');
    assert.equal(a.belligerents.find((b) => b.code === 'us-coalition')!.role.value, 'suspected');
    assert.equal(
      a.summary,
      'An airstrike on Idlib city on 7 February 2017 reportedly killed at least 15 civilians, including at least 3 children, and injured between 100 and 300 more. ' +
        'Reports blamed both Russia and the US-led Coalition. ' +
        'Step News blamed Russia. Al Jazeera blamed both Russia and the US-led Coalition. ' +
        'Syrian Observatory blamed the US-led Coalition. ' +
        'Complicating attribution, Russia denied any role (Russian Defence Ministry, via Al Jazeera). ' +
        'Reports differ on the date (7 February 2017 and 8 February 2017).',
    );
  });

  it('writes multi-word labels as prose and capitalises them at the start of a sentence', () => {
    const raw = { russia: 'Russia', 'us-coalition': 'US-led Coalition' };
    const a = assessIncident(
      [
        claim(
          { ...on('2016-05-31'), ...at('hass'), attributed: [says('us-coalition', 'denies', 'CENTCOM')] },
          { outlet: 'Reuters' },
        ),
        claim(
          { ...on('2016-05-31'), ...at('hass'), attributed: [says('us-coalition', 'blames')] },
          { outlet: 'SOHR' },
        ),
      ],
      { labels: raw },
    );
    assert.equal(a.belligerents[0]!.label, 'US-led Coalition');
    assert.match(a.summary, /Reports blamed the US-led Coalition\. SOHR blamed the US-led Coalition\./);
    assert.match(a.summary, /The US-led Coalition denied any role \(CENTCOM, via Reuters\)\./);
  });

  it('grades two outlets blaming one belligerent Fair, and that belligerent known', () => {
    const claims = [
      claim(
        { ...on('2016-05-31'), ...at('hass'), killed: range(5), attributed: [says('russia', 'blames')] },
        { outlet: 'Reuters' },
      ),
      claim(
        { ...on('2016-05-31'), ...at('hass'), killed: range(7), attributed: [says('russia', 'blames')] },
        { outlet: 'Orient News' },
      ),
    ];
    const a = assessIncident(claims, { labels });
    assert.equal(a.grading.value, 'Fair');
    assert.match(a.grading.reason, /^Fair: 2 independent outlets report it \(Reuters and Orient News\)/);
    assert.equal(a.strikeStatus.value, 'Likely strike');
    assert.equal(a.belligerents[0]!.role.value, 'known');
    assert.equal(a.belligerents[0]!.role.rule, 'role-undisputed');
    assert.deepEqual(a.civilians.value, { min: 5, max: 7 });
    assert.equal(a.civilians.rule, 'civilians-default');
    assert.match(a.summary, /Reuters and Orient News blamed Russia\./);
  });

  it('grades a single source Weak, a single source claim', () => {
    const a = assessIncident(
      [
        claim(
          {
            ...on('2016-05-31'),
            ...at('hass'),
            killed: range(3),
            attributed: [says('syria-regime', 'blames')],
          },
          { outlet: 'Step News' },
        ),
      ],
      { labels },
    );
    assert.equal(a.grading.value, 'Weak');
    assert.equal(a.grading.reason, 'Weak: a single source (Step News)');
    assert.equal(a.strikeStatus.value, 'Single source claim');
    assert.equal(a.belligerents[0]!.role.rule, 'role-single');
    assert.match(
      a.summary,
      /^An airstrike on Hass \(Idlib\) on 31 May 2016 reportedly killed 3 civilians\. Only Step News reported it\./,
    );
  });

  it('grades a strike its belligerent confirms Confirmed, a declared strike', () => {
    const a = assessIncident(
      [
        claim(
          {
            ...on('2016-05-31'),
            ...at('hass'),
            civilians_killed: range(4),
            attributed: [
              says('russia', 'confirms', 'Russian Defence Ministry'),
              says('russia', 'blames', 'activists'),
            ],
          },
          { outlet: 'TASS' },
        ),
        claim(
          { ...on('2016-05-31'), ...at('hass'), attributed: [says('syria-regime', 'blames')] },
          { outlet: 'Step News' },
        ),
      ],
      { labels },
    );
    assert.equal(a.grading.value, 'Confirmed');
    assert.equal(
      a.grading.reason,
      'Confirmed: Russia accepted responsibility (Russian Defence Ministry, reported by TASS)',
    );
    assert.equal(a.strikeStatus.value, 'Declared strike');
    assert.equal(a.belligerents[0]!.role.value, 'known');
    assert.equal(a.belligerents[1]!.role.value, 'suspected');
    assert.match(
      a.summary,
      /Russia confirmed carrying out the strike \(Russian Defence Ministry, via TASS\)\./,
    );
  });

  it('discounts a strike whose dead are all described as combatants', () => {
    const a = assessIncident(
      [
        claim(
          {
            ...on('2016-05-31'),
            ...at('hass'),
            killed: range(20),
            combatants_killed: range(20),
            attributed: [says('russia', 'confirms', 'Russian Defence Ministry')],
          },
          { outlet: 'Sputnik' },
        ),
        claim(
          { ...on('2016-05-31'), ...at('hass'), killed: range(18), combatants_killed: range(18) },
          { outlet: 'SANA' },
        ),
      ],
      { labels },
    );
    assert.equal(a.grading.value, 'Discounted');
    assert.match(a.grading.reason, /describes the dead as combatants \(Sputnik and SANA\)/);
    assert.equal(a.strikeStatus.value, 'Declared strike');
    assert.equal(a.civilians.value, null);
    assert.match(a.summary, /reportedly killed between 18 and 20 people described as combatants/);
  });

  it('sets the civilian minimum to 0 when civilian status is contested', () => {
    const a = assessIncident(
      [
        claim(
          { ...on('2016-05-31'), ...at('hass'), killed: range(10), combatants_killed: range(10) },
          { outlet: 'SANA' },
        ),
        claim(
          { ...on('2016-05-31'), ...at('hass'), killed: range(12), civilians_killed: range(12) },
          { outlet: 'Orient News' },
        ),
      ],
      { labels },
    );
    assert.notEqual(a.grading.value, 'Discounted');
    assert.deepEqual(a.civilians.value, { min: 0, max: 12 });
    assert.equal(a.civilians.rule, 'civilians-contested');
    assert.match(a.summary, /killed between 10 and 12 people, whose civilian status is disputed\. /);
  });

  it('confirms on a belligerent assessment found credible, and reports a non-credible one', () => {
    const claims = [
      claim(
        {
          ...on('2017-03-16'),
          ...at('hass'),
          killed: range(38),
          attributed: [says('us-coalition', 'blames')],
        },
        { outlet: 'SNHR' },
      ),
    ];
    const credible = assessIncident(claims, {
      labels,
      official: [
        {
          belligerent: 'us-coalition',
          verdict: 'credible',
          reason: null,
          deathsConceded: range(1),
          injuriesConceded: null,
          source: 'the CJTF-OIR report of May 2018',
        },
      ],
    });
    assert.equal(credible.grading.value, 'Confirmed');
    assert.equal(credible.belligerents[0]!.role.rule, 'role-conceded');
    const denied = assessIncident(claims, {
      labels,
      official: [
        {
          belligerent: 'us-coalition',
          verdict: 'non-credible',
          reason: 'No Coalition strikes were conducted in that area',
          deathsConceded: null,
          injuriesConceded: null,
          source: 'the CJTF-OIR report of May 2017',
        },
      ],
    });
    assert.equal(denied.grading.value, 'Weak');
    assert.match(
      denied.summary,
      /In the CJTF-OIR report of May 2017, the US-led Coalition assessed the report as non-credible: "No Coalition strikes/,
    );
  });

  it('grades reports that name no perpetrator Weak, though the strike is likely', () => {
    const a = assessIncident(
      [
        claim(
          { ...on('2016-05-31'), ...at('hass'), killed: range(2), attributed: [says('unknown', 'unsure')] },
          { outlet: 'A' },
        ),
        claim(
          { ...on('2016-05-31'), ...at('hass'), killed: range(2), attributed: [says('russia', 'unsure')] },
          { outlet: 'B' },
        ),
      ],
      { labels },
    );
    assert.equal(a.grading.rule, 'grade-no-perpetrator');
    assert.equal(a.strikeStatus.value, 'Likely strike');
    assert.equal(a.belligerents[0]!.role.rule, 'role-hedged');
    assert.match(a.summary, /B said Russia may have been responsible\. A did not attribute responsibility\./);
  });
});

describe('assessIncident with reconciled official reports', () => {
  const single = () => [
    claim(
      { ...on('2017-03-16'), ...at('hass'), killed: range(5), attributed: [says('us-coalition', 'blames')] },
      { outlet: 'SNHR' },
    ),
  ];
  const base = {
    belligerent: 'us-coalition',
    reason: null,
    deathsConceded: null,
    injuriesConceded: null,
    source: 'CJTF-OIR',
  };

  it('shows a denial of strikes in the area with the distance of the closest declared strike', () => {
    const a = assessIncident(single(), {
      labels,
      official: [
        {
          ...base,
          verdict: 'non-credible',
          reason: 'no strikes in that area',
          reasonCode: 'no-strikes-in-area',
          deniesStrikes: true,
          strikesInWindow: 3,
          nearestStrike: { km: 90, place: 'Raqqa', sameDay: true },
        },
      ],
    });
    assert.equal(a.belligerents[0]!.role.rule, 'role-denied-officially');
    assert.match(a.summary, /assessed the report as non-credible: "no strikes in that area"\./);
    assert.match(
      a.summary,
      /The closest strike the US-led Coalition declared in those days was 90 km away \(near Raqqa\)\./,
    );
  });

  it('a strike log that declares no strikes there is the belligerent denying it', () => {
    const a = assessIncident(single(), {
      labels,
      official: [
        {
          ...base,
          verdict: 'not yet assessed',
          deniesStrikes: true,
          nearestStrike: { km: 42.5, place: null, sameDay: false },
        },
      ],
    });
    assert.match(
      a.summary,
      /The US-led Coalition reported no strikes in that area on those days; the closest strike it declared was 42\.5 km away\./,
    );
  });

  it('a declared strike within a few km that day makes a single-source claim a Likely strike', () => {
    const a = assessIncident(single(), {
      labels,
      official: [
        {
          ...base,
          verdict: 'not yet assessed',
          declaredNearby: true,
          nearestStrike: { km: 1.2, place: 'Hasakah', sameDay: true },
        },
      ],
    });
    assert.equal(a.strikeStatus.value, 'Likely strike');
    assert.equal(a.strikeStatus.rule, 'status-declared-nearby');
    assert.match(
      a.summary,
      /The US-led Coalition declared a strike 1\.2 km away that day \(near Hasakah\)\./,
    );
  });

  it('a conceded incident is Confirmed and a Declared strike, with what was conceded', () => {
    const a = assessIncident(single(), {
      labels,
      official: [{ ...base, verdict: 'credible', deathsConceded: range(2) }],
    });
    assert.equal(a.grading.value, 'Confirmed');
    assert.equal(a.strikeStatus.value, 'Declared strike');
    assert.match(a.summary, /assessed the report as credible, conceding 2 killed\./);
  });
});
