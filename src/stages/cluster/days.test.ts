import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayNumber, isoDay } from './days.ts';

test('day numbers agree with the calendar and come back unchanged', () => {
  for (const iso of ['1970-01-01', '2000-02-29', '2016-12-31', '2017-03-01', '1969-12-31', '2100-02-28']) {
    assert.equal(dayNumber(iso), Date.parse(`${iso}T00:00:00Z`) / 86_400_000, iso);
    assert.equal(isoDay(dayNumber(iso)!), iso);
  }
  for (let n = 16_000; n < 18_000; n += 7) assert.equal(dayNumber(isoDay(n)), n);
});

test('days that do not exist are not days', () => {
  for (const bad of ['2017-02-29', '2016-13-01', '2016-00-10', '2016-04-31', '2016-4-1', '2016-05'])
    assert.equal(dayNumber(bad), null, bad);
});
