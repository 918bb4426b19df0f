import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pick, random, WEIGHTS } from './bot.ts';
import { broke, isLoopback, parseDuration, plan } from './modes.ts';
import { outcomeOf, PhaseReport, renderPhase } from './report.ts';

test('stress climbs in ten steps to every bot, spike jumps and falls back, endurance holds', () => {
  const stress = plan('stress', 100, 60_000);
  assert.deepEqual(
    stress.map((p) => p.bots),
    [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
  );
  assert.ok(stress.every((p) => p.durationMs === 6000));
  assert.deepEqual(
    plan('spike', 100, 90_000).map((p) => [p.name, p.bots]),
    [
      ['before the spike', 10],
      ['spike', 100],
      ['after the spike', 10],
    ],
  );
  assert.deepEqual(plan('endurance', 7, 1000), [{ name: 'steady', bots: 7, durationMs: 1000 }]);
  assert.equal(plan('stress', 3, 30_000).length, 3);
});

test('a stress step breaks on too many errors or too slow a p99', () => {
  const limits = { errorRate: 0.01, p99Ms: 1000 };
  assert.equal(broke({ errorRate: 0.001, p99: 200 }, limits), null);
  assert.match(broke({ errorRate: 0.05, p99: 200 }, limits) ?? '', /errors at 5\.0%/);
  assert.match(broke({ errorRate: 0, p99: 2500 }, limits) ?? '', /p99 at 2500 ms/);
});

test('durations read as people write them', () => {
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('12'), 12_000);
  assert.throws(() => parseDuration('soon'), /not a duration/);
});

test('bots load only this machine', () => {
  assert.ok(isLoopback(new URL('http://127.0.0.1:3000')));
  assert.ok(isLoopback(new URL('http://127.0.0.7:3000')));
  assert.ok(isLoopback(new URL('http://localhost:3000')));
  assert.ok(isLoopback(new URL('http://[::1]:3000')));
  assert.ok(!isLoopback(new URL('http://10.0.0.5:3000')));
  assert.ok(!isLoopback(new URL('http://example.com')));
  assert.ok(!isLoopback(new URL('http://127.0.0.1.example.com')));
});

test('members mostly look around: actions follow their weights', () => {
  const r = random(42);
  const counts = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const a = pick(WEIGHTS, r());
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const share = (a: string) => (counts.get(a) ?? 0) / 20_000;
  assert.ok(Math.abs(share('profile') - 0.3) < 0.02);
  assert.ok(Math.abs(share('flirt') - 0.05) < 0.01);
  // The same seed makes the same choices.
  const again = random(42);
  const first = random(42);
  assert.deepEqual(
    Array.from({ length: 5 }, () => again()),
    Array.from({ length: 5 }, () => first()),
  );
});

test('a refusal the product meant is not an error; a failing site is', () => {
  assert.equal(outcomeOf(200), 'ok');
  assert.equal(outcomeOf(303), 'ok');
  assert.equal(outcomeOf(409), 'refused');
  assert.equal(outcomeOf(404), 'refused');
  assert.equal(outcomeOf(429), 'error');
  assert.equal(outcomeOf(500), 'error');
  assert.equal(outcomeOf(503), 'error');
});

test('a phase reports throughput, percentiles and errors per action', () => {
  const phase = new PhaseReport('step 1', 10);
  phase.startedAt = 0;
  phase.endedAt = 2000;
  for (let i = 0; i < 100; i++) phase.record('search', i < 99 ? 5 : 500, 'ok');
  phase.record('flirt', 8, 'refused');
  phase.record('chat', 30, 'error');
  const totals = phase.totals();
  assert.equal(totals.requests, 102);
  assert.equal(totals.errors, 1);
  const text = renderPhase(phase);
  assert.match(text, /step 1: 10 bots, 2\.0 s/);
  assert.match(text, /search\s+100\s+50\.0/);
  assert.match(text, /flirt\s+1\s+0\.5.*\s1\s+0$/m);
});
