/**
 * Regression corpus for death and injury tolls told in the many ways sources put them: sentences
 * written for these tests, each standing for a pattern that once went wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExtractor } from '../../src/compose.ts';
import type { ExtractedDocument } from '../../src/domain/extraction.ts';
import { findCasualties, type CasualtyMention } from '../../src/stages/extract/casualties.ts';

const extract = loadExtractor();

function run(text: string): ExtractedDocument {
  return extract({ id: 't', text, published: null, title: null, url: null, outlet: null });
}

const LEAD = 'On March 3, 2024, an air strike on a house in Khan Younis killed at least 11 civilians.';
/** The one event of a report that opens with LEAD and goes on, paragraphs later, with `later`. */
function killedWith(later: string): unknown {
  const doc = run(`${LEAD}\n\nRelatives shared photographs of the family.\n\nNeighbours helped.\n\n${later}`);
  assert.equal(doc.events.length, 1);
  return doc.events[0]!.killed;
}
const find = (s: string): CasualtyMention[] => findCasualties(s.toLowerCase());

describe('toll regressions', () => {
  it('reads a source putting, placing or raising the toll as that source’s figure', () => {
    assert.deepEqual(killedWith('A local page put the death toll at 17.'), { min: 11, max: 17 });
    assert.deepEqual(killedWith('Some accounts placed the number of dead as high as 35.'), {
      min: 11,
      max: 35,
    });
    assert.deepEqual(
      killedWith('One page gave the number of dead victims as 12, while another raised the number to 16.'),
      { min: 11, max: 16 },
    );
    assert.deepEqual(killedWith('The death toll could be as high as 37.'), { min: 11, max: 37 });
  });

  it('counts a participle standing for the people: "18 killed", "20 wounded"', () => {
    assert.deepEqual(killedWith('The highest toll was given by a local agency as 18 killed.'), {
      min: 11,
      max: 18,
    });
    const ms = find('Officials said 18 killed and 20 wounded.');
    assert.deepEqual(
      ms.map((m) => [m.outcome, m.range.min]),
      [
        ['killed', 18],
        ['injured', 20],
      ],
    );
  });

  it('takes "a total of" deaths in one strike, but not a total of strikes', () => {
    assert.deepEqual(killedWith('A news site reported a total of 30 deaths.'), { min: 11, max: 30 });
    const doc = run(
      'Jets carried out a total of 120 air strikes on the province last week, killing 40 people.',
    );
    assert.equal(doc.events.length, 0);
  });

  it('reads a floor and a ceiling of one toll: "at least 78, and up to 175, people"', () => {
    const m = find('At least 78, and up to 175, people from the same extended family were killed.')[0];
    assert.deepEqual(m?.range, { min: 78, max: 175 });
    const ms = find(
      'The strike killed 21 members of the family, including 14 children, and up to 30 civilians.',
    );
    assert.ok(ms.some((x) => x.outcome === 'killed' && x.range.min === 21 && x.range.max === 30));
  });

  it('counts "tallied eight citizens as having been killed" and "36 total victims killed"', () => {
    assert.deepEqual(find('Medics tallied eight citizens as having been killed.')[0]?.range, {
      min: 8,
      max: 8,
    });
    assert.equal(find('Researchers found up to 36 total victims killed.')[0]?.range.max, 36);
  });

  it('does not count "200 dead and injured" or "victims who were killed and injured" as deaths', () => {
    assert.deepEqual(find('A sample of 200 dead and injured victims was examined.'), []);
    assert.deepEqual(find('The names of 78 victims who were killed and injured were posted.'), []);
  });

  it('keeps an injury toll apart: "the injury toll at 32", "injuries, putting the toll at seven"', () => {
    assert.equal(find('A channel placed the injury toll at 32.')[0]?.outcome, 'injured');
    assert.equal(
      find('The agency reported fewer injuries, putting the toll at seven.')[0]?.outcome,
      'injured',
    );
    const ms = find('Four people were killed and 70 patients and staff were injured.');
    assert.equal(ms.filter((m) => m.outcome === 'killed').length, 1);
  });

  it('keeps a figure whose "most of them" clause ends the sentence with its source', () => {
    const m = find(
      'The number of people killed in air strikes on the village has risen to at least 35, most of them children, monitors said.',
    ).find((x) => !x.subset);
    assert.deepEqual(m?.range, { min: 35, max: null });
  });

  it('does not take a toll of the whole war, told without a strike, for the strike’s', () => {
    assert.deepEqual(
      killedWith('He joined the convoy of our sixty martyrs since the day the war broke out.'),
      {
        min: 11,
        max: null,
      },
    );
  });

  it('does not split a strike over an earlier count: "had earlier reported 26 dead"', () => {
    const doc = run(
      'The number of people killed in air strikes on the village of Haas has risen to at least 35, monitors said on Friday.\n\n' +
        'Activists had earlier reported 26 dead after the raids on Wednesday, which hit the school a few kilometres south-west of Kafranbel.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.killed?.min, 35);
  });

  it('does not take a page named after a town for the place: "Khan Yunis City posted"', () => {
    const doc = run(
      'On March 3, 2024, an air strike on a house in Deir al-Balah killed at least 11 civilians.\n\n' +
        'Khan Yunis City posted that four injuries resulted from an air strike on the house.',
    );
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.place, 'Deir al-Balah');
  });

  it('counts one victim told in a few words: "killed at least one civilian", "killed journalist X"', () => {
    assert.deepEqual(find('An air strike killed at least one civilian in the town.')[0]?.range, {
      min: 1,
      max: null,
    });
    assert.deepEqual(find('The strike killed journalist Ahmed Khalil, a photographer.')[0]?.range, {
      min: 1,
      max: 1,
    });
    assert.deepEqual(find('A civilian was reported killed in the raid.')[0]?.range, { min: 1, max: 1 });
    assert.deepEqual(find('The attack resulted in at least one death.')[0]?.range, { min: 1, max: null });
  });

  it('reads a lone victim beside victims in the plural as one to two', () => {
    const doc = run(
      'On March 3, 2024, a young man was killed in an air strike on a motorcycle in Khan Younis. A local page reported martyrs and injuries after the attack.',
    );
    assert.deepEqual(doc.events[0]!.killed, { min: 1, max: 2 });
    const one = run('On March 3, 2024, an air strike on a car in Khan Younis killed at least one civilian.');
    assert.deepEqual(one.events[0]!.killed, { min: 1, max: null });
  });

  it('does not take "several people had been wounded" for one person', () => {
    const ms = find('A medic said that several people had been wounded.');
    assert.equal(
      ms.some((m) => m.single),
      false,
    );
  });

  it('keeps the toll of a separate incident told in passing out of the strike', () => {
    assert.deepEqual(
      killedWith(
        'His other relatives died in a separate incident earlier that day, in which 22 civilians were killed.',
      ),
      { min: 11, max: null },
    );
    const doc = run(
      'On March 3, 2024, a shell hit a car in Khan Younis, killing between three and six people. The same day, 29 people were killed across attacks in the city, a local agency said.',
    );
    assert.deepEqual(doc.events[0]!.killed, { min: 3, max: 6 });
  });

  it('does not lower a toll with the victims a later paragraph names', () => {
    assert.deepEqual(killedWith('Among them, Omar Haddad and his wife Lina were killed.'), {
      min: 11,
      max: null,
    });
  });

  it('reads a hedged verb after the figure: "were likely killed", "were allegedly wounded"', () => {
    assert.deepEqual(find('At least four civilians were likely killed by shelling.')[0]?.range, {
      min: 4,
      max: null,
    });
    assert.equal(find('Six people were allegedly wounded.')[0]?.outcome, 'injured');
  });

  it('reads "a number of deaths" as victims in the plural, quotation marks or not', () => {
    const doc = run(
      'On March 3, 2024, an alleged Israeli air strike hit a house in Jabalia, resulting in “a number” of deaths.',
    );
    assert.deepEqual(doc.events[0]!.killed, { min: 2, max: null });
    const other = run(
      'On March 3, 2024, an alleged Israeli air strike hit a house in Jabalia. A number of deaths and injuries were reported.',
    );
    assert.deepEqual(other.events[0]!.killed, { min: 2, max: null });
  });
});
