// The live-connection baseline: a raw `ws` server that holds sockets and forwards what
// an HTTP POST sends to one of them (the same path as a chat message: HTTP in, WebSocket out).
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveParent } from '../processes.ts';

const sockets = new Map<string, WebSocket>();
const server = createServer((request, response) => {
  const to = new URL(request.url ?? '/', 'http://x').searchParams.get('to') ?? '';
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const socket = sockets.get(to);
    if (!socket) {
      response.writeHead(404).end();
      return;
    }
    socket.send(body);
    response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, request) => {
  const id = new URL(request.url ?? '/', 'http://x').searchParams.get('id') ?? '';
  sockets.set(id, socket);
  socket.on('close', () => {
    if (sockets.get(id) === socket) sockets.delete(id);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  serveParent(
    { type: 'ready', port: typeof address === 'object' && address ? address.port : 0 },
    { connections: () => wss.clients.size },
  );
});
