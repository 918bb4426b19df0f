import type { Broker, MetricReading, NodeFacts } from '@meetcute/core';
import { figuresBetween, readingOf, type Figures, type Reading } from './figures.ts';

/** The two windows a node keeps: every 10 s for the last hour, every minute for the last day. */
export const WINDOWS = {
  hour: { stepMs: 10_000, points: 360 },
  day: { stepMs: 60_000, points: 1440 },
} as const;
export type Window = keyof typeof WINDOWS;

/** Where each node tells the others its newest points, so every node's console shows them all. */
const SUBJECT = 'meetcute.ops.figures';
/** A node not heard of for this long is no longer listed as running. */
const GONE_MS = 60_000;

export interface Point {
  at: number;
  figures: Figures;
}

/** A fixed number of points, the oldest dropped first: memory stays bounded however long a node runs. */
class Ring {
  readonly #items: Point[] = [];
  #start = 0;
  readonly #capacity: number;
  constructor(capacity: number) {
    this.#capacity = capacity;
  }
  push(point: Point): void {
    if (this.#items.length < this.#capacity) this.#items.push(point);
    else {
      this.#items[this.#start] = point;
      this.#start = (this.#start + 1) % this.#capacity;
    }
  }
  points(): Point[] {
    return [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }
}

/** One node's facts and points, as this node knows them. */
export interface NodeHistory {
  facts: NodeFacts;
  seenAt: number;
  windows: Record<Window, Ring>;
}

interface Published {
  facts: NodeFacts;
  window: Window;
  point: Point;
}

const emptyWindows = (): Record<Window, Ring> => ({
  hour: new Ring(WINDOWS.hour.points),
  day: new Ring(WINDOWS.day.points),
});

/**
 * The metrics history: every 10 s the node reads its own metrics and keeps what changed
 * since the last read (and since the last minute) as a point; in a cluster it sends each
 * point to the other nodes and keeps theirs. In memory only: it is a picture of the recent
 * past, and a restarted node starts a new one (Prometheus keeps the long history).
 */
export class MetricsHistory {
  readonly nodes = new Map<string, NodeHistory>();
  readonly #self: NodeFacts;
  readonly #read: () => Promise<MetricReading[]>;
  readonly #broker: Broker;
  readonly #now: () => number;
  readonly #last: Partial<Record<Window, Reading>> = {};

  constructor(deps: {
    self: NodeFacts;
    read: () => Promise<MetricReading[]>;
    broker: Broker;
    now: () => number;
  }) {
    this.#self = deps.self;
    this.#read = deps.read;
    this.#broker = deps.broker;
    this.#now = deps.now;
    this.nodes.set(deps.self.id, { facts: deps.self, seenAt: deps.now(), windows: emptyWindows() });
    deps.broker.subscribe(SUBJECT, (data) => this.#heard(data as Published));
  }

  /** Reads the metrics and adds a point to each window whose step has passed. */
  async sample(): Promise<void> {
    const reading = readingOf(await this.#read(), this.#now());
    const self = this.nodes.get(this.#self.id)!;
    self.seenAt = reading.at;
    for (const window of Object.keys(WINDOWS) as Window[]) {
      const last = this.#last[window];
      if (last && reading.at - last.at < WINDOWS[window].stepMs * 0.9) continue;
      this.#last[window] = reading;
      if (!last) continue;
      const point = { at: reading.at, figures: figuresBetween(last, reading) };
      self.windows[window].push(point);
      this.#broker.publish(SUBJECT, { facts: this.#self, window, point } satisfies Published);
    }
  }

  #heard(message: Published): void {
    if (!message?.facts?.id || !(message.window in WINDOWS)) return;
    let node = this.nodes.get(message.facts.id);
    if (!node) {
      node = { facts: message.facts, seenAt: 0, windows: emptyWindows() };
      this.nodes.set(message.facts.id, node);
    }
    node.seenAt = this.#now();
    node.windows[message.window].push(message.point);
  }

  /** The nodes heard of lately, this one first. */
  running(): NodeHistory[] {
    const now = this.#now();
    return [...this.nodes.values()].filter((n) => n.facts.id === this.#self.id || now - n.seenAt < GONE_MS);
  }
}

/** Figures summed over nodes (traffic, counts, depths) or the worst of them (latencies, delay). */
const WORST = /(^|:)(p50|p99|loop_p99)$/;

/**
 * The site's graph for a window: every running node's points in the same steps, traffic
 * added up and latency the worst node's. Times in seconds, as uPlot takes them.
 */
export function siteSeries(
  nodes: NodeHistory[],
  window: Window,
  keys: readonly string[],
): { times: number[]; series: Record<string, Array<number | null>> } {
  const step = WINDOWS[window].stepMs;
  const byStep = new Map<number, Figures>();
  for (const node of nodes) {
    for (const point of node.windows[window].points()) {
      const at = Math.floor(point.at / step) * step;
      const into = byStep.get(at) ?? {};
      for (const key of keys) into[key] = combine(key, into[key], point.figures[key]);
      byStep.set(at, into);
    }
  }
  const times = [...byStep.keys()].sort((a, b) => a - b);
  const series: Record<string, Array<number | null>> = {};
  for (const key of keys) series[key] = times.map((t) => round(byStep.get(t)?.[key] ?? null));
  return { times: times.map((t) => t / 1000), series };
}

function combine(key: string, a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === undefined || a === null) return b ?? null;
  if (b === undefined || b === null) return a;
  return WORST.test(key) ? Math.max(a, b) : a + b;
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

/** The newest point of every running node, combined: what the tables of routes and modules show. */
export function latestFigures(nodes: NodeHistory[], window: Window): Figures {
  const all: Figures = {};
  for (const node of nodes) {
    const points = node.windows[window].points();
    const last = points[points.length - 1];
    if (!last) continue;
    for (const [key, value] of Object.entries(last.figures)) all[key] = combine(key, all[key], value);
  }
  return all;
}
