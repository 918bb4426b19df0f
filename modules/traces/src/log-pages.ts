import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  LOG_LEVELS,
  matchesLog,
  openEventStream,
  type Http,
  type LogFilter,
  type LogLine,
  type Telemetry,
} from '@meetcute/core';
import { field, html, sendOpsPage, type Html } from '@meetcute/web';
import { clockTime, operatorPage, tr, type T } from './pages.ts';

/** Lines the page shows at once, and a stream sends first. */
const SHOWN = 200;
const KEEPALIVE_MS = 25_000;

const LOG_QUERY = Type.Object({
  level: Type.Optional(Type.Union([...LOG_LEVELS.map((l) => Type.Literal(l)), Type.Literal('')])),
  module: Type.Optional(Type.String({ maxLength: 60 })),
  route: Type.Optional(Type.String({ maxLength: 200 })),
  member: Type.Optional(Type.String({ maxLength: 100 })),
  trace: Type.Optional(Type.String({ maxLength: 32 })),
  text: Type.Optional(Type.String({ maxLength: 200 })),
  after: Type.Optional(Type.Integer({ minimum: 0 })),
});
type LogQuery = {
  level?: LogFilter['level'] | '';
  module?: string;
  route?: string;
  member?: string;
  trace?: string;
  text?: string;
  after?: number;
};

function filterOf(q: LogQuery): LogFilter {
  return {
    ...(q.level && { level: q.level }),
    ...(q.module && { module: q.module }),
    ...(q.route && { route: q.route }),
    ...(q.member && { memberId: q.member }),
    ...(q.trace && { traceId: q.trace }),
    ...(q.text && { text: q.text }),
  };
}

/** The same filters as a query string, for the stream and for links that narrow them. */
function queryOf(q: LogQuery): string {
  const params = new URLSearchParams();
  for (const key of ['level', 'module', 'route', 'member', 'trace', 'text'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The live log tail: the latest lines and a filter form, followed live where JavaScript runs. */
export function logPages(http: Http, telemetry: Telemetry): void {
  http.get('/ops/logs', { config: operatorPage, schema: { querystring: LOG_QUERY } }, (request, reply) => {
    const t = tr(request);
    const q = request.query;
    const lines = telemetry.logs.recent(filterOf(q), SHOWN).reverse();
    return sendOpsPage(request, reply, {
      title: t('logsTitle'),
      section: 'logs',
      body: html`<p>${t('logsIntro')}</p>
        ${logFilter(t, q)}
        <p class="hint" data-log-live hidden>${t('live')}</p>
        ${lines.length === 0 ? html`<p class="empty" data-log-empty>${t('noLines')}</p>` : ''}
        <ol
          class="log-lines"
          data-log-tail="/ops/logs/stream?${queryOf(q)}"
          data-log-after="${lines[0]?.seq ?? 0}"
          data-log-keep="${SHOWN}"
        >
          ${lines.map((line) => logLine(line, q))}
        </ol>`,
    });
  });

  http.get(
    '/ops/logs/stream',
    { config: { ...operatorPage, kind: 'ops' }, schema: { hide: true, querystring: LOG_QUERY } },
    (request, reply) => streamLines(request, request.query, reply, telemetry),
  );
}

/**
 * Server-Sent Events: the lines after the last one the page has (its `after`, or the
 * browser's Last-Event-ID on a reconnect), then each new line that passes the filters.
 */
function streamLines(
  request: FastifyRequest,
  query: LogQuery,
  reply: FastifyReply,
  telemetry: Telemetry,
): void {
  const filter = filterOf(query);
  const lastId = Number(request.headers['last-event-id']);
  const after = Number.isSafeInteger(lastId) && lastId > 0 ? lastId : (query.after ?? 0);
  const raw = openEventStream(reply);
  const send = (line: LogLine) => raw.write(`id: ${line.seq}\ndata: ${JSON.stringify(wire(line))}\n\n`);
  for (const line of telemetry.logs.recent(filter, SHOWN, after)) send(line);
  const stop = telemetry.logs.watch((line) => {
    if (matchesLog(line, filter)) send(line);
  });
  const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
  request.raw.on('close', () => {
    clearInterval(keepalive);
    stop();
  });
}

/** What the page's script needs of a line to draw it as the server does. */
function wire(line: LogLine) {
  return {
    seq: line.seq,
    time: line.at ? line.at.slice(11, 23) : '',
    level: line.level,
    msg: line.msg,
    module: line.module,
    route: line.route,
    memberId: line.memberId,
    traceId: line.traceId,
    raw: line.raw,
  };
}

function logFilter(t: T, q: LogQuery): Html {
  const levels = LOG_LEVELS.map(
    (level) => html`<option value="${level}" ${q.level === level ? html`selected` : ''}>${level}</option>`,
  );
  return html`<form method="get" action="/ops/logs" class="filters">
    <p>
      <label for="f-level">${t('level')}</label>
      <select id="f-level" name="level">
        <option value="">${t('anyLevel')}</option>
        ${levels}
      </select>
    </p>
    ${field({ name: 'module', label: t('module'), value: q.module })}
    ${field({ name: 'route', label: t('route'), value: q.route })}
    ${field({ name: 'member', label: t('member'), value: q.member })}
    ${field({ name: 'trace', label: t('traceId'), value: q.trace })}
    ${field({ name: 'text', label: t('text'), value: q.text, type: 'search' })}
    <p><button type="submit">${t('filter')}</button></p>
  </form>`;
}

/** One line: time, level and message, and links that narrow the tail to its member or trace. */
function logLine(line: LogLine, q: LogQuery): Html {
  const narrow = (extra: Partial<LogQuery>) => `/ops/logs?${queryOf({ ...q, ...extra })}`;
  return html`<li class="log-line level-${line.level}" data-seq="${line.seq}">
    <time>${line.at ? line.at.slice(11, 23) : clockTime(Date.now())}</time>
    <span class="log-level">${line.level}</span>
    <span class="log-msg">${line.msg}</span>
    ${line.module ? html`<a class="log-module" href="${narrow({ module: line.module })}">${line.module}</a>` : ''}
    ${line.route ? html`<span class="log-route">${line.route}</span>` : ''}
    ${line.memberId ? html`<a class="log-member" href="${narrow({ member: line.memberId })}">${line.memberId}</a>` : ''}
    ${line.traceId ? html`<a class="log-trace" href="/ops/traces/${line.traceId}">${line.traceId.slice(0, 8)}</a>` : ''}
    <details>
      <summary>JSON</summary>
      <code>${line.raw}</code>
    </details>
  </li>`;
}
