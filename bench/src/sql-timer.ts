// Where a server's SQLite time goes, statement by statement: node:sqlite's statements are
// wrapped so each call's time is added to its SQL text. Loaded into the server under test
// before any module opens a database (probe.ts --sql: `--import sql-timer-preload.ts`),
// counting between the parent's sqlStart and sqlReport (processes.ts). A CPU profile cannot
// say this: queries run from promise continuations, whose stacks no longer name the caller.
import { DatabaseSync, StatementSync } from 'node:sqlite';

interface Tally {
  calls: number;
  ns: bigint;
}

export interface SqlTimer {
  /** Forgets what was counted and counts from now. */
  start(): void;
  /** The statements that took longest since start, one line each, and stops counting. */
  report(top: number, requests: number): string;
}

let timer: SqlTimer | undefined;

/** The timer when this process loaded it (a server under probe.ts --sql), else undefined. */
export function sqlTimer(): SqlTimer | undefined {
  return timer;
}

type Method = (this: object, ...args: unknown[]) => unknown;

/** Wraps `proto[name]` so its calls are timed under the key `keyOf` gives. */
function timed(
  proto: object,
  name: string,
  keyOf: (self: object, args: unknown[]) => string,
  count: (key: string, ns: bigint) => void,
): void {
  const original = Reflect.get(proto, name) as Method;
  Reflect.set(proto, name, function (this: object, ...args: unknown[]): unknown {
    const started = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      count(`${name} ${keyOf(this, args)}`, process.hrtime.bigint() - started);
    }
  });
}

/** A statement's text on one line, with lists of any length alike: `in (?…)`, `values (?, ?), …`. */
const oneLine = (text: string, width: number) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\(\?(, \?)+\)(, \(\?(, \?)*\))+/g, (rows) => `${rows.slice(0, rows.indexOf(')') + 1)}, …`)
    .replace(/in \(\?(, \?)*\)/g, 'in (?…)')
    .slice(0, width);

export function installSqlTimer(): void {
  if (timer) return;
  const tallies = new Map<string, Tally>();
  let counting = false;
  const count = (key: string, ns: bigint) => {
    if (!counting) return;
    const tally = tallies.get(key);
    if (tally) {
      tally.calls++;
      tally.ns += ns;
    } else tallies.set(key, { calls: 1, ns });
  };
  for (const name of ['all', 'get', 'run', 'iterate'])
    timed(StatementSync.prototype, name, (self) => oneLine((self as StatementSync).sourceSQL, 200), count);
  timed(DatabaseSync.prototype, 'exec', (_self, args) => oneLine(String(args[0]), 200), count);
  timer = {
    start() {
      tallies.clear();
      counting = true;
    },
    report(top, requests) {
      counting = false;
      const rows = [...tallies].sort((a, b) => (b[1].ns > a[1].ns ? 1 : b[1].ns < a[1].ns ? -1 : 0));
      const total = rows.reduce((sum, [, t]) => sum + Number(t.ns), 0);
      const perRequest = (ns: number) => (ns / 1000 / Math.max(1, requests)).toFixed(1);
      const lines = [`SQLite: ${perRequest(total)} µs per request over ${requests} requests, by statement:`];
      for (const [key, t] of rows.slice(0, top)) {
        const each = (Number(t.ns) / 1000 / t.calls).toFixed(1);
        lines.push(
          `${perRequest(Number(t.ns)).padStart(8)} µs/req ${String(t.calls).padStart(8)} × ${each.padStart(7)} µs  ${key}`,
        );
      }
      return lines.join('\n');
    },
  };
}
