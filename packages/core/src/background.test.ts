import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BackgroundWork } from './background.ts';

/** Rounds that each wait for the test to let them end; `started()` resolves when the next one begins. */
function gatedRounds() {
  let rounds = 0;
  const gates: Array<() => void> = [];
  const starts: Array<() => void> = [];
  const work = new BackgroundWork(
    async () => {
      rounds++;
      starts.shift()?.();
      await new Promise<void>((resolve) => gates.push(resolve));
    },
    { pollMs: 60_000, onError: () => undefined },
  );
  return {
    work,
    rounds: () => rounds,
    started: () => new Promise<void>((resolve) => starts.push(resolve)),
    release: () => gates.shift()?.(),
  };
}

test('wakes during a round run one more round after it, not one each', async () => {
  const g = gatedRounds();
  const first = g.started();
  g.work.wake();
  await first;
  g.work.wake();
  g.work.wake();
  const second = g.started();
  g.release();
  await second;
  g.release();
  await g.work.stop();
  assert.equal(g.rounds(), 2);
});

test('flush runs a round after the one under way and resolves when it is done', async () => {
  const g = gatedRounds();
  const first = g.started();
  g.work.wake();
  await first;
  const second = g.started();
  const flushed = g.work.flush();
  g.release();
  await second;
  g.release();
  await flushed;
  assert.equal(g.rounds(), 2);
  await g.work.stop();
});

test('a failing round is reported and the next wake tries again; after stop nothing runs', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const work = new BackgroundWork(
    () => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
    },
    { pollMs: 60_000, onError: (error) => errors.push(error) },
  );
  await work.flush();
  assert.equal(errors.length, 1);
  await work.flush();
  assert.equal(calls, 2);
  await work.stop();
  work.wake();
  assert.equal(calls, 2);
});
