import { Histogram } from '../histogram.ts';

/** What one kind of action did in one phase of a run. */
export class ActionStats {
  readonly latency = new Histogram();
  ok = 0;
  /** 4xx the product meant (a flirt already sent, a blocked member): counted, not errors. */
  refused = 0;
  /** 5xx, resets, timeouts: what a member would see as the site failing. */
  errors = 0;
}

export type Outcome = 'ok' | 'refused' | 'error';

export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 400) return 'ok';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused';
  return 'error';
}

export class PhaseReport {
  readonly name: string;
  readonly bots: number;
  readonly actions = new Map<string, ActionStats>();
  startedAt = 0;
  endedAt = 0;
  memory: number[] = [];

  constructor(name: string, bots: number) {
    this.name = name;
    this.bots = bots;
  }

  record(action: string, ms: number, outcome: Outcome): void {
    let stats = this.actions.get(action);
    if (!stats) {
      stats = new ActionStats();
      this.actions.set(action, stats);
    }
    stats.latency.record(ms);
    if (outcome === 'ok') stats.ok++;
    else if (outcome === 'refused') stats.refused++;
    else stats.errors++;
  }

  get seconds(): number {
    return Math.max(0.001, (this.endedAt - this.startedAt) / 1000);
  }

  totals(): { requests: number; errors: number; errorRate: number; p99: number } {
    const all = new Histogram();
    let requests = 0;
    let errors = 0;
    for (const s of this.actions.values()) {
      all.merge(s.latency);
      requests += s.ok + s.refused + s.errors;
      errors += s.errors;
    }
    return { requests, errors, errorRate: requests ? errors / requests : 0, p99: all.percentile(99) };
  }

  toJSON(): unknown {
    return {
      name: this.name,
      bots: this.bots,
      seconds: this.seconds,
      memoryBytes: this.memory,
      actions: Object.fromEntries(
        [...this.actions].map(([name, s]) => [
          name,
          {
            perSecond: s.latency.count / this.seconds,
            ok: s.ok,
            refused: s.refused,
            errors: s.errors,
            ...s.latency.summary(),
          },
        ]),
      ),
    };
  }
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** A plain-text table per phase: throughput, p50/p95/p99 and errors per action. */
export function renderPhase(phase: PhaseReport): string {
  const lines = [
    `${phase.name}: ${phase.bots} bots, ${phase.seconds.toFixed(1)} s${
      phase.memory.length
        ? `, server memory ${(Math.min(...phase.memory) / 2 ** 20).toFixed(0)}–${(Math.max(...phase.memory) / 2 ** 20).toFixed(0)} MiB`
        : ''
    }`,
    `  ${'action'.padEnd(14)}${pad('count', 8)}${pad('per s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('refused', 9)}${pad('errors', 8)}`,
  ];
  for (const [name, s] of [...phase.actions].sort(([a], [b]) => a.localeCompare(b))) {
    const sum = s.latency.summary();
    lines.push(
      `  ${name.padEnd(14)}${pad(sum.count, 8)}${pad((sum.count / phase.seconds).toFixed(1), 9)}${pad(sum.p50.toFixed(1), 9)}${pad(sum.p95.toFixed(1), 9)}${pad(sum.p99.toFixed(1), 9)}${pad(s.refused, 9)}${pad(s.errors, 8)}`,
    );
  }
  return lines.join('\n');
}
