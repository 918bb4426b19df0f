import type { Window } from './history.ts';

/**
 * The console's graphs, each a few series of the history's figures, and the PromQL that
 * draws the same series from Prometheus (the committed Grafana dashboard has the same
 * panels with the same queries).
 */
export const GRAPHS = [
  { id: 'traffic', unit: 'perSecond', series: ['rate', 'errors'] },
  { id: 'latency', unit: 'ms', series: ['p50', 'p99'] },
  { id: 'loop', unit: 'ms', series: ['loop_p99'] },
  { id: 'delivery', unit: 'events', series: ['outbox', 'lag'] },
  {
    id: 'business',
    unit: 'perMinute',
    series: ['sign_ups', 'logins', 'flirts', 'messages', 'photo_uploads', 'reports'],
  },
] as const;
export type GraphId = (typeof GRAPHS)[number]['id'];
export type SeriesKey = (typeof GRAPHS)[number]['series'][number];
export const SERIES: readonly SeriesKey[] = GRAPHS.flatMap((g) => g.series);

const HTTP = 'meetcute_http_request_duration_seconds';
const perMinute = (counter: string) => `sum(rate(${counter}[2m])) * 60`;
const quantile = (q: number) => `histogram_quantile(${q}, sum by (le) (rate(${HTTP}_bucket[2m]))) * 1000`;

export const PROMQL: Record<SeriesKey, string> = {
  rate: `sum(rate(${HTTP}_count[2m]))`,
  errors: `sum(rate(${HTTP}_count{status=~"5.."}[2m]))`,
  p50: quantile(0.5),
  p99: quantile(0.99),
  loop_p99: 'max(meetcute_event_loop_delay_seconds{quantile="0.99"}) * 1000',
  outbox: 'sum(meetcute_outbox_depth)',
  lag: 'sum(meetcute_consumer_lag_events)',
  sign_ups: perMinute('meetcute_sign_ups_total'),
  logins: perMinute('meetcute_logins_total'),
  flirts: perMinute('meetcute_flirts_total'),
  messages: perMinute('meetcute_chat_messages_total'),
  photo_uploads: perMinute('meetcute_photo_uploads_total'),
  reports: perMinute('meetcute_reports_total'),
};

export const isWindow = (value: string | undefined): value is Window => value === 'hour' || value === 'day';
