import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ageAt, fits, type MemberFacts } from './rules.ts';

const STOCKHOLM = { latitude: 59.32938, longitude: 18.06871, timeZone: 'Europe/Stockholm' };
const UPPSALA = { latitude: 59.85882, longitude: 17.63889, timeZone: 'Europe/Stockholm' };
const HELSINKI = { latitude: 60.16952, longitude: 24.93545, timeZone: 'Europe/Helsinki' };

const nancy: MemberFacts = {
  memberId: 'nancy',
  gender: 'woman',
  birthday: '1995-03-14',
  city: STOCKHOLM,
  lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
};
const bob: MemberFacts = {
  memberId: 'bob',
  gender: 'man',
  birthday: '1992-01-20',
  city: UPPSALA,
  lookingFor: { genders: ['woman'], minAge: 25, maxAge: 35, maxDistanceKm: 100 },
};
const eve: MemberFacts = {
  memberId: 'eve',
  gender: 'woman',
  birthday: '1997-02-02',
  city: HELSINKI,
  lookingFor: { genders: ['woman', 'man'], minAge: 25, maxAge: 40, maxDistanceKm: 300 },
};
const NOW = '2026-06-01T10:00:00.000Z';

describe('who fits a viewer', () => {
  test('Nancy fits Bob: a woman of 31, 64 km away, in his 25–35 within 100 km', () => {
    assert.equal(fits(bob, nancy, NOW), true);
  });

  test('one-way: Bob does not fit Nancy (64 km is beyond her 50 km)', () => {
    assert.equal(fits(nancy, bob, NOW), false);
  });

  test('a man looking for women 40–50 does not get Nancy', () => {
    const carl = { ...bob, memberId: 'carl', lookingFor: { ...bob.lookingFor, minAge: 40, maxAge: 50 } };
    assert.equal(fits(carl, nancy, NOW), false);
  });

  test('Eve in Helsinki is beyond 300 km from Stockholm', () => {
    assert.equal(fits(eve, nancy, NOW), false);
    assert.equal(fits({ ...eve, lookingFor: { ...eve.lookingFor, maxDistanceKm: 450 } }, nancy, NOW), true);
  });

  test('the wrong gender does not fit', () => {
    assert.equal(
      fits({ ...nancy, city: HELSINKI, lookingFor: { ...nancy.lookingFor, maxDistanceKm: 10 } }, eve, NOW),
      false,
    );
  });

  test('nobody is in their own feed', () => {
    assert.equal(fits({ ...bob, lookingFor: { ...bob.lookingFor, genders: ['man'] } }, bob, NOW), false);
  });

  test('the age counts at the item’s time: the range edges are inclusive', () => {
    // Bob turns 35 on 2027-01-20 in Stockholm, and 36 a year later.
    const wants35 = { ...nancy, memberId: 'x', lookingFor: { ...nancy.lookingFor, minAge: 35, maxAge: 35 } };
    assert.equal(fits(wants35, { ...bob, city: STOCKHOLM }, '2027-01-19T12:00:00.000Z'), false);
    assert.equal(fits(wants35, { ...bob, city: STOCKHOLM }, '2027-01-20T12:00:00.000Z'), true);
    assert.equal(fits(wants35, { ...bob, city: STOCKHOLM }, '2028-01-20T12:00:00.000Z'), false);
  });

  test('a birthday starts at midnight where the member lives, not in UTC', () => {
    // 23:30 UTC on 19 January is already the 20th in Stockholm.
    assert.equal(ageAt(bob, '2027-01-19T23:30:00.000Z'), 35);
    assert.equal(ageAt(bob, '2027-01-19T22:30:00.000Z'), 34);
  });
});
