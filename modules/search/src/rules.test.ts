import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeKeyset, yearsBetween } from '@meetcute/core';
import { birthdayRange, decodeCursor, encodeCursor } from './rules.ts';

describe('birthdayRange', () => {
  const inRange = (birthday: string, min: number, max: number, date: string) => {
    const { latest, after } = birthdayRange(min, max, date);
    return birthday <= latest && birthday > after;
  };

  test('agrees with the age core counts, day by day around birthdays and leap days', () => {
    const dates = ['2026-06-01', '2024-02-29', '2025-02-28', '2025-03-01', '2026-12-31', '2027-01-01'];
    const birthdays = [
      '1998-06-01',
      '1998-06-02',
      '1997-06-01',
      '1997-06-02',
      '2000-02-29',
      '1996-02-29',
      '1999-03-01',
      '1998-12-31',
      '1999-01-01',
    ];
    for (const date of dates) {
      for (const birthday of birthdays) {
        const age = yearsBetween(birthday, date);
        for (const [min, max] of [
          [age, age],
          [age + 1, age + 3],
          [age - 3, age - 1],
          [18, 120],
        ] as const) {
          assert.equal(
            inRange(birthday, min, max, date),
            age >= min && age <= max,
            `${birthday} on ${date} is ${age}; range ${min}–${max}`,
          );
        }
      }
    }
  });
});

describe('cursors', () => {
  test('round-trip exactly, distances included', () => {
    const cursors = [
      {
        sort: 'distance' as const,
        value: 64.12345678901234,
        memberId: '00000000-0000-7000-8000-00000000000a',
      },
      {
        sort: 'lastActive' as const,
        value: '2026-06-01T10:00:00.000Z',
        memberId: '00000000-0000-7000-8000-00000000000b',
      },
    ];
    for (const cursor of cursors) assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
  });

  test('refuse anything this search did not give out', () => {
    const encode = (data: unknown) => Buffer.from(JSON.stringify(data)).toString('base64url');
    const id = '00000000-0000-7000-8000-00000000000a';
    for (const text of [
      'nonsense!',
      encode('text'),
      encodeKeyset(['distance', 'far', id]),
      encodeKeyset(['distance', -1, id]),
      encodeKeyset(['newest', 12, id]),
      encodeKeyset(['newest', 'yesterday', id]),
      encodeKeyset(['lastActive', '2026-06-01T10:00:00.000Z', 'nancy']),
      encodeKeyset(['popular', 1, id]),
      encodeKeyset(['distance', 1]),
      encodeKeyset(['distance', 1, id, 'more']),
      // The shape this search's cursors had before they took core's one format.
      encode({ s: 'distance', v: 1, id }),
      'x'.repeat(500),
    ]) {
      assert.equal(decodeCursor(text), null, text);
    }
  });
});
