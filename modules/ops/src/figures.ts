import type { MetricReading } from '@meetcute/core';

/** Counts of a latency histogram: how many, how many failed, and the cumulative count per bucket bound. */
interface Histogram {
  count: number;
  errors: number;
  buckets: Map<number, number>;
}

/** What one read of the metrics holds, cumulative since the node started. */
export interface Reading {
  at: number;
  routes: Map<string, Histogram>;
  modules: Map<string, Histogram>;
  counters: Map<string, number>;
  loopP99Ms: number;
  outbox: Map<string, number>;
  lag: Map<string, number>;
}

/** The business counters the console graphs per minute, by the metric each module counts in. */
export const BUSINESS = {
  sign_ups: 'meetcute_sign_ups_total',
  logins: 'meetcute_logins_total',
  flirts: 'meetcute_flirts_total',
  messages: 'meetcute_chat_messages_total',
  photo_uploads: 'meetcute_photo_uploads_total',
  reports: 'meetcute_reports_total',
} as const;
export type BusinessKey = keyof typeof BUSINESS;

const HTTP = 'meetcute_http_request_duration_seconds';
const HANDLER = 'meetcute_event_handler_duration_seconds';
/** Routes kept per point: the busiest, so a point's size is bounded however many routes there are. */
const ROUTES_KEPT = 15;

function histogramOf(map: Map<string, Histogram>, key: string): Histogram {
  let h = map.get(key);
  if (!h) {
    h = { count: 0, errors: 0, buckets: new Map() };
    map.set(key, h);
  }
  return h;
}

/** Adds one histogram metric's values, keyed by `keyOf` (route or module). */
function addHistogram(
  into: Map<string, Histogram>,
  metric: MetricReading,
  keyOf: (labels: Record<string, string | number | undefined>) => string,
  failed: (labels: Record<string, string | number | undefined>) => boolean,
  errorCounts?: MetricReading,
): void {
  for (const v of metric.values) {
    const h = histogramOf(into, keyOf(v.labels));
    if (v.metricName?.endsWith('_bucket')) {
      const le = v.labels.le === '+Inf' ? Infinity : Number(v.labels.le);
      h.buckets.set(le, (h.buckets.get(le) ?? 0) + v.value);
    } else if (v.metricName?.endsWith('_count')) {
      h.count += v.value;
      if (failed(v.labels)) h.errors += v.value;
    }
  }
  for (const v of errorCounts?.values ?? []) histogramOf(into, keyOf(v.labels)).errors += v.value;
}

const byModule = (metric: MetricReading | undefined): Map<string, number> =>
  new Map((metric?.values ?? []).map((v) => [String(v.labels.module), v.value]));

/** Reads what the console graphs out of the node's metrics. */
export function readingOf(metrics: MetricReading[], at: number): Reading {
  const named = new Map(metrics.map((m) => [m.name, m]));
  const reading: Reading = {
    at,
    routes: new Map(),
    modules: new Map(),
    counters: new Map(),
    loopP99Ms: 0,
    outbox: byModule(named.get('meetcute_outbox_depth')),
    lag: byModule(named.get('meetcute_consumer_lag_events')),
  };
  const http = named.get(HTTP);
  if (http) {
    addHistogram(
      reading.routes,
      http,
      (l) => `${String(l.method)} ${String(l.route)}`,
      (l) => Number(l.status) >= 500,
    );
  }
  const handler = named.get(HANDLER);
  if (handler) {
    addHistogram(
      reading.modules,
      handler,
      (l) => String(l.module),
      () => false,
      named.get('meetcute_event_handler_errors_total'),
    );
  }
  for (const name of Object.values(BUSINESS))
    reading.counters.set(name, named.get(name)?.values[0]?.value ?? 0);
  const loop = named
    .get('meetcute_event_loop_delay_seconds')
    ?.values.find((v) => v.labels.quantile === '0.99');
  reading.loopP99Ms = (loop?.value ?? 0) * 1000;
  return reading;
}

/** A quantile (in ms) of what a histogram's buckets counted, interpolated within the bucket it falls in. */
export function quantileMs(buckets: Map<number, number>, q: number): number | null {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total =
    buckets.get(Infinity) ?? (bounds.length > 0 ? (buckets.get(bounds[bounds.length - 1]!) ?? 0) : 0);
  if (total <= 0) return null;
  const target = q * total;
  let lower = 0;
  let below = 0;
  for (const le of bounds) {
    const count = buckets.get(le) ?? 0;
    if (count >= target) {
      if (le === Infinity) return lower * 1000;
      const share = count === below ? 0 : (target - below) / (count - below);
      return (lower + (le - lower) * share) * 1000;
    }
    lower = le;
    below = count;
  }
  return lower * 1000;
}

/** What happened between two cumulative histograms (a restart counts from zero). */
function delta(now: Histogram, before: Histogram | undefined): Histogram {
  const reset = !before || now.count < before.count;
  const buckets = new Map<number, number>();
  for (const [le, count] of now.buckets) buckets.set(le, count - (reset ? 0 : (before.buckets.get(le) ?? 0)));
  return {
    count: now.count - (reset ? 0 : before.count),
    errors: now.errors - (reset ? 0 : before.errors),
    buckets,
  };
}

function merge(all: Histogram[]): Histogram {
  const buckets = new Map<number, number>();
  for (const h of all) for (const [le, c] of h.buckets) buckets.set(le, (buckets.get(le) ?? 0) + c);
  return {
    count: all.reduce((s, h) => s + h.count, 0),
    errors: all.reduce((s, h) => s + h.errors, 0),
    buckets,
  };
}

/** One point of a graph: the golden signals and business counts over the step before `at`. */
export type Figures = Record<string, number | null>;

const signals = (prefix: string, h: Histogram, seconds: number): Figures => ({
  [`${prefix}rate`]: h.count / seconds,
  [`${prefix}errors`]: h.errors / seconds,
  [`${prefix}p50`]: quantileMs(h.buckets, 0.5),
  [`${prefix}p99`]: quantileMs(h.buckets, 0.99),
});

/**
 * The figures of the stretch between two readings: per second for traffic and errors, per
 * minute for business counts, latency percentiles in ms; per route (the busiest) and per module.
 */
export function figuresBetween(before: Reading, now: Reading): Figures {
  const seconds = Math.max(1, (now.at - before.at) / 1000);
  const routes = [...now.routes].map(([key, h]) => [key, delta(h, before.routes.get(key))] as const);
  const figures: Figures = {
    ...signals('', merge(routes.map(([, h]) => h)), seconds),
    loop_p99: now.loopP99Ms,
    outbox: [...now.outbox.values()].reduce((a, b) => a + b, 0),
    lag: [...now.lag.values()].reduce((a, b) => a + b, 0),
  };
  for (const [key, name] of Object.entries(BUSINESS)) {
    const was = before.counters.get(name) ?? 0;
    const is = now.counters.get(name) ?? 0;
    figures[key] = ((is >= was ? is - was : is) / seconds) * 60;
  }
  const busiest = routes.filter(([, h]) => h.count > 0).sort((a, b) => b[1].count - a[1].count);
  for (const [key, h] of busiest.slice(0, ROUTES_KEPT))
    Object.assign(figures, signals(`route:${key}:`, h, seconds));
  const modules = new Set([...now.modules.keys(), ...now.outbox.keys(), ...now.lag.keys()]);
  for (const module of modules) {
    const h = now.modules.get(module);
    if (h)
      Object.assign(figures, signals(`module:${module}:`, delta(h, before.modules.get(module)), seconds));
    figures[`module:${module}:outbox`] = now.outbox.get(module) ?? 0;
    figures[`module:${module}:lag`] = now.lag.get(module) ?? 0;
  }
  return figures;
}
