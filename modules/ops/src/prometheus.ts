import { PROMQL, SERIES, type SeriesKey } from './graphs.ts';
import { WINDOWS, type Window } from './history.ts';

interface RangeAnswer {
  status: string;
  data?: { result?: Array<{ values?: Array<[number, string]> }> };
}

/**
 * The site's graphs read from Prometheus's HTTP API (query_range), when it scrapes the
 * nodes: every node, history that survives restarts. One query per series, at the window's step.
 */
export async function prometheusSeries(
  url: string,
  window: Window,
  now: number,
): Promise<{ times: number[]; series: Record<string, Array<number | null>> }> {
  const { stepMs, points } = WINDOWS[window];
  const end = Math.floor(now / stepMs) * stepMs;
  const start = end - stepMs * (points - 1);
  const answers = await Promise.all(
    SERIES.map(async (key) => {
      const query = new URLSearchParams({
        query: PROMQL[key],
        start: String(start / 1000),
        end: String(end / 1000),
        step: `${stepMs / 1000}s`,
      });
      const response = await fetch(`${url}/api/v1/query_range?${query}`, {
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`Prometheus answered ${response.status} for ${key}`);
      const body = (await response.json()) as RangeAnswer;
      return [key, body.data?.result?.[0]?.values ?? []] as const;
    }),
  );
  const times = [...new Set(answers.flatMap(([, values]) => values.map(([t]) => t)))].sort((a, b) => a - b);
  const series = {} as Record<SeriesKey, Array<number | null>>;
  for (const [key, values] of answers) {
    const byTime = new Map(values.map(([t, v]) => [t, Number(v)]));
    series[key] = times.map((t) => {
      const v = byTime.get(t);
      return v === undefined || Number.isNaN(v) ? null : Math.round(v * 1000) / 1000;
    });
  }
  return { times, series };
}
