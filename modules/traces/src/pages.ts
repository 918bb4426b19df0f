import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http, SpanRecord, Telemetry, TraceSummary } from '@meetcute/core';
import { field, html, languageOf, sendOpsPage, translator, type Html, type Translate } from '@meetcute/web';
import { messages, type Key } from './messages.ts';

export type T = Translate<Key>;
export const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));
export const operatorPage = { access: 'operator', kind: 'page' } as const;

/** A time of day in UTC to the millisecond: operators compare it with logs and graphs. */
export const clockTime = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
const millis = (ms: number): string =>
  `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;

const TRACE_FILTER = Type.Object({
  route: Type.Optional(Type.String({ maxLength: 200 })),
  member: Type.Optional(Type.String({ maxLength: 100 })),
  minMs: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 3_600_000 }), Type.Literal('')])),
  errors: Type.Optional(Type.String({ maxLength: 5 })),
});

/** The trace viewer: recent traces with filters, and one trace as a waterfall. */
export function tracePages(http: Http, telemetry: Telemetry): void {
  http.get(
    '/ops/traces',
    { config: operatorPage, schema: { querystring: TRACE_FILTER } },
    (request, reply) => {
      const t = tr(request);
      const q = request.query;
      const traces = telemetry.traces.list({
        ...(q.route && { route: q.route }),
        ...(q.member && { memberId: q.member }),
        ...(typeof q.minMs === 'number' && { minMs: q.minMs }),
        errorsOnly: q.errors !== undefined && q.errors !== '',
        limit: 100,
      });
      return sendOpsPage(request, reply, {
        title: t('tracesTitle'),
        section: 'traces',
        body: html`<p>${t('tracesIntro', { count: telemetry.traces.size })}</p>
          ${telemetry.otlpEndpoint ? html`<p>${t('otlp', { endpoint: telemetry.otlpEndpoint })}</p>` : ''}
          ${traceFilter(t, q)}
          ${traces.length === 0 ? html`<p class="empty">${t('noTraces')}</p>` : traceTable(t, traces)}`,
      });
    },
  );

  http.get(
    '/ops/traces/:traceId',
    {
      config: operatorPage,
      schema: { params: Type.Object({ traceId: Type.String({ pattern: '^[0-9a-f]{32}$' }) }) },
    },
    (request, reply) => {
      const t = tr(request);
      const trace = telemetry.traces.get(request.params.traceId);
      const title = t('traceTitle', { id: request.params.traceId.slice(0, 8) });
      const back = html`<p><a href="/ops/traces">${t('backToTraces')}</a></p>`;
      if (!trace) {
        return sendOpsPage(
          request,
          reply,
          {
            title,
            section: 'traces',
            body: html`<p>${t('traceMissing')}</p>
              ${back}`,
          },
          404,
        );
      }
      return sendOpsPage(request, reply, {
        title,
        section: 'traces',
        body: html`<p><a href="/ops/logs?trace=${trace.traceId}">${t('traceLogs')}</a></p>
          ${trace.dropped > 0 ? html`<p>${t('dropped', { count: trace.dropped })}</p>` : ''}
          ${waterfall(t, trace.spans)} ${back}`,
      });
    },
  );
}

function traceFilter(
  t: T,
  q: { route?: string; member?: string; minMs?: number | ''; errors?: string },
): Html {
  return html`<form method="get" action="/ops/traces" class="filters">
    ${field({ name: 'route', label: t('route'), value: q.route })}
    ${field({ name: 'member', label: t('member'), value: q.member })}
    ${field({ name: 'minMs', label: t('minMs'), type: 'number', value: q.minMs === undefined ? '' : String(q.minMs) })}
    <p class="check">
      <input type="checkbox" id="f-errors" name="errors" value="1" ${q.errors ? html`checked` : ''} />
      <label for="f-errors">${t('errorsOnly')}</label>
    </p>
    <p><button type="submit">${t('filter')}</button></p>
  </form>`;
}

function traceTable(t: T, traces: TraceSummary[]): Html {
  const rows = traces.map(
    (s) =>
      html`<tr data-trace="${s.traceId}">
        <td><a href="/ops/traces/${s.traceId}">${s.name}</a></td>
        <td><time datetime="${new Date(s.startMs).toISOString()}">${clockTime(s.startMs)}</time></td>
        <td>${millis(s.durationMs)}</td>
        <td>${s.spans}</td>
        <td>${s.modules.join(', ')}</td>
        <td>${s.errors > 0 ? html`<strong class="error">${s.errors}</strong>` : '0'}</td>
      </tr>`,
  );
  return html`<div class="table-scroll">
    <table class="ops-table" tabindex="0">
      <thead>
        <tr>
          <th scope="col">${t('route')}</th>
          <th scope="col">${t('started')} (UTC)</th>
          <th scope="col">${t('duration')}</th>
          <th scope="col">${t('spans')}</th>
          <th scope="col">${t('modules')}</th>
          <th scope="col">${t('errors')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** The spans as a tree, depth first, each with its depth: children in the order they started. */
export function spanTree(spans: readonly SpanRecord[]): Array<{ span: SpanRecord; depth: number }> {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, SpanRecord[]>();
  for (const span of spans) {
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const ordered: Array<{ span: SpanRecord; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const span of [...(children.get(parent) ?? [])].sort((a, b) => a.startMs - b.startMs)) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/**
 * One row per span: its name, module and time, and a bar placed on the trace's time line.
 * The bars are SVG shapes, so the page draws them without JavaScript or inline styles.
 */
function waterfall(t: T, spans: readonly SpanRecord[]): Html {
  const start = Math.min(...spans.map((s) => s.startMs));
  const total = Math.max(0.001, Math.max(...spans.map((s) => s.startMs + s.durationMs)) - start);
  const rows = spanTree(spans).map(({ span, depth }) => {
    const x = ((span.startMs - start) / total) * 1000;
    const width = Math.max(2, (span.durationMs / total) * 1000);
    return html`<li
      class="span depth-${Math.min(depth, 8)}${span.error ? ' failed' : ''}"
      data-span="${span.spanId}"
    >
      <div class="span-label">
        <span class="span-name">${span.name}</span>
        ${span.module ? html`<span class="span-module">${span.module}</span>` : ''}
        <span class="span-time">${millis(span.durationMs)}</span>
        ${span.error ? html`<strong class="error">${span.error}</strong>` : ''}
      </div>
      <svg
        class="span-bar"
        viewBox="0 0 1000 10"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="10" rx="2"></rect>
      </svg>
      <details>
        <summary>${t('details')}</summary>
        <dl>
          <dt>${t('started')}</dt>
          <dd>${clockTime(span.startMs)} UTC (+${millis(span.startMs - start)})</dd>
          <dt>${t('node')}</dt>
          <dd>${span.node}</dd>
          ${Object.entries(span.attributes).map(
            ([key, value]) =>
              html`<dt>${key}</dt>
                <dd><code>${String(value)}</code></dd>`,
          )}
        </dl>
      </details>
    </li>`;
  });
  return html`<ol class="waterfall" aria-label="${t('spans')}">
    ${rows}
  </ol>`;
}
