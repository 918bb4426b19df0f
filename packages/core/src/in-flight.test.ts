import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InFlight } from './in-flight.ts';

test('work is counted under its keys while it runs, and not after, however it ends', async () => {
  const inFlight = new InFlight();
  let release!: () => void;
  const running = inFlight.during(['a', 'b'], () => new Promise<void>((resolve) => (release = resolve)));
  const failing = inFlight.during(['a'], () => Promise.reject(new Error('refused')));
  assert.deepEqual([inFlight.count('a'), inFlight.count('b'), inFlight.count('c')], [2, 1, 0]);
  await assert.rejects(failing, /refused/);
  assert.equal(inFlight.count('a'), 1, 'a failure is no longer under way');
  release();
  await running;
  assert.deepEqual([inFlight.count('a'), inFlight.count('b')], [0, 0]);
});
