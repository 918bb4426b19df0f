import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { yearsBetween } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import { birthdayRange, boundingBox, decodeCursor, encodeCursor } from './rules.ts';

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

describe('boundingBox', () => {
  const inside = (box: ReturnType<typeof boundingBox>, p: { latitude: number; longitude: number }) =>
    p.latitude >= box.minLat &&
    p.latitude <= box.maxLat &&
    (box.longitudes === null || box.longitudes.some(([lo, hi]) => p.longitude >= lo && p.longitude <= hi));

  test('holds every point of the circle, in the north and across the antimeridian', () => {
    const centres = [
      { latitude: 59.85882, longitude: 17.63889 },
      { latitude: 69.6496, longitude: 18.956 },
      { latitude: 65, longitude: 179.5 },
      { latitude: -40, longitude: -179.9 },
    ];
    for (const centre of centres) {
      for (const km of [1, 50, 100, 1000]) {
        const box = boundingBox(centre, km);
        // Points on the circle's edge, all the way round.
        for (let bearing = 0; bearing < 360; bearing += 5) {
          const b = (bearing * Math.PI) / 180;
          const d = km / 6371.0088;
          const lat1 = (centre.latitude * Math.PI) / 180;
          const lon1 = (centre.longitude * Math.PI) / 180;
          const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
          const lon2 =
            lon1 +
            Math.atan2(
              Math.sin(b) * Math.sin(d) * Math.cos(lat1),
              Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
            );
          const point = {
            latitude: (lat2 * 180) / Math.PI,
            longitude: (((lon2 * 180) / Math.PI + 540) % 360) - 180,
          };
          assert.ok(Math.abs(distanceKm(centre, point) - km) < 0.01);
          assert.ok(
            inside(box, point),
            `${JSON.stringify(point)} at ${km} km from ${JSON.stringify(centre)}`,
          );
        }
      }
    }
  });

  test('leaves out what is clearly too far', () => {
    const box = boundingBox({ latitude: 59.85882, longitude: 17.63889 }, 100);
    assert.ok(!inside(box, { latitude: 60.16952, longitude: 24.93545 }), 'Helsinki is 400 km away');
  });

  test('takes every longitude when the circle reaches a pole', () => {
    assert.equal(boundingBox({ latitude: 89.5, longitude: 0 }, 100).longitudes, null);
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
      encode({ s: 'distance', v: 'far', id }),
      encode({ s: 'distance', v: -1, id }),
      encode({ s: 'newest', v: 12, id }),
      encode({ s: 'lastActive', v: '2026-06-01T10:00:00.000Z', id: 'nancy' }),
      encode({ s: 'popular', v: 1, id }),
      'x'.repeat(500),
    ]) {
      assert.equal(decodeCursor(text), null, text);
    }
  });
});
