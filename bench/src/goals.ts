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

/** A maximum rate against hello world's, by whichever client (ours or wrk) reached more. */
function rateGoal(title: string, name: string, minRatio: number): Goal {
  return {
    title,
    asks: `≥ ${minRatio}× hello world`,
    judge(figures) {
      const ours = figures.get(`${name}.max_rps`);
      const theirs = figures.get(`wrk.${name}.max_rps`);
      const best = [ours, theirs]
        .filter((f): f is Figure => f !== undefined)
        .sort((a, b) => b.ratio - a.ratio)[0];
      if (!best) return null;
      return { measured: `${best.ratio}× (${best.value} req/s, ${best.name})`, met: best.ratio >= minRatio };
    },
  };
}

/** issue 11's targets, in its order. */
export const GOALS: readonly Goal[] = [
  httpGoal('Profile read (API)', 'profile_read', 0.3, 10),
  httpGoal('News feed page (API)', 'news_page', 0.35, 12.5),
  rateGoal('News page (HTML)', 'news_html', 0.1),
  rateGoal('Alerts page (HTML)', 'alerts_html', 0.15),
  rateGoal('Search (API)', 'search', 0.1),
  {
    title: 'News and alerts pages with ads on (issue 16)',
    asks: '≥ 0.9× the same page’s rate with ads off, in the same run',
    judge(figures) {
      const news = figures.get('ads_on.news_html.max_rps');
      const alerts = figures.get('ads_on.alerts_html.max_rps');
      if (!news || !alerts) return null;
      return {
        measured: `news ${news.ratio}× (${news.value} req/s), alerts ${alerts.ratio}× (${alerts.value} req/s)`,
        met: news.ratio >= 0.9 && alerts.ratio >= 0.9,
      };
    },
  },
  {
    title: 'Long-poll re-polls',
    asks: '≥ 0.4× hello world and ≥ 15,000 req/s',
    judge(figures) {
      const f = [figures.get('live.long_poll_rps'), figures.get('wrk.long_poll.max_rps')]
        .filter((x): x is Figure => x !== undefined)
        .sort((a, b) => b.ratio - a.ratio)[0];
      return f
        ? {
            measured: `${f.value} req/s (${f.ratio}× hello world, ${f.name})`,
            met: f.ratio >= 0.4 && f.value >= 15_000,
          }
        : null;
    },
  },
  rateGoal('/heartbeat through the chassis', 'heartbeat', 0.6),
  {
    title: 'Chat',
    asks: '≥ 1,000 sends/s delivered, p99 ≤ 50 ms, 5,000 connected',
    judge(figures) {
      const found = both(figures, 'chat.delivery_p99', 'live.idle_connections');
      const rate = figures.get('chat.delivered_per_s');
      if (!found || !rate) return null;
      const [p99, connected] = found;
      return {
        measured: `p99 ${p99.value} ms with ${connected.value} connected, ${rate.value} delivered/s`,
        met: p99.value <= 50 && connected.value >= 5000 && rate.value >= 1000,
      };
    },
  },
  {
    title: 'Live connection memory',
    asks: '≤ 1.5× raw ws per connection',
    judge(figures) {
      const found = both(figures, 'live.idle_connections', 'live.memory_per_connection');
      if (!found) return null;
      const [count, memory] = found;
      return {
        measured: `${count.value} connected, ${(memory.value / 1024).toFixed(1)} KiB each, ${memory.ratio}× raw ws`,
        met: memory.ratio <= 1.5,
      };
    },
  },
  {
    title: 'Import',
    asks: '≥ 10,000 events/s (0.15× raw inserts)',
    judge(figures) {
      const f = figures.get('import.events_per_s');
      return f
        ? { measured: `${f.value} events/s, ${f.ratio}× raw`, met: f.value >= 10_000 || f.ratio >= 0.15 }
        : null;
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
