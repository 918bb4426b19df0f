import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withinPreferences } from './audience.ts';

// Nancy looks for men of 28 to 40.
const nancy = {
  gender: 'woman',
  birthday: '1995-03-14',
  time_zone: 'Europe/Stockholm',
  genders: '["man"]',
  min_age: 28,
  max_age: 40,
};
const man = (birthday: string, timeZone = 'Europe/Stockholm') => ({
  gender: 'man',
  birthday,
  time_zone: timeZone,
  genders: '["woman"]',
  min_age: 18,
  max_age: 99,
});

test('a man whose age today is within her limits fits; one a day too young does not', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  assert.equal(withinPreferences(nancy, man('1998-06-01'), now), true); // 28 today
  assert.equal(withinPreferences(nancy, man('1998-06-02'), now), false); // 27 until tomorrow
  assert.equal(withinPreferences(nancy, man('1985-06-02'), now), true); // 40
  assert.equal(withinPreferences(nancy, man('1985-06-01'), now), false); // 41 today
});

test('the age counts where the other member lives', () => {
  // 22:30 UTC on 31 May is already 1 June in Helsinki: he turned 28 there, not yet in London.
  const now = new Date('2026-05-31T22:30:00Z');
  assert.equal(withinPreferences(nancy, man('1998-06-01', 'Europe/Helsinki'), now), true);
  assert.equal(withinPreferences(nancy, man('1998-06-01', 'Europe/London'), now), false);
});

test('a gender she does not look for never fits, whatever the age', () => {
  const woman = { ...man('1990-01-01'), gender: 'woman' };
  assert.equal(withinPreferences(nancy, woman, new Date('2026-06-01T12:00:00Z')), false);
});
