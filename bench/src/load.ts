import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Histogram } from './histogram.ts';

/** One unit of work against the server; resolves with whether it succeeded. */
export type Action = () => Promise<boolean>;

export interface LoadResult {
  /** Completed operations per second over the measured window. */
  throughput: number;
  latency: Histogram;
  ok: number;
  errors: number;
  /** Operations the open loop could not even start before the window closed (the server fell behind). */
  backlog: number;
  seconds: number;
}

/**
 * How many operations an open loop at `rate` per second should have started by
 * `elapsedMs`: the intended send time of operation i is i / rate, whatever happened
 * to the ones before it.
 */
export function dueBy(rate: number, elapsedMs: number): number {
  if (elapsedMs < 0) return 0;
  return Math.floor((elapsedMs * rate) / 1000) + 1;
}

/** The intended send time of operation `i`, in milliseconds from the start. */
export function intendedAt(rate: number, i: number): number {
  return (i * 1000) / rate;
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  action: Action;
  /** At most this many operations in flight; the rest queue, and their wait counts as latency. */
  maxInFlight: number;
  now?: () => number;
}

/**
 * Fixed arrival rate. Latency runs from each operation's intended send time, not from
 * when it actually went out, so a server that stalls is charged for every request
 * that queued behind the stall (no coordinated omission).
 */
export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const now = options.now ?? (() => performance.now());
  const latency = new Histogram();
  let ok = 0;
  let errors = 0;
  let started = 0;
  let inFlight = 0;
  const total = Math.floor((options.durationMs * options.rate) / 1000);
  const begin = now();
  const deadline = begin + options.durationMs;
  let wake: (() => void) | null = null;
  const fire = (intended: number) => {
    inFlight++;
    options
      .action()
      .then(
        (success) => {
          latency.record(now() - intended);
          if (success) ok++;
          else errors++;
        },
        () => {
          latency.record(now() - intended);
          errors++;
        },
      )
      .finally(() => {
        inFlight--;
        wake?.();
      });
  };
  while (started < total) {
    const t = now();
    if (t > deadline + options.durationMs) break; // hopelessly behind: stop rather than run forever
    const due = Math.min(total, dueBy(options.rate, t - begin));
    while (started < due && inFlight < options.maxInFlight) fire(begin + intendedAt(options.rate, started++));
    if (started < due) await new Promise<void>((resolve) => (wake = resolve));
    else {
      // Sleep until the next intended send, at least a timer tick: spinning would steal the
      // core the server under test needs. Sends due meanwhile go out together on waking, and
      // the wait counts in their latency (as it does for the baseline).
      const gap = begin + intendedAt(options.rate, started) - now();
      await sleep(Math.max(1, Math.floor(gap)));
    }
  }
  while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  const seconds = (now() - begin) / 1000;
  return { throughput: (ok + errors) / seconds, latency, ok, errors, backlog: total - started, seconds };
}

export interface ClosedLoopOptions {
  /** Workers, each sending its next operation as soon as the last one answered. */
  concurrency: number;
  durationMs: number;
  /** Not measured: lets connections open and the JIT warm up. */
  warmupMs?: number;
  action: (worker: number) => Promise<boolean>;
  now?: () => number;
}

/** As fast as it goes: finds the maximum rate. Its latencies are not the ones to quote. */
export async function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  const now = options.now ?? (() => performance.now());
  const latency = new Histogram();
  let ok = 0;
  let errors = 0;
  let measuring = false;
  const warmEnd = now() + (options.warmupMs ?? 0);
  const end = warmEnd + options.durationMs;
  let begin = warmEnd;
  const worker = async (w: number) => {
    for (let t = now(); t < end; t = now()) {
      if (!measuring && t >= warmEnd) {
        measuring = true;
        begin = t;
      }
      let success = false;
      try {
        success = await options.action(w);
      } catch {
        success = false;
      }
      const done = now();
      if (t < warmEnd || done > end) continue;
      latency.record(done - t);
      if (success) ok++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const seconds = Math.max(0.001, (end - begin) / 1000);
  return { throughput: (ok + errors) / seconds, latency, ok, errors, backlog: 0, seconds };
}
