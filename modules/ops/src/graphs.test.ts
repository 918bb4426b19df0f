import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { GRAPHS, PROMQL } from './graphs.ts';

interface Dashboard {
  panels: Array<{ targets: Array<{ expr: string }> }>;
}

test('the committed Grafana dashboard has the console’s graphs, with the same queries', () => {
  const file = join(import.meta.dirname, '..', '..', '..', 'ops', 'grafana-dashboard.json');
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  assert.deepEqual(
    dashboard.panels.map((p) => p.targets.map((t) => t.expr)),
    GRAPHS.map((g) => g.series.map((s) => PROMQL[s])),
  );
});
