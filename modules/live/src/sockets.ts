import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SESSION_COOKIE, type Http, type Logger, type ViewerResolver } from '@meetcute/core';
import type { LiveHub } from './hub.ts';
import { SESSION_ENDED, type OpenChannels } from './endings.ts';
import { KEEPALIVE_MS, resumePoint, wire } from './routes.ts';

const PATH = '/live/ws';

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** A page of this site, or a client that sends no Origin (not a browser); never another site's page. */
function sameSite(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Frames sent to one socket in one turn of the event loop leave in one write. A chat
 * message reaches a member with the counter it moves, and each write to a socket is a
 * system call that runs the whole loopback or network send: with thousands of members
 * connected, those calls were a fifth of a chat send's cost. Returns `hold(socket)`:
 * the socket's writes wait (Node's cork) until the turn ends.
 */
function writesPerTurn(): (socket: Duplex) => void {
  const held = new Set<Duplex>();
  const release = () => {
    for (const socket of held) socket.uncork();
    held.clear();
  };
  return (socket) => {
    if (held.has(socket)) return;
    if (held.size === 0) setImmediate(release);
    held.add(socket);
    socket.cork();
  };
}

/** What the WebSocket side works with. */
export interface LiveSocketDeps {
  hub: LiveHub;
  /** Resolves the handshake's session cookie; auth provides it, so it is looked up late. */
  viewers: () => ViewerResolver | undefined;
  channels: OpenChannels;
  logger: Logger;
}

/** The sockets open on this node, and those that answered the last ping. */
interface Sockets {
  open: Set<WebSocket>;
  answered: WeakSet<WebSocket>;
  /** Holds a socket's writes until the turn ends (writesPerTurn). */
  hold: (socket: Duplex) => void;
}

/**
 * The WebSocket side of the live channel, beside Fastify rather than through it: a
 * socket lives for hours, and keeping a request, a reply and their hooks alive for each
 * one made a connection cost nearly three times what the socket itself does. The
 * handshake is checked like a member-only route (the session cookie) plus the page's
 * Origin, and one timer pings every socket, closing those that stopped answering.
 */
export function liveSockets(http: Http, deps: LiveSocketDeps): void {
  const server = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: 64 * 1024 });
  const sockets: Sockets = { open: new Set(), answered: new WeakSet(), hold: writesPerTurn() };
  const keepalive = pingEvery(sockets, KEEPALIVE_MS);

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH) return refuse(socket, 404, 'Not Found');
    if (!sameSite(request)) return refuse(socket, 403, 'Forbidden');
    const token = http.parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    const viewer = token ? await deps.viewers()?.resolve(token) : null;
    if (!viewer) return refuse(socket, 401, 'Unauthorized');
    const { memberId, sessionId } = viewer;
    const after = resumePoint(url.searchParams.get('after'));
    server.handleUpgrade(request, socket, head, (ws) =>
      attach(deps, sockets, { ws, socket, memberId, sessionId, after }),
    );
  }

  http.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    upgrade(request, socket, head).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'a WebSocket handshake failed');
      refuse(socket, 500, 'Internal Server Error');
    });
  });
  // Open sockets would keep the server from closing: they are told the server is going away.
  http.addHook('preClose', (done) => {
    clearInterval(keepalive);
    for (const ws of sockets.open) ws.close(1001);
    done();
  });
}

/** One timer for every socket: each is pinged, and one that did not answer the last ping is closed. */
function pingEvery({ open, answered }: Sockets, ms: number): NodeJS.Timeout {
  const keepalive = setInterval(() => {
    for (const socket of open) {
      if (!answered.has(socket)) {
        socket.terminate();
        continue;
      }
      answered.delete(socket);
      socket.ping();
    }
  }, ms);
  keepalive.unref();
  return keepalive;
}

/**
 * Serves one socket. Its own function, so the closures a socket keeps for hours hold
 * the socket and its member, not the handshake's request, URL and buffers.
 */
function attach(
  { hub, channels, logger }: LiveSocketDeps,
  { open, answered, hold }: Sockets,
  member: { ws: WebSocket; socket: Duplex; memberId: string; sessionId: string; after: number },
): void {
  const { ws, socket, memberId, sessionId, after } = member;
  open.add(ws);
  answered.add(ws);
  let close: (() => void) | null = null;
  let ended = false;
  // The session ended: nothing more reaches the socket from this moment, then it closes.
  const forget = channels.add(memberId, sessionId, () => {
    ended = true;
    close?.();
    close = null;
    ws.close(SESSION_ENDED, 'session ended');
  });
  ws.on('pong', () => answered.add(ws));
  ws.on('error', () => ws.terminate());
  ws.on('close', () => {
    open.delete(ws);
    forget();
    close?.();
    close = null;
  });
  hub
    .open(memberId, after, (n) => {
      hold(socket);
      ws.send(JSON.stringify(wire(n)));
    })
    .then((closeChannel) => {
      if (open.has(ws) && !ended) close = closeChannel;
      else closeChannel();
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, 'opening a live channel failed');
      ws.close(1011);
    });
}
