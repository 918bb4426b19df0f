import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from './clock.ts';
import { seededIdSource, uuidv7Source } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('ids are UUIDv7 and sort in the order they were made, even within one millisecond', () => {
  const clock = new ManualClock();
  const ids = uuidv7Source(clock);
  const made: string[] = [];
  for (let i = 0; i < 1000; i++) {
    made.push(ids.next());
    if (i % 100 === 0) clock.advance(1);
  }
  assert.ok(made.every((id) => UUID_V7.test(id)));
  assert.deepEqual([...made].sort(), made);
  assert.equal(new Set(made).size, made.length);
});

test('a clock that goes backwards does not break the order', () => {
  const clock = new ManualClock('2026-06-01T10:00:00Z');
  const ids = uuidv7Source(clock);
  const first = ids.next();
  clock.advance(-5000);
  assert.ok(ids.next() > first);
});

test('seeded ids repeat exactly for the same seed', () => {
  const a = seededIdSource(new ManualClock(), 7);
  const b = seededIdSource(new ManualClock(), 7);
  assert.deepEqual([a.next(), a.next()], [b.next(), b.next()]);
});
