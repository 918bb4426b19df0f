import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '@meetcute/web';
import { messages } from './messages.ts';
import { ageOf, fits, mutuallyCompatible, rank, reason, sharedInterests, type Candidate } from './rules.ts';

const STOCKHOLM = { latitude: 59.32938, longitude: 18.06871, timeZone: 'Europe/Stockholm' };
const UPPSALA = { latitude: 59.85882, longitude: 17.63889, timeZone: 'Europe/Stockholm' };
const NOW = new Date('2026-06-01T10:00:00.000Z');

const nancy: Candidate = {
  memberId: 'nancy',
  gender: 'woman',
  birthday: '1995-03-14',
  ...STOCKHOLM,
  lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
};
const bob: Candidate = {
  memberId: 'bob',
  gender: 'man',
  birthday: '1992-01-20',
  ...UPPSALA,
  lookingFor: { genders: ['woman'], minAge: 25, maxAge: 35, maxDistanceKm: 100 },
};
const adam: Candidate = { ...bob, memberId: 'adam', ...STOCKHOLM };

describe('matching rules', () => {
  test('a fit is one way: Nancy fits Bob, Bob (64 km) is beyond Nancy’s 50 km', () => {
    assert.equal(fits(bob, nancy, NOW), true);
    assert.equal(fits(nancy, bob, NOW), false);
    assert.equal(mutuallyCompatible(nancy, bob, NOW), false);
    // The smaller of the two limits decides, whichever side holds it.
    assert.equal(
      mutuallyCompatible(nancy, { ...bob, lookingFor: { ...bob.lookingFor, maxDistanceKm: 64 } }, NOW),
      false,
    );
    assert.equal(
      mutuallyCompatible({ ...nancy, lookingFor: { ...nancy.lookingFor, maxDistanceKm: 65 } }, bob, NOW),
      true,
    );
  });

  test('gender and both ends of the age range count', () => {
    assert.equal(mutuallyCompatible(nancy, adam, NOW), true);
    assert.equal(fits(nancy, { ...adam, gender: 'nonbinary' }, NOW), false);
    assert.equal(fits(nancy, { ...adam, birthday: '1998-05-31' }, NOW), true); // 28 today
    assert.equal(fits(nancy, { ...adam, birthday: '1998-06-02' }, NOW), false); // 27 until tomorrow
    assert.equal(fits(nancy, { ...adam, birthday: '1985-06-02' }, NOW), true); // 40
    assert.equal(fits(nancy, { ...adam, birthday: '1985-06-01' }, NOW), false); // 41 today
    assert.equal(mutuallyCompatible(adam, adam, NOW), false);
  });

  test('age is counted where the member lives', () => {
    // 22:30 UTC on 31 May is already 1 June in Helsinki but not in London.
    const at = new Date('2026-05-31T22:30:00.000Z');
    const born = { ...adam, birthday: '1998-06-01' };
    assert.equal(ageOf({ ...born, timeZone: 'Europe/Helsinki' }, at), 28);
    assert.equal(ageOf({ ...born, timeZone: 'Europe/London' }, at), 27);
    assert.equal(fits(nancy, { ...born, timeZone: 'Europe/Helsinki' }, at), true);
    assert.equal(fits(nancy, { ...born, timeZone: 'Europe/London' }, at), false);
  });

  test('shared interests are the common tags, sorted', () => {
    assert.deepEqual(sharedInterests(['sailing', 'jazz', 'hiking'], ['jazz', 'chess', 'sailing']), [
      'jazz',
      'sailing',
    ]);
    assert.deepEqual(sharedInterests([], ['jazz']), []);
  });

  test('more shared interests first, then nearer, then by id', () => {
    const s = (memberId: string, n: number, distanceKm: number) => ({
      memberId,
      sharedInterests: Array.from({ length: n }, (_, i) => `t${i}`),
      distanceKm,
    });
    assert.deepEqual(
      rank([s('a', 0, 1), s('b', 2, 40), s('c', 2, 10), s('e', 1, 5), s('d', 1, 5)]).map((x) => x.memberId),
      ['c', 'b', 'd', 'e', 'a'],
    );
  });

  test('the reason in each language', () => {
    const en = translator(messages, 'en');
    assert.equal(
      reason(en, { sharedInterests: ['a', 'b', 'c'], distanceKm: 12 }),
      '3 shared interests, 12 km away',
    );
    assert.equal(reason(en, { sharedInterests: ['a'], distanceKm: 12 }), '1 shared interest, 12 km away');
    assert.equal(reason(en, { sharedInterests: [], distanceKm: 12 }), '12 km away');
    assert.equal(
      reason(translator(messages, 'sv'), { sharedInterests: ['a', 'b'], distanceKm: 3 }),
      '2 gemensamma intressen, 3 km bort',
    );
    assert.equal(
      reason(translator(messages, 'fi'), { sharedInterests: ['a'], distanceKm: 3 }),
      '1 yhteinen kiinnostuksen kohde, 3 km päässä',
    );
  });
});
