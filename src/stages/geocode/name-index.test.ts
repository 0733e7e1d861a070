import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFilter } from './name-index.ts';

test('the key filter passes every key of its maps and turns away most others', () => {
  const a = new Map<string, string>();
  const b = new Map<string, number[]>();
  for (let i = 0; i < 20000; i++) a.set(`key${i}`, '');
  for (let i = 0; i < 5000; i++) b.set(`كفر${i}`, [i]);
  const filter = keyFilter([a, undefined, b]);
  for (const k of a.keys()) assert.ok(filter.mayHave(k), k);
  for (const k of b.keys()) assert.ok(filter.mayHave(k), k);
  let passed = 0;
  for (let i = 0; i < 10000; i++) if (filter.mayHave(`other${i}`)) passed++;
  assert.ok(passed < 100, `${passed} absent keys passed`);
});
