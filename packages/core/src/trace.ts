import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync } from 'node:crypto';
import type { Span } from '@opentelemetry/api';

/**
 * What a log line or an event needs to know about the work in progress: the W3C
 * trace context, the request and the member. It follows the work across awaits,
 * from the HTTP request into every event the request causes.
 */
export interface WorkContext {
  traceparent: string;
  requestId?: string;
  memberId?: string;
  module?: string;
  /** The recording span of this work, when its trace is sampled (observability/tracing.ts). */
  span?: Span;
}

const storage = new AsyncLocalStorage<WorkContext>();

export function currentWork(): WorkContext | undefined {
  return storage.getStore();
}

export function runWithWork<T>(work: WorkContext, fn: () => T): T {
  return storage.run(work, fn);
}

/**
 * The work of one HTTP request. Its trace context is made only when something asks for it
 * (an event it publishes, a log line that names it): most reads never do, and making
 * one costs random bytes on every request.
 */
export class RequestWork implements WorkContext {
  readonly requestId: string;
  readonly incoming: string | undefined;
  memberId?: string;
  readonly span?: Span;
  #traceparent: string | undefined;
  constructor(requestId: string, incoming: string | undefined, span?: Span) {
    this.requestId = requestId;
    this.incoming = incoming;
    if (span) this.span = span;
  }
  get traceparent(): string {
    return (this.#traceparent ??= this.span ? traceparentOf(this.span) : childTraceparent(this.incoming));
  }
}

/**
 * Runs `fn` as work of nobody's: background work (delivery) started from within a request
 * must not pass as part of it (in its logs or its trace).
 */
export function outsideWork<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Adds to the current context (e.g. the member once the session is known). */
export function annotateWork(extra: Partial<WorkContext>): void {
  const work = storage.getStore();
  if (work) Object.assign(work, extra);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// Random bytes are drawn from the system a page at a time: one call per id costs more than the id.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `bytes` random bytes as hex, from a pool refilled by the system's CSPRNG. */
export function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += bytes;
  return pool.toString('hex', used - bytes, used);
}

/**
 * A child span of an incoming traceparent, or a new trace when there is none (or it is
 * malformed). A new trace made here is not recorded (the sampled flag is off): one that
 * is recorded takes its ids from its span (traceparentOf).
 */
export function childTraceparent(parent?: string | null): string {
  const span = randomHex(8);
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (match && !/^0+$/.test(match[1] ?? '')) return `00-${match[1]}-${span}-${match[3]}`;
  return `00-${randomHex(16)}-${span}-00`;
}

/** `00-<trace>-<span>-01`: the W3C form of a recorded span, which its events carry. */
export function traceparentOf(span: Span): string {
  const context = span.spanContext();
  return `00-${context.traceId}-${context.spanId}-01`;
}

export function traceIdOf(traceparent: string): string {
  return traceparent.split('-')[1] ?? '';
}
