import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundingBox, distanceKm } from './places.ts';

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
