import { Type } from 'typebox';
import type { Clock, Http, Logger } from '@meetcute/core';
import { isWindow, SERIES } from './graphs.ts';
import { latestFigures, siteSeries, WINDOWS, type MetricsHistory, type Window } from './history.ts';
import { prometheusSeries } from './prometheus.ts';
import { OPERATOR_API } from './routes.ts';
import { releasesOf, type OpsDb } from './store.ts';

export interface NodeRow {
  nodeId: string;
  name: string;
  version: string;
  commit: string | null;
  startedAt: string;
  uptimeSeconds: number;
}

export interface SignalsRow {
  name: string;
  rate: number | null;
  errors: number | null;
  p50: number | null;
  p99: number | null;
  outbox?: number | null;
  lag?: number | null;
}

/** Everything the overview shows, as the page draws it and the script refreshes it. */
export interface Overview {
  window: Window;
  source: 'nodes' | 'prometheus';
  times: number[];
  series: Record<string, Array<number | null>>;
  /** Releases first seen within the window (seconds, as the times), for marks on the graphs. */
  releases: Array<{ version: string; at: number }>;
  nodes: NodeRow[];
  routes: SignalsRow[];
  modules: SignalsRow[];
}

export interface OverviewDeps {
  db: OpsDb;
  history: MetricsHistory;
  clock: Clock;
  prometheusUrl: string | null;
  logger: Logger;
}

/** Rows of a table of signals (routes or modules) from the combined newest figures. */
function rowsOf(
  figures: Record<string, number | null>,
  prefix: string,
  extra: readonly string[],
): SignalsRow[] {
  const names = new Set(
    Object.keys(figures)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length, k.lastIndexOf(':'))),
  );
  const value = (name: string, what: string) => figures[`${prefix}${name}:${what}`] ?? null;
  return [...names]
    .map((name) => ({
      name,
      rate: value(name, 'rate'),
      errors: value(name, 'errors'),
      p50: value(name, 'p50'),
      p99: value(name, 'p99'),
      ...Object.fromEntries(extra.map((e) => [e, value(name, e)])),
    }))
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.name.localeCompare(b.name));
}

async function graphs(
  deps: OverviewDeps,
  window: Window,
  now: number,
): Promise<Pick<Overview, 'source' | 'times' | 'series'>> {
  if (deps.prometheusUrl) {
    try {
      return { source: 'prometheus', ...(await prometheusSeries(deps.prometheusUrl, window, now)) };
    } catch (error) {
      // The console still shows what the nodes hold; the log says why Prometheus did not answer.
      deps.logger.warn({ err: error }, 'Prometheus did not answer; the console shows the nodes own history');
    }
  }
  return { source: 'nodes', ...siteSeries(deps.history.running(), window, SERIES) };
}

export async function overviewOf(deps: OverviewDeps, window: Window): Promise<Overview> {
  const now = deps.clock.now().getTime();
  const running = deps.history.running();
  const since = now - WINDOWS[window].stepMs * WINDOWS[window].points;
  const releases = (await releasesOf(deps.db))
    .map((r) => ({ version: r.version, at: Date.parse(r.firstSeenAt) }))
    .filter((r) => r.at >= since)
    .map((r) => ({ version: r.version, at: r.at / 1000 }));
  const latest = latestFigures(running, window);
  return {
    window,
    ...(await graphs(deps, window, now)),
    releases,
    nodes: running.map(({ facts }) => ({
      nodeId: facts.id,
      name: facts.name,
      version: facts.version,
      commit: facts.commit,
      startedAt: facts.startedAt,
      uptimeSeconds: Math.max(0, Math.round((now - Date.parse(facts.startedAt)) / 1000)),
    })),
    routes: rowsOf(latest, 'route:', []),
    modules: rowsOf(latest, 'module:', ['outbox', 'lag']),
  };
}

const Num = Type.Union([Type.Number(), Type.Null()]);
const Signals = Type.Object({
  name: Type.String(),
  rate: Num,
  errors: Num,
  p50: Num,
  p99: Num,
  outbox: Type.Optional(Num),
  lag: Type.Optional(Num),
});

/** The overview as JSON: what the page's script draws, and what an operator's script may read. */
export function overviewRoute(http: Http, deps: OverviewDeps): void {
  http.get(
    '/api/v1/ops/metrics',
    {
      config: OPERATOR_API,
      schema: {
        summary:
          'The golden signals and business counts of every node for the last hour (every 10 s) or day (every minute)',
        tags: ['ops'],
        querystring: Type.Object({
          window: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day')])),
        }),
        response: {
          200: Type.Object({
            window: Type.String(),
            source: Type.String(),
            times: Type.Array(Type.Number()),
            series: Type.Record(Type.String(), Type.Array(Num)),
            releases: Type.Array(Type.Object({ version: Type.String(), at: Type.Number() })),
            nodes: Type.Array(
              Type.Object({
                nodeId: Type.String(),
                name: Type.String(),
                version: Type.String(),
                commit: Type.Union([Type.String(), Type.Null()]),
                startedAt: Type.String(),
                uptimeSeconds: Type.Number(),
              }),
            ),
            routes: Type.Array(Signals),
            modules: Type.Array(Signals),
          }),
        },
      },
    },
    async (request) => overviewOf(deps, isWindow(request.query.window) ? request.query.window : 'hour'),
  );
}
