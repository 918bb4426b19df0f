import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedLoop, dueBy, intendedAt, openLoop } from './load.ts';

test('the open loop schedules sends at fixed intervals whatever came before', () => {
  assert.equal(dueBy(1000, 0), 1);
  assert.equal(dueBy(1000, 9.5), 10);
  assert.equal(dueBy(200, 1000), 201);
  assert.equal(dueBy(100, -5), 0);
  assert.equal(intendedAt(500, 0), 0);
  assert.equal(intendedAt(500, 250), 500);
});

test('open loop: a stalled server is charged for every request that queued behind the stall', async () => {
  // A server that answers in 1 ms except for one 200 ms stall.
  let calls = 0;
  const result = await openLoop({
    rate: 500,
    durationMs: 600,
    maxInFlight: 1,
    action: async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, calls === 50 ? 200 : 1));
      return true;
    },
  });
  assert.equal(result.ok, 300);
  assert.equal(result.errors, 0);
  // Measured from send time, only one request would look slow; measured from intended
  // time, the ~100 sends that were due during the stall all waited.
  const slow = result.latency.percentile(90);
  assert.ok(slow > 20, `p90 ${slow} ms hides the stall`);
});

test('open loop counts failures and thrown errors apart from successes', async () => {
  let n = 0;
  const result = await openLoop({
    rate: 1000,
    durationMs: 100,
    maxInFlight: 10,
    action: async () => {
      n++;
      if (n % 10 === 0) throw new Error('reset');
      return n % 5 !== 0;
    },
  });
  assert.equal(result.ok + result.errors, 100);
  assert.equal(result.errors, 20);
});

test('closed loop measures only after the warm-up', async () => {
  let t = 0;
  const result = await closedLoop({
    concurrency: 1,
    warmupMs: 10,
    durationMs: 100,
    now: () => t,
    action: async () => {
      t += 1;
      return true;
    },
  });
  assert.ok(result.ok >= 98 && result.ok <= 100, `${result.ok} operations measured`);
  assert.ok(Math.abs(result.throughput - 1000) < 30);
  assert.equal(result.latency.percentile(99), 1);
});
