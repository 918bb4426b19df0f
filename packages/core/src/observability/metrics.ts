import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryMetrics } from '../delivery/delivery.ts';
import type { MetricReading } from './observe.ts';

/**
 * The process's own figures (CPU, memory, GC, handles) are one set per process, so
 * they live in one registry made on first use: collecting them installs observers
 * that live as long as the process, and one set per app would keep every app that
 * was ever built (tests build hundreds) alive through those observers.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'meetcute_' });
  }
  return processRegistry;
}

/**
 * Prometheus metrics: the golden signals per route and per event handler, plus
 * saturation (event-loop delay, outbox depth) and the business counters modules add.
 * One registry per app, so tests that build several apps never share numbers.
 */
export class Metrics implements DeliveryMetrics {
  readonly registry = new Registry();
  readonly #http: Histogram<'route' | 'method' | 'status'>;
  readonly #handler: Histogram<'module' | 'event'>;
  readonly #handlerErrors: Counter<'module' | 'event'>;
  readonly #loop = monitorEventLoopDelay({ resolution: 20 });
  readonly #counters = new Map<string, Counter<string>>();
  readonly #leases = new Map<string, () => readonly number[]>();

  constructor(
    outboxDepth: () => Promise<Record<string, number>>,
    consumers: () => Promise<Array<{ module: string; behind: number; retrying: boolean; parked: number }>>,
  ) {
    processMetrics();
    this.#http = new Histogram({
      name: 'meetcute_http_request_duration_seconds',
      help: 'HTTP request latency by route template, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.#handler = new Histogram({
      name: 'meetcute_event_handler_duration_seconds',
      help: 'Time an event handler takes, per consuming module and event type.',
      labelNames: ['module', 'event'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [this.registry],
    });
    this.#handlerErrors = new Counter({
      name: 'meetcute_event_handler_errors_total',
      help: 'Event handler failures, per consuming module and event type.',
      labelNames: ['module', 'event'],
      registers: [this.registry],
    });
    const loop = this.#loop;
    loop.enable();
    new Gauge({
      name: 'meetcute_event_loop_delay_seconds',
      help: 'Event-loop delay percentiles since the last scrape.',
      labelNames: ['quantile'],
      registers: [this.registry],
      collect() {
        this.set({ quantile: '0.5' }, loop.percentile(50) / 1e9);
        this.set({ quantile: '0.99' }, loop.percentile(99) / 1e9);
        this.set({ quantile: '1' }, loop.max / 1e9);
        loop.reset();
      },
    });
    new Gauge({
      name: 'meetcute_outbox_depth',
      help: 'Events committed but not yet relayed to the event log, per module.',
      labelNames: ['module'],
      registers: [this.registry],
      async collect() {
        for (const [module, depth] of Object.entries(await outboxDepth())) this.set({ module }, depth);
      },
    });
    this.#consumerGauges(consumers);
    const leases = this.#leases;
    new Gauge({
      name: 'meetcute_lease_held',
      help: 'The numbered leases this node holds (chat groups), 1 each: where a group is served.',
      labelNames: ['leases', 'number'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, held] of leases) for (const n of held()) this.set({ leases: name, number: n }, 1);
      },
    });
  }

  /** Reports which of a set of numbered leases this node holds, on every scrape. */
  leases(name: string, held: () => readonly number[]): void {
    this.#leases.set(name, held);
  }

  /** Lag, retrying and parked events per module, from one read of the consumers per scrape. */
  #consumerGauges(
    consumers: () => Promise<Array<{ module: string; behind: number; retrying: boolean; parked: number }>>,
  ): void {
    const registry = this.registry;
    // One read of the consumers per scrape, shared by the three gauges below.
    let reading: ReturnType<typeof consumers> | null = null;
    const read = () => {
      reading ??= consumers().finally(() => setImmediate(() => (reading = null)));
      return reading;
    };
    const gauge = (
      name: string,
      help: string,
      value: (c: Awaited<ReturnType<typeof consumers>>[number]) => number,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['module'],
        registers: [registry],
        async collect() {
          for (const c of await read()) this.set({ module: c.module }, value(c));
        },
      });
    gauge('meetcute_consumer_lag_events', 'Events in the log a module has yet to apply.', (c) => c.behind);
    gauge(
      'meetcute_consumer_retrying',
      '1 while a module is held up by an event that keeps failing (retried with backoff).',
      (c) => (c.retrying ? 1 : 0),
    );
    gauge(
      'meetcute_parked_events',
      'Events a module parked because they can never apply (list and replay: node server/src/main.ts parked).',
      (c) => c.parked,
    );
  }

  readonly contentType = this.registry.contentType;

  /** The scrape: this app's figures, then the process's. */
  async exposition(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  /**
   * Every metric of this app as it stands, read as a scrape reads it (the console samples
   * it; the event-loop gauge then reports the delay since this read or the last scrape).
   */
  read(): Promise<MetricReading[]> {
    return this.registry.getMetricsAsJSON() as unknown as Promise<MetricReading[]>;
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.#http.observe({ route, method, status: String(status) }, seconds);
  }

  handled(module: string, type: string, seconds: number, ok: boolean): void {
    this.#handler.observe({ module, event: type }, seconds);
    if (!ok) this.#handlerErrors.inc({ module, event: type });
  }

  /** A business counter such as sign-ups or logins; the same name returns the same counter. */
  counter(name: string, help: string): { inc(by?: number): void } {
    const full = `meetcute_${name}_total`;
    let counter = this.#counters.get(full);
    if (!counter) {
      counter = new Counter({ name: full, help, registers: [this.registry] });
      this.#counters.set(full, counter);
    }
    const c = counter;
    return { inc: (by = 1) => c.inc(by) };
  }

  stop(): void {
    this.#loop.disable();
  }
}
