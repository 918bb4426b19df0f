import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { openEventStream, type Http, type LiveNotification } from '@meetcute/core';
import type { LiveHub } from './hub.ts';
import type { OpenChannels } from './endings.ts';

const Notification = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  data: Type.Unknown(),
  at: Type.String({ format: 'date-time' }),
  transient: Type.Optional(Type.Boolean({ description: 'Not kept: its id (0) is no place to resume from' })),
});

export const wire = (n: LiveNotification) =>
  n.transient
    ? { id: n.id, type: n.type, data: n.data, at: n.at, transient: true }
    : { id: n.id, type: n.type, data: n.data, at: n.at };

/** Where a reconnecting page resumes: the SSE Last-Event-ID header, else ?after=. */
function resumeFrom(request: FastifyRequest): number {
  const header = request.headers['last-event-id'];
  const raw =
    typeof header === 'string' && header !== '' ? header : (request.query as { after?: string }).after;
  return resumePoint(raw);
}

export function resumePoint(raw: string | null | undefined): number {
  const n = Number(raw ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

const AFTER = Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) });
export const KEEPALIVE_MS = 25_000;

/**
 * One live channel per open page: WebSocket first (sockets.ts); Server-Sent Events where a proxy
 * or browser does not pass WebSockets; long polling where neither streams. All three
 * resume from the last id the page saw, so a reconnect loses nothing.
 */
export function liveRoutes(http: Http, hub: LiveHub, channels: OpenChannels): void {
  // A plain GET of the socket's address (no upgrade) says what it is; upgrades never reach routes.
  http.get(
    '/live/ws',
    { config: { access: 'member', kind: 'ops' }, schema: { hide: true, querystring: AFTER } },
    async (_request, reply) =>
      reply.code(426).header('upgrade', 'websocket').send({ title: 'Connect with a WebSocket' }),
  );

  http.get(
    '/live/events',
    { config: { access: 'member', kind: 'ops' }, schema: { hide: true, querystring: AFTER } },
    async (request, reply) => {
      const raw = openEventStream(reply);
      const { memberId, sessionId } = request.viewer!;
      let ended = false;
      const close = await hub.open(memberId, resumeFrom(request), (n) => {
        if (ended) return;
        // Unnamed events, so one onmessage handler sees every type; the type is in the data.
        // A transient one sets no id, so the browser's Last-Event-ID stays where the page resumes.
        raw.write(`${n.transient ? '' : `id: ${n.id}\n`}data: ${JSON.stringify(wire(n))}\n\n`);
      });
      const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      const stop = () => {
        if (ended) return;
        ended = true;
        clearInterval(keepalive);
        forget();
        close();
      };
      // The session ended: the stream ends, and the browser's reconnect is refused (401).
      const forget = channels.add(memberId, sessionId, () => {
        stop();
        raw.end();
      });
      request.raw.on('close', stop);
    },
  );

  http.get(
    '/api/v1/live/poll',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Long polling: the notifications after `after`, waiting up to `wait` seconds for one',
        tags: ['live'],
        querystring: Type.Object({
          after: Type.Optional(Type.Integer({ minimum: 0 })),
          wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, default: 25 })),
        }),
        response: {
          200: Type.Object({ notifications: Type.Array(Notification), cursor: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const after = request.query.after ?? 0;
      const { memberId, sessionId } = request.viewer!;
      // A poll waiting when its session ends answers at once, empty; the next one gets a 401.
      const ending = new AbortController();
      const forget = channels.add(memberId, sessionId, () => ending.abort());
      try {
        const found = await hub.next(memberId, after, (request.query.wait ?? 25) * 1000, ending.signal);
        return { notifications: found.map(wire), cursor: Math.max(after, ...found.map((n) => n.id)) };
      } finally {
        forget();
      }
    },
  );
}
