import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place, PlaceResolver } from '../../domain/place.ts';
import {
  datesWithDateline,
  findDateline,
  findDates,
  findDatesFullScan,
  vagueness,
  type DateMention,
} from './dates.ts';
import { createExtractor } from './index.ts';

// 2016-06-22 is a Wednesday.
const WED = '2016-06-22';

type Row = [text: string, date: string | null, precision: string, kind: string, end?: string];

function rows(text: string, published: string | null): Row[] {
  return findDates(text, published).map((m) => {
    const row: Row = [m.text, m.date, m.precision, m.kind];
    if (m.end_date !== undefined) row.push(m.end_date);
    return row;
  });
}

function only(text: string, published: string | null): DateMention {
  const found = findDates(text, published);
  assert.equal(found.length, 1, `one mention expected in "${text}", got ${JSON.stringify(found)}`);
  return found[0]!;
}

function dateOf(text: string, published: string | null): string | null {
  return only(text, published).date;
}

// --- weekdays ---------------------------------------------------------------------------------

test('a weekday resolves to the latest such day on or before publication', () => {
  assert.deepEqual(rows('Jets bombed the market on Monday, residents said.', WED), [
    ['on Monday', '2016-06-20', 'day', 'weekday'],
  ]);
  assert.equal(dateOf('Shelling resumed Sunday evening near the bridge.', WED), '2016-06-19');
  assert.equal(dateOf('The convoy was hit on Thursday.', WED), '2016-06-16');
  assert.equal(dateOf('Rescuers worked through Saturday.', WED), '2016-06-18');
});

test('a weekday that is the publication day is that same day', () => {
  assert.equal(dateOf('Two clinics were struck on Wednesday.', WED), '2016-06-22');
  assert.equal(dateOf('Officials said Wednesday that the toll had risen.', WED), '2016-06-22');
});

test('weekday phrases keep their lead and tail words', () => {
  assert.deepEqual(rows('The raid took place late Tuesday in the old city.', WED), [
    ['late Tuesday', '2016-06-21', 'day', 'weekday'],
  ]);
  assert.deepEqual(rows('Earlier Tuesday a drone hit a car.', WED), [
    ['Earlier Tuesday', '2016-06-21', 'day', 'weekday'],
  ]);
  assert.deepEqual(rows('Bombs fell late on Monday and again at dawn.', WED), [
    ['late on Monday', '2016-06-20', 'day', 'weekday'],
  ]);
  assert.deepEqual(rows('They returned on Sunday evening to find the house gone.', WED), [
    ['on Sunday evening', '2016-06-19', 'day', 'weekday'],
  ]);
  assert.deepEqual(rows('Survivors of the strike overnight on Sunday were moved.', WED), [
    ['overnight on Sunday', '2016-06-19', 'day', 'weekday'],
  ]);
});

test('possessive weekdays, with or without the apostrophe', () => {
  assert.equal(dateOf("Tuesday's attack left a crater.", WED), '2016-06-21');
  assert.equal(dateOf('Tuesday’s attack left a crater.', WED), '2016-06-21');
  assert.equal(dateOf('Doctors counted the dead of Mondays bombardment.', WED), '2016-06-20');
  assert.equal(dateOf('The toll of Sunday nights raid rose to nine.', WED), '2016-06-19');
});

test('"last" and "next" weekdays', () => {
  assert.equal(dateOf('The bakery was bombed last Wednesday.', WED), '2016-06-15');
  assert.equal(dateOf('The bakery was bombed last Monday.', WED), '2016-06-20');
  assert.equal(dateOf('Talks resume next Friday.', WED), '2016-06-24');
});

test('two weekdays joined make a range', () => {
  assert.deepEqual(rows('Raids on Saturday and Sunday killed eleven.', WED), [
    ['on Saturday and Sunday', '2016-06-18', 'range', 'weekday', '2016-06-19'],
  ]);
  assert.deepEqual(rows('Fighting between Sunday and Tuesday displaced hundreds.', WED), [
    ['between Sunday and Tuesday', '2016-06-19', 'range', 'weekday', '2016-06-21'],
  ]);
  assert.deepEqual(rows('Strikes hit the district on Monday and during the night.', WED), [
    ['on Monday and during the night', '2016-06-20', 'range', 'weekday', '2016-06-21'],
  ]);
});

test('a night running from one weekday into the next is a range', () => {
  assert.deepEqual(rows('Shells fell overnight Monday into Tuesday.', WED), [
    ['overnight Monday into Tuesday', '2016-06-20', 'range', 'weekday', '2016-06-21'],
  ]);
  assert.deepEqual(rows('Raids continued late Saturday and early Sunday.', WED), [
    ['late Saturday and early Sunday', '2016-06-18', 'range', 'weekday', '2016-06-19'],
  ]);
});

test('a weekday range that ends on the publication day stays in the past', () => {
  // 2016-06-19 is a Sunday: "Saturday and Sunday" are the two days before and of publication.
  assert.deepEqual(rows('Clashes on Saturday and Sunday', '2016-06-19'), [
    ['on Saturday and Sunday', '2016-06-18', 'range', 'weekday', '2016-06-19'],
  ]);
});

// --- relative words ---------------------------------------------------------------------------

test('today, this morning, tonight and earlier today are the publication day', () => {
  assert.deepEqual(rows('Planes circled the town today.', WED), [['today', WED, 'day', 'relative']]);
  assert.deepEqual(rows('This morning a shell hit the school.', WED), [
    ['This morning', WED, 'day', 'relative'],
  ]);
  assert.deepEqual(rows('Residents fear more raids tonight.', WED), [['tonight', WED, 'day', 'relative']]);
  assert.deepEqual(rows('A clinic was hit earlier today, medics said.', WED), [
    ['earlier today', WED, 'day', 'relative'],
  ]);
});

test('yesterday and last night are the day before publication', () => {
  assert.equal(dateOf('The bridge was destroyed yesterday.', WED), '2016-06-21');
  assert.equal(dateOf('Artillery pounded the hills last night.', WED), '2016-06-21');
  assert.equal(dateOf("Yesterday's raid killed four.", WED), '2016-06-21');
  assert.equal(dateOf('Yesterdays raid killed four.', WED), '2016-06-21');
  assert.equal(dateOf('The shelling began yesterday.', '2016-03-01'), '2016-02-29');
  assert.equal(dateOf('It was hit the day before yesterday.', WED), '2016-06-20');
  assert.equal(dateOf('The depot burned three days ago.', WED), '2016-06-19');
});

test('last month, this year and a month of last year', () => {
  assert.deepEqual(rows('The siege tightened last month.', WED), [
    ['last month', '2016-05', 'month', 'relative'],
  ]);
  assert.deepEqual(rows('The siege tightened last month.', '2016-01-10'), [
    ['last month', '2015-12', 'month', 'relative'],
  ]);
  assert.deepEqual(rows('Talks stalled earlier this year.', WED), [
    ['earlier this year', '2016', 'year', 'relative'],
  ]);
  assert.deepEqual(rows('A similar raid happened in September last year.', WED), [
    ['September last year', '2015-09', 'month', 'relative'],
  ]);
});

// --- explicit dates ---------------------------------------------------------------------------

test('explicit full dates resolve as written', () => {
  assert.equal(dateOf('The hospital was struck on Feb. 7, 2017.', WED), '2017-02-07');
  assert.equal(dateOf('It was struck on 7 February 2017.', WED), '2017-02-07');
  assert.equal(dateOf('Report dated 2017-02-07 by the monitor.', WED), '2017-02-07');
  assert.equal(dateOf('Report dated 07/02/2017 by the monitor.', WED), '2017-02-07');
  assert.equal(dateOf('Report dated 12/25/2015 by the monitor.', WED), '2015-12-25');
  assert.equal(dateOf('The attack of 28.05.2017 was denied.', WED), '2017-05-28');
  assert.equal(dateOf('Filed 26-01-2016 in the archive.', WED), '2016-01-26');
  assert.equal(dateOf('Witnesses recall the 4th of April 2017 well.', WED), '2017-04-04');
  assert.equal(dateOf('The raid of September 25 2016 hit a bakery.', null), '2016-09-25');
  assert.equal(only('On Feb. 7, 2017 the city was hit.', null).precision, 'day');
});

test('an explicit date without a year takes the publication year, one back if later', () => {
  assert.equal(dateOf('The camp was bombed on March 22.', WED), '2016-03-22');
  assert.equal(dateOf('The camp was bombed on 30 September.', WED), '2015-09-30');
  assert.equal(dateOf('The camp was bombed on January 3.', '2017-01-20'), '2017-01-03');
  assert.equal(dateOf('A market was shelled on 22 June.', WED), '2016-06-22');
  assert.equal(dateOf('A market was shelled on June 23.', WED), '2015-06-23');
  assert.equal(dateOf('A market was shelled on 29 February.', '2017-01-10'), '2016-02-29');
});

test('explicit ranges give the first day and end_date', () => {
  assert.deepEqual(rows('Strikes from February 6th-8th destroyed the mill.', '2017-03-01'), [
    ['from February 6th-8th', '2017-02-06', 'range', 'explicit', '2017-02-08'],
  ]);
  assert.deepEqual(rows('Nine died between 3 and 5 March.', '2017-03-20'), [
    ['between 3 and 5 March', '2017-03-03', 'range', 'explicit', '2017-03-05'],
  ]);
  assert.deepEqual(rows('Nine died between March 3 and 5.', '2017-03-20'), [
    ['between March 3 and 5', '2017-03-03', 'range', 'explicit', '2017-03-05'],
  ]);
  assert.deepEqual(rows('Raids from 6 to 8 February 2015 hit the camp.', WED), [
    ['from 6 to 8 February 2015', '2015-02-06', 'range', 'explicit', '2015-02-08'],
  ]);
});

test('ranges across two months, the year written once at the end', () => {
  assert.deepEqual(rows('Raids from 28 February to 2 March 2017 hit the camp.', WED), [
    ['from 28 February to 2 March 2017', '2017-02-28', 'range', 'explicit', '2017-03-02'],
  ]);
  assert.deepEqual(rows('Raids between December 30 and January 2 hit the camp.', '2017-01-10'), [
    ['between December 30 and January 2', '2016-12-30', 'range', 'explicit', '2017-01-02'],
  ]);
  assert.deepEqual(rows('Raids on May 3 and June 5 hit the camp.', WED), [
    ['on May 3', '2016-05-03', 'day', 'explicit'],
    ['June 5', '2016-06-05', 'day', 'explicit'],
  ]);
});

test('"since" an explicit day is a span up to publication', () => {
  assert.deepEqual(rows('The town has been besieged since 7 July.', '2016-08-01'), [
    ['since 7 July', '2016-07-07', 'range', 'explicit', '2016-08-01'],
  ]);
  assert.deepEqual(rows('Raids continued since September 30 2015.', WED), [
    ['since September 30 2015', '2015-09-30', 'range', 'explicit', WED],
  ]);
});

test('named events and names made of dates are not dates', () => {
  assert.deepEqual(findDates('It was the worst day since the September 11 attacks.', WED), []);
  assert.deepEqual(findDates('Leaders of the March 14 Alliance met in Beirut.', WED), []);
});

test('two days joined by "and" without "between" are not a range', () => {
  assert.deepEqual(rows('Raids on 3 and 5 March hit the camp.', '2017-03-20'), [
    ['5 March', '2017-03-05', 'day', 'explicit'],
  ]);
  assert.deepEqual(rows('Raids on March 3 and 5 hit the camp.', '2017-03-20'), [
    ['on March 3', '2017-03-03', 'day', 'explicit'],
  ]);
});

test('month and year, and a year after a preposition', () => {
  assert.deepEqual(rows('The town fell in March 2016 after a long siege.', WED), [
    ['in March 2016', '2016-03', 'month', 'explicit'],
  ]);
  assert.deepEqual(rows('Barrel bombs have been used since 2012.', WED), [
    ['since 2012', '2012', 'year', 'explicit'],
  ]);
  assert.deepEqual(rows('Gas was used in 2013 as well.', WED), [['in 2013', '2013', 'year', 'explicit']]);
});

test('a weekday in front of an explicit date belongs to it', () => {
  assert.deepEqual(rows('Tuesday 4 Apr 2017', null), [
    ['Tuesday 4 Apr 2017', '2017-04-04', 'day', 'explicit'],
  ]);
  assert.deepEqual(rows('Thu Oct 6 2016', null), [['Thu Oct 6 2016', '2016-10-06', 'day', 'explicit']]);
});

test('a day and year run together after the month', () => {
  assert.deepEqual(rows('Last updated at Apr 092017', null), [
    ['Apr 092017', '2017-04-09', 'day', 'explicit'],
  ]);
  assert.equal(dateOf('Last updated at Nov 302016', null), '2016-11-30');
});

// --- vague ------------------------------------------------------------------------------------

test('vague spans are found but carry no date', () => {
  const vague = [
    'Eight died overnight in the village.',
    'The monitor counted 40 raids over the past 24 hours.',
    'More strikes were recorded during the past 24 hours.',
    'The front was quiet over the weekend.',
    'Aid trucks arrived last week.',
    'The bakery was hit earlier this week.',
    'Fighting has intensified in recent days.',
    'Eighteen strikes have hit the towns since Sunday night.',
    'The offensive began in May.',
    'Heavy rain fell in late October.',
  ];
  for (const s of vague) {
    const m = only(s, WED);
    assert.equal(m.kind, 'vague', s);
    assert.equal(m.date, null, s);
    assert.equal(m.precision, 'unknown', s);
  }
  assert.equal(only('Eight died overnight in the village.', WED).text, 'overnight');
  assert.equal(only('Raids over the past 24 hours killed six.', WED).text, 'over the past 24 hours');
  assert.equal(only('Eighteen strikes since Sunday night.', WED).text, 'since Sunday night');
});

// --- no publication date ----------------------------------------------------------------------

test('without a publication date, weekdays and relative words are reported undated', () => {
  assert.deepEqual(rows('Jets struck on Sunday evening.', null), [
    ['on Sunday evening', null, 'unknown', 'weekday'],
  ]);
  assert.deepEqual(rows('Jets struck yesterday.', null), [['yesterday', null, 'unknown', 'relative']]);
  assert.deepEqual(rows('Jets struck this morning.', null), [['this morning', null, 'unknown', 'relative']]);
  assert.deepEqual(rows('Jets struck on 30 September.', null), [
    ['on 30 September', null, 'unknown', 'explicit'],
  ]);
  assert.deepEqual(rows('The siege tightened last month.', null), [
    ['last month', null, 'unknown', 'relative'],
  ]);
  assert.deepEqual(rows('Jets struck on 30 September 2015.', null), [
    ['on 30 September 2015', '2015-09-30', 'day', 'explicit'],
  ]);
  assert.deepEqual(rows('Jets struck in March 2016.', null), [
    ['in March 2016', '2016-03', 'month', 'explicit'],
  ]);
});

test('an unparseable publication date counts as none', () => {
  assert.deepEqual(rows('Jets struck yesterday.', 'unknown'), [['yesterday', null, 'unknown', 'relative']]);
});

// --- false positives --------------------------------------------------------------------------

test('outlet names ending in Today are not dates', () => {
  for (const s of [
    'Halab Today reported heavy bombing.',
    'According to Syria Today the strike hit a bakery.',
    'A Russia Today crew filmed the site.',
    'The story ran in USA Today on the front page.',
    'The footage came from Aleppo Today TV.',
    'The claim was repeated by USA Today.',
  ]) {
    assert.deepEqual(
      findDates(s, WED).filter((m) => /today/i.test(m.text)),
      [],
      s,
    );
  }
});

test('a capitalised Today in a title or at a sentence start is still a day', () => {
  assert.equal(dateOf('Today the jets came back.', WED), WED);
  assert.equal(dateOf('Raids Hit Villages In Rural Idlib Today.', WED), WED);
  assert.equal(dateOf('And Today another market was hit.', WED), WED);
});

test('weapons, durations, numbers and verbs are not dates', () => {
  for (const s of [
    'The jets dropped ODAB-500 PM and KAB-500 bombs and a FAB-250.',
    'Callers were kept on hold for 27 minutes.',
    'Within 24 hours the town was empty.',
    'Rescue teams are now searching the rubble.',
    'The Sunday Times published the photographs.',
    'The strike may have killed more than 2,000 people.',
    'May God protect us, she said.',
    'About 300000 people live in the besieged area.',
    'The ministry counted 20160 shells and 2017 rockets.',
    'The jets hit 1,200 targets and 2,016 positions.',
    'Fighters reached April 7th Street on foot.',
    'Mar Elias church and Jan Egeland spoke.',
    'The Mail on Sunday quoted a pilot.',
    'Protesters gathered after Friday of Dignity prayers.',
  ]) {
    assert.deepEqual(findDates(s, WED), [], s);
  }
});

test('a count after a month is not its day', () => {
  const found = findDates('In October 20 people died in a single raid.', WED);
  assert.ok(
    found.every((m) => m.precision !== 'day'),
    JSON.stringify(found),
  );
});

// --- offsets and order ------------------------------------------------------------------------

test('mentions are sorted, do not overlap and their offsets match the text', () => {
  const text =
    'On Monday jets hit Binnish. Yesterday more raids followed, a week after the 3 June attack.\n' +
    'Since 2013 the town has been shelled; in recent days the toll reached 40. Tuesday 21 June 2016 report.';
  const found = findDates(text, WED);
  assert.ok(found.length >= 5);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    assert.equal(text.slice(m.start, m.end), m.text);
    if (i > 0) assert.ok(found[i - 1]!.end <= m.start);
  }
  assert.deepEqual(
    found.map((m) => m.text),
    ['On Monday', 'Yesterday', 'the 3 June', 'Since 2013', 'in recent days', 'Tuesday 21 June 2016'],
  );
});

test('the windowed scan finds exactly what a full scan finds', () => {
  const sentences = [
    'Raids on Saturday and Sunday killed eleven; on 3 June 2016 and 2016-06-04 more followed.',
    'x'.repeat(300) + ' since Sunday night ' + 'y '.repeat(200) + 'over the past 24 hours',
    'Apr 092017 and 28.05.2017 and September last year and the day before yesterday',
    'overnight\n\nThursday 28 January 2016 ' + 'filler words '.repeat(30) + 'between 3 and 5 March',
  ];
  for (const s of sentences) {
    assert.deepEqual(findDates(s, WED), findDatesFullScan(s, WED));
    assert.deepEqual(findDates(s, null), findDatesFullScan(s, null));
  }
});

// --- datelines --------------------------------------------------------------------------------

test('findDateline reads the outlet dateline forms', () => {
  const cases: Array<[string, string]> = [
    [
      'Jets pound rebel suburbs\n\nAFP , Thursday 6 Apr 2017\nJets pounded the suburbs on Thursday.',
      '2017-04-06',
    ],
    ['Jets pound rebel suburbs\n\nDate of publication 3 May 2015\nJets pounded the suburbs.', '2015-05-03'],
    ['Jets pound rebel suburbs - monitor\n\nLast updated at Mar 142016\nJets pounded.', '2016-03-14'],
    ['Jets pound rebel suburbs\n\nPublished October 11 2016\nJets pounded the suburbs.', '2016-10-11'],
    ['Jets pound rebel suburbs\n\nPosted on August 9 2016 Jets pounded the suburbs.', '2016-08-09'],
    ['Jets pound rebel suburbs\n\nFri Nov 4 2016 Jets pounded the suburbs.', '2016-11-04'],
    ['Jets pound rebel suburbs 12-03-2016 Jets pound rebel suburbs. More text.', '2016-03-12'],
    ['Jets pound rebel suburbs\n\n19.06.2017 Jets pounded the suburbs.', '2017-06-19'],
    ['Jets pound rebel suburbs\n\n8 Aug 2016 Jets pounded the suburbs.', '2016-08-08'],
    ['Jets pound rebel suburbs. Wednesday 30 November 2016 Coalition letter follows.', '2016-11-30'],
  ];
  for (const [text, want] of cases) assert.equal(findDateline(text), want, text);
});

test('findDateline ignores weekdays, month-only dates and anything past the start', () => {
  assert.equal(findDateline('Jets pound suburbs on Sunday\n\nThe raids began in March 2016.'), null);
  assert.equal(findDateline('Jets pound suburbs\n\n' + 'word '.repeat(120) + '5 May 2016'), null);
  assert.equal(findDateline(''), null);
});

test('datesWithDateline is findDateline then findDates on the same text', () => {
  const texts = [
    'Jets pound rebel suburbs\n\nAFP , Thursday 6 Apr 2017\nJets pounded the suburbs on Thursday and 2 April.',
    'Jets pound suburbs on Sunday\n\nThe raids began in March 2016, ' + 'word '.repeat(80) + 'on 5 May 2016',
    'Raids 12-03-2016 ' + 'word '.repeat(78) + 'between 3 and 5 March 2016 and yesterday',
    'No dates at all here.',
    '',
  ];
  for (const text of texts) {
    const dateline = findDateline(text);
    assert.deepEqual(datesWithDateline(text, null), {
      published: dateline,
      dates: findDates(text, dateline),
    });
    assert.deepEqual(datesWithDateline(text, WED), { published: WED, dates: findDates(text, WED) });
  }
});

// --- roles and vagueness ----------------------------------------------------------------------

test('a day that introduces what a source said is the report day', () => {
  const role = (text: string): string | undefined => only(text, WED).role;
  assert.equal(role('The monitor said on Tuesday that nine people died.'), 'report');
  assert.equal(role('Nine people died in the raid, state media reported Monday.'), 'report');
  assert.equal(role('Local radio told Example News on Sunday that the bridge was down.'), 'report');
  assert.equal(role('The ministry on Sunday said the strikes were precise.'), 'report');
  assert.equal(role('Four bodies were found in the rubble, a medic said yesterday.'), 'report');
  // The strike day, with the source named after it, is not a report day.
  assert.equal(role('Jets hit the bakery on Tuesday the monitor said.'), undefined);
  assert.equal(role('Jets hit the bakery on Tuesday, killing nine.'), undefined);
});

test('a dated photo caption is marked as such', () => {
  const found = findDates(
    'Smoke rises over the old market on June 5 2016 (Example Agency) Rescuers said',
    WED,
  );
  assert.deepEqual(
    found.map((m) => [m.text, m.role]),
    [['on June 5 2016', 'caption']],
  );
});

test('vague mentions say what they leave open', () => {
  const kinds = (text: string): Array<string | null> => findDates(text, WED).map((m) => vagueness(m));
  assert.deepEqual(kinds('Raids overnight hit the villages.'), ['occasion']);
  assert.deepEqual(kinds('Strikes over the past 24 hours killed 30.'), ['occasion']);
  assert.deepEqual(kinds('The clinic was bombed over the weekend.'), ['occasion']);
  assert.deepEqual(kinds('Shelling has grown for the past week.'), ['span']);
  assert.deepEqual(kinds('Bombing has intensified in recent days.'), ['span']);
  assert.deepEqual(kinds('The school was hit last week.'), ['period']);
  assert.deepEqual(kinds('The attack came two days after the convoy was hit.'), ['period']);
  assert.deepEqual(kinds('The siege tightened in late May.'), ['month']);
  assert.deepEqual(kinds('The town was shelled on Monday.'), [null]);
});

test('"two days after" an explicit date is not a vague time of its own', () => {
  assert.deepEqual(
    findDates('A week after the 3 June attack the road reopened.', WED).map((m) => m.text),
    ['the 3 June'],
  );
});

// --- the date an event takes --------------------------------------------------------------------

const PLACES: Record<string, Place> = {};
function place(name: string, admin1: string, precision: Place['precision'], lat: number, lon: number): void {
  PLACES[name.toLowerCase()] = {
    id: `test:${name}`,
    name,
    nameAr: null,
    country: 'Syria',
    admin1,
    admin2: null,
    lat,
    lon,
    precision,
    population: 1000,
  };
}
// The gazetteer's spelling of the provincial capital differs from the province's name.
place('Ar Raqqah', 'Raqqa', 'city', 35.9, 38.9);
PLACES['raqqa'] = PLACES['ar raqqah']!;
place('Hanida', 'Raqqa', 'village', 35.95, 38.7);
place('Idlib', 'Idlib', 'governorate', 35.9, 36.6);
place('Binnish', 'Idlib', 'town', 35.95, 36.7);
place('Saraqeb', 'Idlib', 'town', 35.86, 36.8);
place('Ariha', 'Idlib', 'town', 35.81, 36.6);

const resolver: PlaceResolver = {
  resolve: (name) => PLACES[name.toLowerCase()] ?? null,
  admin1: (name) => {
    const p = PLACES[name.toLowerCase()];
    return p?.precision === 'governorate' ? p : null;
  },
};
const extract = createExtractor({
  resolver,
  lexicon: {
    belligerents: [
      { code: 'russia', label: 'Russia', aliases: ['russian jets'], spokespeople: ['russian ministry'] },
    ],
    weapons: [{ name: 'X-1', aliases: ['x-1 bomber'], users: ['russia'], strike_type: 'airstrike' }],
    outlets: ['Example News'],
  },
});

/** The dates of the events extracted from `text`, as "place date". */
function eventDates(text: string, published = WED): string[] {
  const doc = extract({ id: 't', text, published, title: null, url: null, outlet: null });
  return doc.events.map((e) => `${e.place} ${e.date}`);
}

test('the strike day wins over the day a source spoke', () => {
  assert.deepEqual(
    eventDates(
      'Jets struck the market in Binnish on Monday killing nine people, the monitor said on Tuesday.',
    ),
    ['Binnish 2016-06-20'],
  );
  // The report day comes first, the strike day in a later sentence about the same strike.
  assert.deepEqual(
    eventDates(
      'Air strikes killed nine people in Binnish, state media reported Tuesday. The jets first hit the market of Binnish on Monday.',
    ),
    ['Binnish 2016-06-20'],
  );
});

test('when the only time is the day a source spoke, that day is used', () => {
  assert.deepEqual(eventDates('Air strikes killed nine people in Binnish, activists said on Tuesday.'), [
    'Binnish 2016-06-21',
  ]);
  assert.deepEqual(eventDates('Air strikes killed nine people in Binnish, a monitor said yesterday.'), [
    'Binnish 2016-06-21',
  ]);
});

test('a vague time next to the report day leaves the day unknown', () => {
  assert.deepEqual(
    eventDates('Air raids on Binnish killed twelve people overnight, the monitor said on Wednesday.'),
    ['Binnish null'],
  );
  assert.deepEqual(
    eventDates('Strikes killed 18 fighters near Binnish over the past 24 hours, a monitor said on Tuesday.'),
    ['Binnish null'],
  );
  assert.deepEqual(
    eventDates(
      'A clinic in Binnish was destroyed by air strikes over the weekend that killed 13 people, aid workers said Monday.',
    ),
    ['Binnish null'],
  );
});

test('an undated part of the news takes the day of the lead that contains it', () => {
  assert.deepEqual(
    eventDates(
      'The toll of the coalition air strike in Raqqa province rose to 20, media reported Tuesday.\n\n' +
        'Earlier the state agency gave a lower figure.\n\n' +
        'The planes bombed the village of Hanida west of the city. At least 20 civilians were killed.',
    ),
    ['Hanida 2016-06-21'],
  );
});

test('an undated strike elsewhere does not take the day of another place', () => {
  assert.deepEqual(
    eventDates(
      'Jets bombed Binnish on Monday killing five people. Artillery shelling killed three people in Saraqeb. ' +
        'Witnesses said jets bombed Ariha killing 6 people.',
    ),
    ['Binnish 2016-06-20', 'Saraqeb null', 'Ariha null'],
  );
});

test("the sentence naming the event's place gives its day before an earlier vague one", () => {
  assert.deepEqual(
    eventDates(
      'Overnight strikes on Idlib killed ten people. Two children were killed in air strikes on Tuesday morning in the town of Ariha.',
    ),
    ['Idlib null', 'Ariha 2016-06-21'],
  );
});

test('a strike counted from another undated strike has no day of its own', () => {
  assert.deepEqual(
    eventDates(
      'Jets bombed a clinic in Binnish on Wednesday killing four medics. The raid came two days after jets hit a convoy near Saraqeb killing twelve people.',
    ),
    ['Binnish 2016-06-22', 'Saraqeb null'],
  );
});
