import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from '../../adapters/lexicon/load.ts';
import type { Place, PlaceResolver } from '../../domain/place.ts';
import { createOfficialReader } from './read-official-report.ts';

const PLACES: Record<string, [number, number, string]> = {
  raqqa: [35.95, 39.01, 'Raqqa'],
  raqqah: [35.95, 39.01, 'Raqqa'],
  "al qa'im": [34.39, 40.99, 'Anbar'],
  'deir ez-zor': [35.33, 40.14, 'Deir ez-Zor'],
  hajin: [34.69, 40.83, 'Deir ez-Zor'],
  idlib: [35.93, 36.63, 'Idlib'],
  aleppo: [36.2, 37.16, 'Aleppo'],
};

/** A gazetteer of a few towns, enough for the statements below. */
const resolver: PlaceResolver = {
  resolve(name: string): Place | null {
    const hit = PLACES[name.toLowerCase()];
    if (!hit) return null;
    const [lat, lon, admin1] = hit;
    return {
      id: `test:${name}`,
      name,
      nameAr: null,
      country: 'Syria',
      admin1,
      admin2: null,
      lat,
      lon,
      precision: 'city',
      population: 1,
    };
  },
  admin1: () => null,
};

const lexicon = loadLexicon();
const read = createOfficialReader({
  resolver,
  belligerents: lexicon.belligerents,
  phrases: lexicon.official!,
});

test('a Coalition strike log gives its strikes, place, date window and targets', () => {
  const r = read({
    text: 'For March 8th-9th, the Coalition reported: "Near Raqqa, four strikes engaged an ISIS tactical unit and destroyed two fighting positions."',
    belligerent: 'U.S.-led Coalition',
    date: '2017-03-11',
  });
  assert.equal(r.belligerent, 'us-coalition');
  assert.equal(r.strikes.length, 1);
  const s = r.strikes[0]!;
  assert.deepEqual(s.date, { from: '2017-03-08', to: '2017-03-09' });
  assert.equal(s.place?.name, 'Raqqa');
  assert.equal(s.place?.lat, 35.95);
  assert.equal(s.strikes, 4);
  assert.deepEqual(s.targets, ['an ISIS tactical unit', 'two fighting positions']);
  assert.match(s.evidence.text, /four strikes engaged/);
});

test('a declared absence is a strike entry of zero strikes at its place', () => {
  const r = read({
    text: "For March 8th-9th the Coalition did not report any strikes near Al Qa'im.",
    date: '2017-03-11',
  });
  assert.equal(r.belligerent, 'us-coalition');
  assert.equal(r.strikes.length, 1);
  assert.equal(r.strikes[0]!.strikes, 0);
  assert.equal(r.strikes[0]!.place?.name, "Al Qa'im");
  assert.deepEqual(r.strikes[0]!.date, { from: '2017-03-08', to: '2017-03-09' });
});

test('a dated entry inside a release takes its own day; the year comes from the report date', () => {
  const r = read({
    text: 'It additionally reported that "On Sept. 17, near Raqqah, Syria, seven strikes destroyed six ISIS fighting positions and a logistics node."',
    belligerent: 'us-coalition',
    date: '2017-09-20',
  });
  assert.deepEqual(r.strikes[0]?.date, { from: '2017-09-17', to: '2017-09-17' });
  assert.equal(r.strikes[0]?.strikes, 7);
});

test('a Russian MoD style statement declares strikes in each province it lists', () => {
  const r = read({
    text: 'On October 3, Russian aircraft struck 12 targets in the Idlib and Aleppo provinces.',
    belligerent: 'Russian Ministry of Defence',
    date: '2015-10-04',
  });
  assert.equal(r.belligerent, 'russia');
  assert.deepEqual(
    r.strikes.map((s) => s.place?.name),
    ['Idlib', 'Aleppo'],
  );
  assert.equal(r.strikes[0]!.strikes, null);
});

test('a month-long absence without a place', () => {
  const r = read({
    text: 'Russia has not reported any strikes between June 1st - 30th 2017.',
    date: '2017-07-02',
  });
  assert.deepEqual(r.strikes[0]?.date, { from: '2017-06-01', to: '2017-06-30' });
  assert.equal(r.strikes[0]?.place, null);
  assert.equal(r.strikes[0]?.strikes, 0);
});

test('casualty statements: verdicts, reasons, conceded ranges, date and place', () => {
  const one = (text: string) =>
    read({ text, belligerent: 'us-coalition', date: '2018-02-01', kind: 'civcas_statement' }).statements[0];
  const none = one(
    'Oct. 2, 2017, in Hajin, Syria, via media report. After a review it was assessed that no Coalition strikes were conducted in the geographical area of the allegation.',
  );
  assert.equal(none?.verdict, 'non-credible');
  assert.equal(none?.reason?.code, 'no-strikes-in-area');
  assert.deepEqual(none?.date, { from: '2017-10-02', to: '2017-10-02' });
  assert.equal(none?.place?.name, 'Hajin');
  assert.equal(
    one('The allegation holds insufficient information on time and place to assess it.')?.reason?.code,
    'insufficient-information',
  );
  const credible = one(
    'Sept. 4, 2017, near Raqqah, Syria. During a strike on a depot it was assessed that two civilians were unintentionally killed and five were injured.',
  );
  assert.equal(credible?.verdict, 'credible');
  assert.deepEqual(credible?.killedConceded, { min: 2, max: 2 });
  assert.deepEqual(credible?.injuredConceded, { min: 5, max: 5 });
  const entered = one(
    'During a strike on a bridge, one civilian was unintentionally killed when his car entered the target area after the munition was released.',
  );
  assert.equal(entered?.reason?.code, 'entered-target-area');
  assert.equal(
    one('The actions named in this allegation are duplicates of allegation 12.')?.verdict,
    'duplicate',
  );
  assert.equal(
    one(
      'After review it was determined that, more likely than not, civilian casualties did not occur as a result of a Coalition strike.',
    )?.reason?.code,
    'not-caused-by-strike',
  );
});

test('numbered allegations in one release are read apart', () => {
  const r = read({
    text: '1. Oct. 2, 2017, near Raqqah, Syria, via media report. The report holds insufficient information to assess it.\n2. Oct. 5, 2017, near Hajin, Syria, via media report. No Coalition strikes were conducted on that day in the area.',
    belligerent: 'CJTF-OIR',
    date: '2018-01-02',
  });
  assert.deepEqual(
    r.statements.map((s) => [s.reason?.code, s.place?.name]),
    [
      ['insufficient-information', 'Raqqah'],
      ['no-strikes-in-area', 'Hajin'],
    ],
  );
});

test('a text that names no belligerent says so', () => {
  const r = read({ text: 'Near Raqqa, four strikes engaged a unit.' });
  assert.equal(r.belligerent, null);
  assert.match(r.notes[0]!, /no belligerent/);
});

test("a coalition partner's strike report is the coalition's", () => {
  const r = read({
    text: 'Sunday 18 June - A Reaper destroyed a mortar team near Raqqa.',
    belligerent: 'UK Military',
    date: '2017-06-20',
  });
  assert.equal(r.belligerent, 'us-coalition');
  assert.deepEqual(r.strikes[0]?.date, { from: '2017-06-18', to: '2017-06-18' });
  assert.equal(r.strikes[0]?.place?.name, 'Raqqa');
});

test('conceded figures in digits after a word of three letters or more, and not a date', () => {
  const s = read({
    text: 'Aug. 13, 2017, near Raqqa, Syria. During a strike it was assessed that 12 civilians were unintentionally killed and 24 were injured.',
    belligerent: 'us-coalition',
    date: '2018-01-01',
    kind: 'civcas_statement',
  }).statements[0];
  assert.deepEqual(s?.killedConceded, { min: 12, max: 12 });
  assert.deepEqual(s?.injuredConceded, { min: 24, max: 24 });
});
