import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNamedVictims } from './named-victims.ts';
import { findCasualties } from './casualties.ts';

const count = (s: string): number | null => findNamedVictims(s)?.count ?? null;

test('a subject list of named victims and their kin', () => {
  assert.equal(
    count(
      'Teacher Lina Haddad (41 years old), along with her husband Omar Haddad, their two sons Sami Haddad (9 years old) and Karim Haddad (six years old), and their daughter Rima Haddad were killed on Monday.',
    ),
    5,
  );
  assert.equal(
    count(
      'Around 6:15 on Monday, May 6th 2024, a 70-year-old farmer Yusuf Nasser and his grandson Adam were killed.',
    ),
    2,
  );
  assert.equal(
    count('Yusuf Nasser and his infant granddaughter Maya – who was two months old – were killed.'),
    2,
  );
});

test('an object list: "killed him alongside his wife and their three daughters"', () => {
  assert.equal(
    count(
      'The strike on his house killed him alongside his wife Hala and their three daughters Mira, Dana, and Yara.',
    ),
    5,
  );
  assert.equal(count('The jets killed a young couple, their daughter, and one of their sons.'), 4);
  assert.equal(count('Jets killed his wife and two children in the town.'), 3);
  assert.equal(count('Salma Aziz was killed with her infant daughter, Yara Aziz.'), 2);
  assert.equal(count('Omar was killed alongside his wife and ten of his children.'), 12);
  assert.equal(count('The shelling of the house resulted in the death of a father and his daughter.'), 2);
  assert.equal(
    count(
      'The strike killed a 90-year-old woman, Alia Nasser, alongside her three-year-old grandchild Adam.',
    ),
    2,
  );
  assert.equal(
    count(
      'The raid killed the wife of a commander, Nabil Saad, alongside their four children, including a son.',
    ),
    5,
  );
  assert.equal(
    count(
      'The shelling resulted in the killing of 30-year-old nurse Rami Aziz and his 60-year-old mother Salma.',
    ),
    2,
  );
});

test('a name after the one it names, or a description, is no other victim', () => {
  assert.equal(count('Salma Aziz and her son, Tarek Aziz, were both killed.'), 2);
  assert.equal(count('Tarek’s mother, Salma Aziz, and father, Fadi Aziz, were reportedly killed.'), 2);
  assert.equal(
    count('The strike killed 34-year-old Nour Saleh, a French citizen and wife of a local journalist.'),
    null,
  );
  assert.equal(
    count('The raid killed journalist Fadi Aziz, who was a photographer and a media worker.'),
    null,
  );
  assert.equal(
    count(
      'Lina Saleh (50 years old) and her son Ziad Saleh (20 years old), respectively the wife and son of a doctor, were killed.',
    ),
    2,
  );
  assert.equal(count('Four children, two boys and two girls, were killed.'), 4);
  assert.equal(count('Six children, two boys, two girls and two infants, were killed.'), 6);
});

test('no count where the list is not of people one by one', () => {
  assert.equal(count('Five people were killed in the strike.'), null);
  assert.equal(count('Children and women were killed.'), null);
  assert.equal(count('Omar Haddad was killed.'), null);
});

test('the sentence finder counts a list where it gives no figure of its own', () => {
  const text = 'Yusuf Nasser and his grandson Adam were killed in the strike.';
  const killed = findCasualties(text.toLowerCase(), text).filter((m) => m.outcome === 'killed');
  assert.deepEqual(
    killed.map((m) => m.range),
    [{ min: 2, max: 2 }],
  );
  const withFigure = 'Ten people, among them Yusuf Nasser and his grandson Adam, were killed.';
  assert.equal(
    findCasualties(withFigure.toLowerCase(), withFigure).find((m) => m.outcome === 'killed' && !m.subset)
      ?.range.min,
    10,
  );
});
