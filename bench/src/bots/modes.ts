/**
 * How many bots are active when, for each mode. Stress climbs in steps until the site
 * breaks (errors or latency past a limit) or every bot is in; spike jumps from a tenth
 * of the bots to all of them and back; endurance holds all of them for the whole run.
 */
export type Mode = 'stress' | 'spike' | 'endurance';

export interface Phase {
  name: string;
  bots: number;
  durationMs: number;
}

export function plan(mode: Mode, bots: number, durationMs: number): Phase[] {
  const tenth = Math.max(1, Math.round(bots / 10));
  switch (mode) {
    case 'endurance':
      return [{ name: 'steady', bots, durationMs }];
    case 'spike': {
      const third = Math.floor(durationMs / 3);
      return [
        { name: 'before the spike', bots: tenth, durationMs: third },
        { name: 'spike', bots, durationMs: third },
        { name: 'after the spike', bots: tenth, durationMs: durationMs - 2 * third },
      ];
    }
    case 'stress': {
      const steps = Math.min(10, bots);
      const step = Math.floor(durationMs / steps);
      return Array.from({ length: steps }, (_, i) => {
        const active = i === steps - 1 ? bots : Math.max(1, Math.round((bots * (i + 1)) / steps));
        return { name: `step ${i + 1}`, bots: active, durationMs: step };
      });
    }
  }
}

export interface Limits {
  /** Share of requests that may fail before the site counts as broken. */
  errorRate: number;
  /** p99 latency past which it counts as broken. */
  p99Ms: number;
}

/** Whether a stress step broke the site, and why. */
export function broke(totals: { errorRate: number; p99: number }, limits: Limits): string | null {
  if (totals.errorRate > limits.errorRate)
    return `errors at ${(totals.errorRate * 100).toFixed(1)}% (limit ${limits.errorRate * 100}%)`;
  if (totals.p99 > limits.p99Ms) return `p99 at ${totals.p99.toFixed(0)} ms (limit ${limits.p99Ms} ms)`;
  return null;
}

/** "90s", "5m", "2h" or plain seconds, in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`${text} is not a duration (e.g. 90s, 5m, 2h)`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
  return n * unit;
}

/** Load only ever goes to this machine. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
