import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GOALS } from './goals.ts';
import { baselineFigure, figure, judge, replaceBetween, writeFigures } from './results.ts';

test('a figure carries its baseline and the ratio to it', () => {
  const f = figure('profile_read.max_rps', 6000.4, 'req/s', { name: 'hello_world.max_rps', value: 10000 });
  assert.deepEqual(f, {
    name: 'profile_read.max_rps',
    value: 6000,
    unit: 'req/s',
    baseline: 'hello_world.max_rps',
    baseline_value: 10000,
    ratio: 0.6,
  });
  assert.equal(baselineFigure({ name: 'hello_world.max_rps', value: 10000 }, 'req/s').ratio, 1);
  assert.equal(figure('x', 5, 'ms', { name: 'y', value: 0 }).ratio, 0);
});

test('the result file is a JSON list of figures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  try {
    const path = join(dir, 'nested', 'latest.json');
    const figures = [figure('a', 1.23456, 'ms', { name: 'b', value: 2 })];
    await writeFigures(path, figures);
    const written = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    assert.deepEqual(written, [
      { name: 'a', value: 1.235, unit: 'ms', baseline: 'b', baseline_value: 2, ratio: 0.617 },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('targets are judged from the figures, and a missing figure says it was not measured', () => {
  const hello = { name: 'hello_world.max_rps', value: 10000 };
  const figures = [
    figure('profile_read.max_rps', 7000, 'req/s', hello),
    figure('profile_read.p99_at_70pct', 8, 'ms', { name: 'hello_world.p99_at_70pct', value: 2 }),
    figure('news_page.max_rps', 3000, 'req/s', hello),
    figure('news_page.p99_at_70pct', 8, 'ms', { name: 'hello_world.p99_at_70pct', value: 2 }),
  ];
  const verdicts = judge(GOALS, figures);
  assert.equal(verdicts.find((v) => v.title === 'Profile read (API)')?.met, true);
  assert.equal(verdicts.find((v) => v.title === 'News feed page (API)')?.met, false);
  const chat = verdicts.find((v) => v.title === 'Chat');
  assert.equal(chat?.met, null);
  assert.equal(chat?.measured, 'not measured in this run');
});

test('a maximum rate counts by whichever client reached more: ours or wrk', () => {
  const figures = [
    figure('news_html.max_rps', 800, 'req/s', { name: 'hello_world.max_rps', value: 10000 }),
    figure('wrk.news_html.max_rps', 3000, 'req/s', { name: 'wrk.hello_world.max_rps', value: 20000 }),
  ];
  const news = judge(GOALS, figures).find((v) => v.title === 'News page (HTML)');
  assert.equal(news?.met, true);
  assert.match(news?.measured ?? '', /0\.15× \(3000 req\/s, wrk\.news_html\.max_rps\)/);
});

test('a run replaces only its own sections of BENCHMARKS.md', () => {
  const doc =
    '# Benchmarks\n\nHand-written analysis.\n\n<!-- figures:start -->\nold\n<!-- figures:end -->\n\nMore.\n';
  const next = replaceBetween(doc, 'figures', 'new');
  assert.equal(
    next,
    '# Benchmarks\n\nHand-written analysis.\n\n<!-- figures:start -->\nnew\n<!-- figures:end -->\n\nMore.\n',
  );
  assert.match(
    replaceBetween('# B\n', 'machine', 'cpu'),
    /# B\n\n<!-- machine:start -->\ncpu\n<!-- machine:end -->\n$/,
  );
});
