import { SpanKind, SpanStatusCode, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace';

/** One finished span as the console shows it. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: 'server' | 'client' | 'producer' | 'consumer' | 'internal';
  /** Milliseconds since the epoch, with fractions. */
  startMs: number;
  durationMs: number;
  /** Why it failed, when it did. */
  error: string | null;
  /** The module that did the work, when a module did. */
  module: string | null;
  attributes: Record<string, string | number | boolean>;
  /** The node (process) that recorded it. */
  node: string;
}

/** One trace: every span this node knows of that shares the trace id. */
export interface TraceRecord {
  traceId: string;
  spans: SpanRecord[];
  /** Spans not kept because the trace had too many. */
  dropped: number;
}

/** What the list of traces shows of one. */
export interface TraceSummary {
  traceId: string;
  /** The first span's name (the request, for a request's trace). */
  name: string;
  route: string | null;
  memberId: string | null;
  startMs: number;
  durationMs: number;
  spans: number;
  errors: number;
  modules: string[];
}

export interface TraceFilter {
  route?: string;
  memberId?: string;
  minMs?: number;
  errorsOnly?: boolean;
  limit?: number;
}

const KEEP_TRACES = 300;
const KEEP_SPANS = 300;

const KIND_NAMES: Record<SpanKind, SpanRecord['kind']> = {
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
  [SpanKind.INTERNAL]: 'internal',
};

const ms = (time: HrTime): number => time[0] * 1000 + time[1] / 1e6;

/** A finished span as plain data (what the console keeps, and what nodes send each other). */
export function spanRecord(span: ReadableSpan, node: string): SpanRecord {
  const attributes: SpanRecord['attributes'] = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      attributes[key] = value;
  }
  const module = attributes['meetcute.module'];
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: KIND_NAMES[span.kind],
    startMs: ms(span.startTime),
    durationMs: ms(span.duration),
    error: span.status.code === SpanStatusCode.ERROR ? (span.status.message ?? 'failed') : null,
    module: typeof module === 'string' ? module : null,
    attributes,
    node,
  };
}

/**
 * The node's recent traces, for the console when no collector is set (and beside one):
 * at most `keep` traces of at most 300 spans each, the oldest trace forgotten first. A
 * span processor of the trace SDK, so it sees every recorded span as it ends.
 */
export class RecentTraces implements SpanProcessor {
  readonly #node: string;
  readonly #keep: number;
  readonly #traces = new Map<string, TraceRecord>();
  readonly #listeners: Array<(span: SpanRecord) => void> = [];

  constructor(node: string, keep = KEEP_TRACES) {
    this.#node = node;
    this.#keep = keep;
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    this.record(spanRecord(span, this.#node));
  }

  /** Keeps a span this node recorded and tells the listeners (onSpan). */
  record(span: SpanRecord): void {
    this.add(span);
    for (const listener of this.#listeners) listener(span);
  }

  /** Called with each span this node records (a cluster passes them to the other nodes). */
  onSpan(listener: (span: SpanRecord) => void): void {
    this.#listeners.push(listener);
  }

  /** Keeps a span (one of this node's, or another node's). */
  add(span: SpanRecord): void {
    let trace = this.#traces.get(span.traceId);
    if (!trace) {
      trace = { traceId: span.traceId, spans: [], dropped: 0 };
      this.#traces.set(span.traceId, trace);
      if (this.#traces.size > this.#keep) this.#traces.delete(this.#traces.keys().next().value!);
    }
    if (trace.spans.length >= KEEP_SPANS) trace.dropped++;
    else trace.spans.push(span);
  }

  get size(): number {
    return this.#traces.size;
  }

  /** One trace, its spans in the order they started. */
  get(traceId: string): TraceRecord | undefined {
    const trace = this.#traces.get(traceId);
    if (!trace) return undefined;
    return { ...trace, spans: [...trace.spans].sort((a, b) => a.startMs - b.startMs) };
  }

  /** The newest traces first that pass the filter. */
  list(filter: TraceFilter = {}): TraceSummary[] {
    const found: TraceSummary[] = [];
    const limit = filter.limit ?? 50;
    for (const trace of [...this.#traces.values()].reverse()) {
      const summary = summarise(trace);
      if (matches(summary, filter)) found.push(summary);
      if (found.length >= limit) break;
    }
    return found;
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

function summarise(trace: TraceRecord): TraceSummary {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const spans = [...trace.spans].sort((a, b) => a.startMs - b.startMs);
  // The root: a span whose parent is not here (none, or the caller's own span).
  const root = spans.find((s) => s.parentSpanId === null || !ids.has(s.parentSpanId)) ?? spans[0]!;
  const start = spans[0]!.startMs;
  const end = Math.max(...spans.map((s) => s.startMs + s.durationMs));
  const text = (key: string) => {
    for (const s of spans) if (typeof s.attributes[key] === 'string') return s.attributes[key];
    return null;
  };
  return {
    traceId: trace.traceId,
    name: root.name,
    route: text('http.route'),
    memberId: text('enduser.id'),
    startMs: start,
    durationMs: end - start,
    spans: spans.length,
    errors: spans.filter((s) => s.error !== null).length,
    modules: [...new Set(spans.map((s) => s.module).filter((m) => m !== null))].sort(),
  };
}

function matches(summary: TraceSummary, filter: TraceFilter): boolean {
  if (filter.route && !(summary.route ?? summary.name).includes(filter.route)) return false;
  if (filter.memberId && summary.memberId !== filter.memberId) return false;
  if (filter.minMs !== undefined && summary.durationMs < filter.minMs) return false;
  if (filter.errorsOnly && summary.errors === 0) return false;
  return true;
}
