import type { Figure, Goal } from './results.ts';

/** The targets: goals for the code, measured by `make bench`, never asserted in tests. */
function both(figures: ReadonlyMap<string, Figure>, a: string, b: string): [Figure, Figure] | null {
  const x = figures.get(a);
  const y = figures.get(b);
  return x && y ? [x, y] : null;
}

function httpGoal(title: string, name: string, minRatio: number, maxP99: number): Goal {
  return {
    title,
    asks: `≥ ${minRatio}× hello world, p99 ≤ ${maxP99} ms at 70% of its maximum rate`,
    judge(figures) {
      const found = both(figures, `${name}.max_rps`, `${name}.p99_at_70pct`);
      if (!found) return null;
      const [rate, p99] = found;
      return {
        measured: `${rate.ratio}× (${rate.value} req/s), p99 ${p99.value} ms`,
        met: rate.ratio >= minRatio && p99.value <= maxP99,
      };
    },
  };
}

export const GOALS: readonly Goal[] = [
  httpGoal('Profile read', 'profile_read', 0.6, 10),
  httpGoal('News feed page', 'news_page', 0.35, 12.5),
  {
    title: 'Live connections',
    asks: '20,000 concurrent on one node at ≤ 1.5× raw ws memory per connection',
    judge(figures) {
      const found = both(figures, 'live.idle_connections', 'live.memory_per_connection');
      if (!found) return null;
      const [count, memory] = found;
      return {
        measured: `${count.value} connected, ${(memory.value / 1024).toFixed(1)} KiB each, ${memory.ratio}× raw ws`,
        met: count.value >= 20_000 && memory.ratio <= 1.5,
      };
    },
  },
  {
    title: 'Chat delivery',
    asks: 'p99 ≤ 50 ms with 20,000 connected at 1,000 messages/s',
    judge(figures) {
      const found = both(figures, 'chat.delivery_p99', 'live.idle_connections');
      const rate = figures.get('chat.delivered_per_s');
      if (!found || !rate) return null;
      const [p99, connected] = found;
      return {
        measured: `p99 ${p99.value} ms with ${connected.value} connected, ${rate.value} delivered/s`,
        met: p99.value <= 50 && connected.value >= 20_000 && rate.value >= 1000,
      };
    },
  },
  {
    title: 'Long polling',
    asks: '20,000 long-poll requests/s',
    judge(figures) {
      const f = figures.get('live.long_poll_rps');
      return f ? { measured: `${f.value} req/s (${f.ratio}× hello world)`, met: f.value >= 20_000 } : null;
    },
  },
  {
    title: 'Import',
    asks: '≥ 0.5× raw batched node:sqlite insert rate',
    judge(figures) {
      const f = figures.get('import.events_per_s');
      return f ? { measured: `${f.value} events/s, ${f.ratio}× raw`, met: f.ratio >= 0.5 } : null;
    },
  },
  {
    title: 'News projection',
    asks: '≥ 10,000 events/s on the generated community',
    judge(figures) {
      const f = figures.get('projection.news.events_per_s');
      return f ? { measured: `${f.value} events/s (${f.ratio}× raw inserts)`, met: f.value >= 10_000 } : null;
    },
  },
];
