import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageIn, dateIn, isCalendarDate, yearsBetween } from './dates.ts';

test('the date depends on where you are: just after midnight in Helsinki is still yesterday in Reykjavik', () => {
  const at = new Date('2026-06-01T21:30:00Z');
  assert.equal(dateIn('Europe/Helsinki', at), '2026-06-02');
  assert.equal(dateIn('Atlantic/Reykjavik', at), '2026-06-01');
});

test('a birthday counts from its day', () => {
  assert.equal(yearsBetween('2008-06-02', '2026-06-01'), 17);
  assert.equal(yearsBetween('2008-06-02', '2026-06-02'), 18);
  assert.equal(yearsBetween('2008-02-29', '2026-02-28'), 17);
  assert.equal(yearsBetween('2008-02-29', '2026-03-01'), 18);
});

test('someone turns 18 at midnight where they live, not in UTC', () => {
  const at = new Date('2026-06-01T22:30:00Z'); // 01:30 on 2 June in Stockholm
  assert.equal(ageIn('Europe/Stockholm', '2008-06-02', at), 18);
  assert.equal(ageIn('Atlantic/Reykjavik', '2008-06-02', at), 17);
});

test('only real calendar dates are dates', () => {
  assert.ok(isCalendarDate('1995-03-14'));
  assert.ok(!isCalendarDate('1995-02-30'));
  assert.ok(!isCalendarDate('14/03/1995'));
  assert.ok(!isCalendarDate('1995-3-14'));
});

test('the date turns at local midnight even where the offset is not whole hours (Kathmandu, +05:45)', () => {
  assert.equal(dateIn('Asia/Kathmandu', new Date('2026-06-01T18:14:59.999Z')), '2026-06-01');
  assert.equal(dateIn('Asia/Kathmandu', new Date('2026-06-01T18:15:00.000Z')), '2026-06-02');
  assert.equal(dateIn('Asia/Kathmandu', new Date('2026-06-01T18:00:00.000Z')), '2026-06-01');
});
