import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { test } from 'node:test';
import { cookieFrom, parseResponse, Pool } from './http.ts';

test('a response is read by its content length, and what follows is left for the next', () => {
  const raw = Buffer.from(
    'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: mc_session=xyz; HttpOnly\r\n\r\nhelloHTTP/1.1',
  );
  const parsed = parseResponse(raw);
  assert.equal(parsed?.response.status, 200);
  assert.equal(parsed?.response.body.toString(), 'hello');
  assert.equal(parsed?.rest.toString(), 'HTTP/1.1');
  assert.equal(cookieFrom(parsed.response, 'mc_session'), 'mc_session=xyz');
});

test('a chunked response is read whole, and a partial one waits for more', () => {
  const raw = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
  assert.equal(parseResponse(Buffer.from(raw))?.response.body.toString(), 'hello world');
  assert.equal(parseResponse(Buffer.from(raw.slice(0, 60))), null);
  assert.equal(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort')), null);
});

test('the pool keeps connections alive and queues callers when all are busy', async () => {
  const sockets = new Set<unknown>();
  const server = createServer((request, response) => {
    sockets.add(request.socket);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ path: request.url }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const pool = new Pool(
    { host: '127.0.0.1', port: typeof address === 'object' && address ? address.port : 0 },
    2,
  );
  try {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.request('GET', `/n/${i}`)));
    assert.deepEqual(
      answers.map((a) => (JSON.parse(a.body.toString()) as { path: string }).path),
      Array.from({ length: 20 }, (_, i) => `/n/${i}`),
    );
    assert.equal(sockets.size, 2);
    const posted = await pool.request('POST', '/p', { 'content-type': 'application/json' }, '{"a":1}');
    assert.equal(posted.status, 200);
  } finally {
    pool.close();
    server.close();
  }
});
