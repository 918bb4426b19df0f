import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  TracerProvider,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { SqlObserver } from '../db/storage.ts';
import { currentWork } from '../trace.ts';

export { traceparentOf } from '../trace.ts';
import { RecentTraces } from './recent-traces.ts';

export type { Span } from '@opentelemetry/api';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
/** SQL longer than this is cut in a span: the statement's shape is what a reader needs. */
const SQL_TEXT_MAX = 2000;

export interface TracingOptions {
  /** The share of new traces recorded (0 to 1); a caller's sampled traceparent is always followed. */
  sampleRatio: number;
  /** An OTLP/HTTP collector (`http://host:4318`): spans are sent there too. */
  otlpEndpoint: string | null;
  /** Names this process in every span (the cluster's node id). */
  node: string;
  version: string;
  /** How many recent traces the node keeps for the console. */
  keep?: number;
}

export type SpanKindName = 'server' | 'client' | 'producer' | 'consumer' | 'internal';
const KINDS: Record<SpanKindName, SpanKind> = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
  internal: SpanKind.INTERNAL,
};

/** Whether a traceparent says its trace is recorded (the sampled flag). */
export function isSampled(traceparent: string | null | undefined): boolean {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  return match !== null && (parseInt(match[3]!, 16) & 1) === 1;
}

/**
 * Spans with OpenTelemetry's trace SDK (`@opentelemetry/sdk-trace`, not the whole
 * `sdk-node`: we instrument the chassis' own seams, requests, SQL and event handling,
 * and need neither its automatic instrumentations nor a global context manager, since
 * the work context in trace.ts already follows every request and event).
 *
 * Whether a trace is recorded is decided once at its root (a request, or background
 * work) and travels in the traceparent's sampled flag, through the events it causes:
 * work that is not recorded makes no span at all, so its cost is one random draw.
 */
export class Tracing {
  readonly recent: RecentTraces;
  readonly #provider: TracerProvider;
  readonly #tracer: ReturnType<TracerProvider['getTracer']>;
  readonly #ratio: number;

  constructor(options: TracingOptions) {
    this.#ratio = options.sampleRatio;
    this.recent = new RecentTraces(options.node, options.keep);
    const processors: SpanProcessor[] = [this.recent];
    if (options.otlpEndpoint) {
      const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
      processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
    }
    this.#provider = new TracerProvider({
      // The decision is ours (sample), made before any span exists.
      sampler: new AlwaysOnSampler(),
      resource: resourceFromAttributes({
        'service.name': 'meetcute',
        'service.version': options.version,
        'service.instance.id': options.node,
      }),
      spanProcessors: processors,
    });
    this.#tracer = this.#provider.getTracer('meetcute');
  }

  /** Whether work that starts here is recorded: always when the caller's trace is, else by the ratio. */
  sample(incoming?: string): boolean {
    if (incoming !== undefined && TRACEPARENT.test(incoming)) return isSampled(incoming);
    return this.#ratio >= 1 || (this.#ratio > 0 && Math.random() < this.#ratio);
  }

  /** A recording span under `parent` (a span of this process, or a traceparent from elsewhere). */
  start(name: string, kind: SpanKindName, parent: Span | string | undefined, attributes?: Attributes): Span {
    return this.#tracer.startSpan(name, { kind: KINDS[kind], attributes }, parentContext(parent));
  }

  /** Ends a span, marked failed when `error` is given. */
  static end(span: Span, error?: unknown): void {
    if (error !== undefined) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : typeof error === 'string' ? error : 'failed',
      });
    }
    span.end();
  }

  /** Times each SQL statement of recorded work as a span under it. */
  sql(module: string, system: 'sqlite' | 'postgresql'): SqlObserver {
    return (text) => {
      const parent = currentWork()?.span;
      if (!parent) return undefined;
      const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'sql';
      const span = this.start(`${verb} ${module}`, 'client', parent, {
        'db.system.name': system,
        'db.namespace': module,
        'db.query.text': text.length > SQL_TEXT_MAX ? `${text.slice(0, SQL_TEXT_MAX)}…` : text,
        'meetcute.module': module,
      });
      return (error) => Tracing.end(span, error);
    };
  }

  /** Sends what is still queued (OTLP) and stops. */
  async close(): Promise<void> {
    await this.#provider.shutdown();
  }
}

function parentContext(parent: Span | string | undefined) {
  if (parent === undefined) return ROOT_CONTEXT;
  if (typeof parent !== 'string') return trace.setSpan(ROOT_CONTEXT, parent);
  const match = TRACEPARENT.exec(parent);
  if (!match) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: parseInt(match[3]!, 16),
    isRemote: true,
  });
}
