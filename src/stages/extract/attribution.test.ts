import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Lexicon } from '../../domain/lexicon.ts';
import { findClaims } from './attribution.ts';
import { indexLexicon } from './lexicon-index.ts';
import { fold } from './text.ts';

const dir = new URL('../../../data/lexicon/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const lex = indexLexicon({
  belligerents: read('belligerents.json'),
  weapons: read('weapons.json'),
  outlets: read('outlets.json'),
} as Lexicon);

const claims = (s: string): string[] =>
  findClaims(s, fold(s), lex, false).map((c) => `${c.belligerent}/${c.stance}`);

test('a named speaker blames a belligerent, and is named as the source', () => {
  const s = 'Damascus said four coalition jets hit the camp.';
  const c = findClaims(s, fold(s), lex, false);
  assert.deepEqual(
    c.map((x) => `${x.belligerent}/${x.stance}/${x.by}`),
    ['us-coalition/blames/Damascus'],
  );
  assert.equal(s.slice(c[0]!.start, c[0]!.end), 'coalition');
});

test('a flat dismissal is a denial', () => {
  assert.ok(
    claims('The officials flatly dismissed claims that US-led coalition jets were responsible.').includes(
      'us-coalition/denies',
    ),
  );
});

test('hedges make a claim unsure', () => {
  assert.deepEqual(claims('Nine people died in suspected Russian strikes on the town.'), ['russia/unsure']);
});

test('either/or gives an unsure claim for each side', () => {
  const c = claims(
    'It was not immediately clear if the raids were carried out by Syrian government or Russian warplanes.',
  );
  assert.ok(c.includes('russia/unsure'));
  assert.ok(c.includes('syria-regime/unsure'));
});

test('no one claiming a strike is unknown and unsure', () => {
  assert.deepEqual(claims('No one has claimed the strike that hit the market.'), ['unknown/unsure']);
});

test('a target is not a perpetrator', () => {
  assert.ok(
    !claims('Russian bombers attacked Syrian regime positions near the airport.').includes(
      'syria-regime/blames',
    ),
  );
});

test('a weapon flown by one belligerent names it; one flown by two does not', () => {
  assert.deepEqual(claims('A B-52 bomber hit a target in the town.'), ['us-coalition/blames']);
  assert.deepEqual(claims('An Su-24 dropped bombs on the village.'), []);
});

test('opposition bodies named with a belligerent word are not that belligerent', () => {
  assert.deepEqual(claims('The Syrian Observatory said the market was hit.'), []);
});

test('a capital named as a place is not its government speaking', () => {
  assert.deepEqual(claims('Government forces shelled the suburbs of Damascus on Monday, activists said.'), [
    'syria-regime/blames',
  ]);
  assert.deepEqual(claims('Damascus denied that its aircraft had struck the market.'), [
    'syria-regime/denies',
  ]);
});

test('"Syrian" paired with another air force names the regime', () => {
  assert.deepEqual(claims('The raids were believed to be carried out by Syrian and Russian jets.'), [
    'syria-regime/unsure',
    'russia/unsure',
  ]);
  assert.deepEqual(claims('Russian and Syrian warplanes pounded the town on Friday.'), [
    'russia/blames',
    'syria-regime/blames',
  ]);
});

test('a belligerent joined by "or" to a perpetrator is named as one too', () => {
  assert.deepEqual(
    claims(
      'It was not clear whether the strike was carried out by regime warplanes or their Russian allies.',
    ),
    ['syria-regime/unsure', 'russia/unsure'],
  );
  assert.deepEqual(claims('Officials said Russia, not the coalition, bombed the base.'), ['russia/blames']);
});

test('places held by a force, and what a force would do, are not strikes by it', () => {
  assert.deepEqual(claims('Regime jets bombed positions held by Kurdish forces in the city.'), [
    'syria-regime/blames',
  ]);
  assert.deepEqual(claims('He said US aircraft would defend the troops if they were threatened.'), []);
  assert.deepEqual(claims('There was no comment from the coalition on the bombing.'), []);
});

test('officials reporting a joint operation confirm it for both partners', () => {
  const s =
    'Turkish Armed Forces and the coalition hit 20 targets in two air strikes, according to a statement by the Turkish General Staff.';
  assert.deepEqual(claims(s), ['turkey/confirms', 'us-coalition/confirms']);
});

test('"carried out by either the X or Y" names both, unsure; a drone sent to look is not striking', () => {
  assert.deepEqual(
    claims('The White House said the attack was carried out by either the Syrian government or Russia.'),
    ['syria-regime/unsure', 'russia/unsure'],
  );
  assert.deepEqual(claims('A spokesman said a Russian drone sent to the area found no craters.'), []);
});

test('a side speaking of its own strike confirms it; "assessing" reports of it is unsure', () => {
  assert.deepEqual(
    claims(
      'The US-led coalition said on Friday that one of its air strikes near Raqqa killed six civilians.',
    ),
    ['us-coalition/confirms'],
  );
  assert.deepEqual(
    claims('The coalition said it was assessing the credibility of reports its strikes killed 26 civilians.'),
    ['us-coalition/unsure'],
  );
});

test("Syrian aircraft on their own are the government's", () => {
  assert.deepEqual(claims('Syrian warplanes destroyed a convoy near the town, killing forty fighters.'), [
    'syria-regime/blames',
  ]);
  assert.deepEqual(claims('Syrian helicopters dropped barrel bombs on the village.'), [
    'syria-regime/blames',
  ]);
});
