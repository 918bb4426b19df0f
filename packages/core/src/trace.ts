import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

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
}

const storage = new AsyncLocalStorage<WorkContext>();

export function currentWork(): WorkContext | undefined {
  return storage.getStore();
}

export function runWithWork<T>(work: WorkContext, fn: () => T): T {
  return storage.run(work, fn);
}

/** Adds to the current context (e.g. the member once the session is known). */
export function annotateWork(extra: Partial<WorkContext>): void {
  const work = storage.getStore();
  if (work) Object.assign(work, extra);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A child span of an incoming traceparent, or a new trace when there is none (or it is malformed). */
export function childTraceparent(parent?: string | null): string {
  const span = randomBytes(8).toString('hex');
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (match && !/^0+$/.test(match[1] ?? '')) return `00-${match[1]}-${span}-${match[3]}`;
  return `00-${randomBytes(16).toString('hex')}-${span}-01`;
}

export function traceIdOf(traceparent: string): string {
  return traceparent.split('-')[1] ?? '';
}
