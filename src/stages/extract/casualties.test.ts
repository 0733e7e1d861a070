import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from '../../domain/range.ts';
import { findCasualties, type CasualtyMention } from './casualties.ts';
import { CASUALTY_FIELDS, rangeOf, sentenceCasualties, usableCasualties } from './events.ts';
import { fold, splitSentences } from './text.ts';

const find = (s: string): CasualtyMention[] => findCasualties(s.toLowerCase());
/** The figure a report gives for one field when all its sentences describe one strike. */
const toll = (text: string, field: keyof typeof CASUALTY_FIELDS = 'killed'): Range | null =>
  rangeOf(
    usableCasualties(
      splitSentences(text, false).flatMap((s) => {
        const lower = fold(s.text);
        return sentenceCasualties(findCasualties(lower), lower);
      }),
    ).filter(CASUALTY_FIELDS[field]),
  );
const main = (s: string, outcome = 'killed'): CasualtyMention | undefined =>
  find(s).find((m) => m.outcome === outcome && !m.subset);

test('a figure with a group and a verb after it', () => {
  const m = main('Ten villagers were killed when the jets returned.');
  assert.deepEqual(m?.range, { min: 10, max: 10 });
  assert.deepEqual(m?.groups, ['civilians']);
});

test('verbs before the figure: killing and wounding', () => {
  const ms = find('The raid hit a depot, killing four soldiers and wounding 11, officials said.');
  assert.deepEqual(ms.find((m) => m.outcome === 'killed')?.groups, ['combatants']);
  assert.deepEqual(ms.find((m) => m.outcome === 'injured')?.range, { min: 11, max: 11 });
});

test('qualifiers give open or closed bounds', () => {
  assert.deepEqual(main('At least 35 people were killed.')?.range, { min: 35, max: null });
  assert.deepEqual(main('More than 20 people died.')?.range, { min: 21, max: null });
  assert.deepEqual(main('The strike killed up to 30 people.')?.range, { min: null, max: 30 });
  assert.deepEqual(main('Almost 40 people were killed.')?.range, { min: null, max: 40 });
  assert.deepEqual(main('Between 20 and 26 people were killed.')?.range, { min: 20, max: 26 });
});

test('vague quantities are lower bounds', () => {
  const m = main('Dozens of civilians were killed in the market.');
  assert.deepEqual(m?.range, { min: 24, max: null });
  assert.equal(m?.vague, true);
});

test('a woman and two of her children: three killed, two of them children', () => {
  const ms = find('The shell hit the house, killing a woman and two of her children.');
  assert.deepEqual(ms.find((m) => !m.subset)?.range, { min: 3, max: 3 });
  assert.deepEqual(ms.find((m) => m.groups.includes('children'))?.range, { min: 2, max: 2 });
});

test('"including" figures are parts of the total, not additions', () => {
  const ms = find('At least 12 civilians were killed, including five children.');
  const children = ms.find((m) => m.groups.includes('children'));
  assert.equal(children?.subset, true);
  assert.deepEqual(children?.range, { min: 5, max: 5 });
});

test('a family named between figure and verb', () => {
  const m = main('Nine members of the Hamdan family, including four children, were reportedly killed.');
  assert.deepEqual(m?.range, { min: 9, max: 9 });
});

test('toll updates are marked', () => {
  assert.equal(main('The death toll has risen to 28.')?.update, true);
});

test('killed or wounded figures are not used', () => {
  assert.equal(find('Some 60 people were killed or wounded in the attack.').length, 0);
});

test('years, distances and counts of strikes are not casualties', () => {
  assert.equal(find('In 2016 jets flew 40 sorties and dropped 3,173 barrel bombs 20 km away.').length, 0);
});

test('a named person who was killed counts as one', () => {
  assert.deepEqual(main('The local teacher, a father of three, was killed in the raid.')?.range, {
    min: 1,
    max: 1,
  });
});

test('a named victim does not lower the figure the report gives', () => {
  const text =
    'At least 12 people died when jets hit the market. Among them was Omar, a baker, who was killed outside his shop.';
  assert.deepEqual(toll(text), { min: 12, max: null });
  assert.deepEqual(toll('The jets hit a car. Its driver, a local nurse, was killed.'), { min: 1, max: 1 });
});

test('victims in the plural without a number are at least two', () => {
  assert.deepEqual(toll('Two men died and others were hurt when the shell landed.', 'injured'), {
    min: 2,
    max: null,
  });
  assert.deepEqual(toll('Residents said the raid killed and injured civilians in the square.'), {
    min: 2,
    max: null,
  });
  assert.deepEqual(toll('A medic told reporters that several people had been wounded.', 'injured'), {
    min: 2,
    max: null,
  });
  assert.deepEqual(
    toll('The clinic took in dozens of wounded. Others were injured in the street.', 'injured'),
    {
      min: 24,
      max: null,
    },
  );
  assert.deepEqual(toll('Four people were killed. Many others were killed too, a neighbour said.'), {
    min: 4,
    max: 4,
  });
  assert.equal(toll('No civilians were killed, the army said.'), null);
  assert.equal(toll('We could not find the names of any civilians killed or injured.', 'injured'), null);
});

test('inserted phrases between the figure and its verb', () => {
  assert.deepEqual(
    main('Five people from the Haddad family, including three girls, were reportedly killed on Monday.')
      ?.range,
    { min: 5, max: 5 },
  );
  assert.deepEqual(
    main(
      'Between 8 and 9 members of the Nasser family, including two women and four boys of whom one was a baby, were killed.',
    )?.range,
    { min: 8, max: 9 },
  );
  assert.deepEqual(
    main('At least 14 identified civilians, among them six children, were killed in the raid.')?.range,
    {
      min: 14,
      max: null,
    },
  );
  // A verb of its own in between: the figure is not the subject of "were killed".
  assert.equal(
    main('Three men who had fled the town returned, and neighbours were killed later.'),
    undefined,
  );
});

test('parts of the toll yield to a whole figure', () => {
  const text =
    'Eleven people died when the block collapsed. Two of the neighbours were killed in their beds. ' +
    'Three children were killed as well, and two others were killed on the stairs.';
  assert.deepEqual(toll(text), { min: 11, max: 11 });
  assert.deepEqual(toll(text, 'children_killed'), { min: 3, max: 3 });
  // Without a whole figure, the parts are all there is.
  assert.deepEqual(toll('Three children were killed in the yard.'), { min: 3, max: 3 });
  assert.equal(find('Two of the farmers were killed.')[0]?.partial, true);
  assert.equal(find('Five of the Saleh family were killed.')[0]?.partial ?? false, false);
});

test('a plural after "whether" states nothing', () => {
  assert.equal(toll('It is unclear whether others were killed.'), null);
});

test('a figure given after "at first ... by the evening" revises the earlier one', () => {
  const found = findCasualties(
    'the charity at first said seven people had died, but by the evening it said at least 25 people had been killed',
  );
  assert.deepEqual(
    found.map((m) => [m.range.min, m.update]),
    [
      [7, false],
      [25, true],
    ],
  );
});

test('one person killed is a lone victim; "the remaining six" is a part', () => {
  const one = findCasualties('another man died in the village, the group said');
  assert.deepEqual(
    one.map((m) => [m.outcome, m.range.min, m.single]),
    [['killed', 1, true]],
  );
  const rest = findCasualties('it had not confirmed whether the remaining six people killed were civilians');
  assert.equal(rest[0]?.partial, true);
});

test('fighters of a named group are combatants', () => {
  const found = findCasualties('russian air strikes have killed 18 isil group fighters in central syria');
  assert.deepEqual(
    found.map((m) => [m.groups, m.range.min]),
    [[['combatants'], 18]],
  );
});

test('"and another five outside B" takes the noun and verb of the toll before it', () => {
  const found = findCasualties(
    '30 jihadists were killed around the town of a and another five outside the town of b',
  );
  assert.deepEqual(
    found.map((m) => [m.outcome, m.groups, m.range.min]),
    [
      ['killed', ['combatants'], 30],
      ['killed', ['combatants'], 5],
    ],
  );
  assert.deepEqual(
    findCasualties('the strike killed 18 moderate syrian rebels').map((m) => [m.groups, m.range.min]),
    [[['combatants'], 18]],
  );
});

test('"the number of people killed ... has risen to at least 35" is a killed toll update', () => {
  const found = findCasualties(
    'the number of people killed in air strikes on the school has risen to at least 35, most of them children',
  );
  assert.deepEqual(
    found.map((m) => [m.outcome, m.range, m.update]),
    [['killed', { min: 35, max: null }, true]],
  );
});

test('"a hundred" followed by a noun is a hundred; a number word may follow it', () => {
  assert.deepEqual(main('The jets killed about a hundred fighters near the town.')?.range, {
    min: 100,
    max: 100,
  });
  assert.deepEqual(main('The raid killed one hundred and twenty-five people.')?.range, {
    min: 125,
    max: 125,
  });
});

test('a first count ("initially reported") yields to any other figure', () => {
  assert.deepEqual(
    toll(
      'A news channel initially said that two people were killed. Hospital staff later counted six people who died in the raid.',
    ),
    { min: 6, max: 6 },
  );
  // Its clause ends at "while": the other source's figure stands.
  const ms = find(
    'A radio station initially reported that three civilians died, while a medic said seven civilians were killed.',
  );
  assert.deepEqual(
    ms.map((m) => [m.range.min, m.early ?? false]),
    [
      [3, true],
      [7, false],
    ],
  );
  // Alone, a first count is still the figure.
  assert.deepEqual(toll('At first, residents reported that four people were killed.'), { min: 4, max: 4 });
});

test('nouns that say the victims died: martyrs, deaths, bodies', () => {
  assert.deepEqual(main('A local page wrote that nine martyrs were carried to the morgue.')?.range, {
    min: 9,
    max: 9,
  });
  assert.deepEqual(main('The clinic recorded 11 deaths and 30 injuries.')?.range, { min: 11, max: 11 });
  assert.deepEqual(main('Volunteers pulled three bodies from the collapsed shop.')?.range, {
    min: 3,
    max: 3,
  });
  assert.equal(main('The ministry put the number of martyrs rising to 14 by night.')?.update, true);
});

test('"civilian deaths" are civilians', () => {
  const m = main('The monitor reported five civilian deaths in the village.');
  assert.deepEqual(m?.groups, ['civilians']);
  assert.deepEqual(m?.range, { min: 5, max: 5 });
});

test('"killed between two and three" gives the range', () => {
  assert.deepEqual(main('The shelling reportedly killed between two and three farmers.')?.range, {
    min: 2,
    max: 3,
  });
});

test('male and female are adjectives of the victims', () => {
  assert.deepEqual(main('Four male nurses were killed near the gate.')?.groups, ['civilians']);
});

test('victims counted by name are part of the toll, not a lower one', () => {
  assert.equal(main('Neighbours named six residents killed in the raid.')?.partial, true);
  assert.equal(main('A cousin posted the list of eight relatives who were killed.')?.partial, true);
  assert.deepEqual(
    toll(
      'At least 15 people were killed in the raid. Relatives managed to identify seven people killed so far.',
    ),
    { min: 15, max: null },
  );
});

test('a revised toll "initially reported at 17 but rose to 26"', () => {
  const ms = find('The toll was initially put at 17 but rose to 26 by the evening.');
  assert.deepEqual(
    ms.map((m) => [m.range.min, m.early ?? false, m.update]),
    [
      [17, true, false],
      [26, false, true],
    ],
  );
});

test('figures a named source gives are marked as sourced; hedges and "it was reported" are not', () => {
  assert.equal(main('The civil defence said that ten people were killed.')?.sourced, true);
  assert.equal(main('According to a local radio, six civilians died.')?.sourced, true);
  assert.equal(main('Eight people were killed in the raid, the monitor said.')?.sourced, true);
  assert.equal(main('Ten people were reportedly killed in the raid.')?.sourced, undefined);
  assert.equal(main('It was reported that ten people were killed.')?.sourced, undefined);
});

test('kin in the plural and "a family of six" are victims', () => {
  assert.deepEqual(main('Three brothers were killed when the shell hit their shop.')?.range, {
    min: 3,
    max: 3,
  });
  assert.deepEqual(main('The raid levelled a flat, killing a family of five people.')?.range, {
    min: 5,
    max: 5,
  });
});

test('one person as the object of "killed", and an age is not a count', () => {
  const aged = find('The shell hit the yard, killing 61 year old Yusuf Karim.');
  assert.deepEqual(
    aged.map((m) => [m.range.min, m.single]),
    [[1, true]],
  );
  assert.equal(main('Witnesses said the drone killed a young shepherd near the well.')?.single, true);
  assert.equal(main('Relatives wrote that she died of her wounds in hospital.')?.single, true);
});

test('two people each named by a singular noun', () => {
  assert.deepEqual(main('A baby and a teenage girl were killed when the roof fell.')?.range, {
    min: 2,
    max: 2,
  });
});

test('kin are a part of a family toll, the whole when nothing else is given', () => {
  assert.equal(main('Her father, mother and three sisters were killed.', 'killed')?.partial, true);
  assert.deepEqual(toll('At least nine people were killed. Her three sisters were killed too.'), {
    min: 9,
    max: null,
  });
  assert.deepEqual(toll('Four brothers were killed in the raid.'), { min: 4, max: 4 });
});

test('two family tolls joined by "and" add up', () => {
  assert.deepEqual(
    main('Six members of the Haddad family and four members of the Karim family were killed.')?.range,
    { min: 10, max: 10 },
  );
});

test('"put the number of people killed at 27" is a killed figure', () => {
  assert.deepEqual(main('A news page put the number of people killed at 27.')?.range, { min: 27, max: 27 });
});

test('counts of the dead together with others are no death toll', () => {
  assert.deepEqual(
    find('Two users put the death toll at ten killed and 60 more injured.').map((m) => [
      m.outcome,
      m.range.min,
    ]),
    [['killed', 10]],
  );
  assert.equal(
    main('A witness spoke of at least 90 martyrs and missing people under the rubble.'),
    undefined,
  );
});

test('quotation marks do not part a figure from its words; "lost" family members died', () => {
  assert.deepEqual(main('A blogger raised the death toll to \u201cmore than 30.\u201d')?.range, {
    min: 31,
    max: null,
  });
  assert.deepEqual(main('The teacher lost eight family members in the raid.')?.range, { min: 8, max: 8 });
  assert.equal(find('The family lost their home and car.').length, 0);
});

test('the year after "October 20th," is no count', () => {
  assert.deepEqual(
    find('On Monday, March 6th, 2023 three people were reportedly killed.').map((m) => m.range.min),
    [3],
  );
});

test('one person "along with" a figure counts that person too', () => {
  const ms = find('On Monday, Sami Aziz (50) was killed along with his four grandchildren.');
  assert.deepEqual(
    ms.map((m) => [m.range.min, m.subset]),
    [[5, false]],
  );
  assert.deepEqual(main('The doctor, together with 11 relatives, were killed by the strike.')?.range, {
    min: 12,
    max: 12,
  });
  // After a figure of its own, "along with" adds nothing to it.
  assert.deepEqual(
    find('Nine pupils had been killed along with two teachers.').map((m) => m.range.min),
    [9],
  );
});

test('"the teacher and 12 other residents" counts the teacher too', () => {
  assert.deepEqual(
    find('The teacher and 12 other residents were killed in the raid.').map((m) => [m.range.min, m.groups]),
    [[13, ['civilians']]],
  );
});

test('a person named as the object of "killed", then described, is one death', () => {
  const m = main('The strike on the farm killed Samir Khaled Haddad, a 52 year old farmer, witnesses said.');
  assert.deepEqual([m?.range, m?.single], [{ min: 1, max: 1 }, true]);
});

test('one person: "aged 35, was killed", "and later died"; two: "both of whom were killed"', () => {
  assert.equal(main('The poet Samir Haddad, aged 35, was killed in the raid on the market.')?.single, true);
  assert.equal(main('An old farmer was hurt at his home, and later died of his wounds.')?.single, true);
  assert.deepEqual(
    main('The bodies of two men were found at the hospital, both of whom were killed in the shelling.')
      ?.range,
    { min: 2, max: 2 },
  );
});

test('"killing Hani Haddad alongside 11 members of his family" is twelve', () => {
  assert.deepEqual(main('The strike killed Hani Haddad alongside 11 members of his family.')?.range, {
    min: 12,
    max: 12,
  });
});
