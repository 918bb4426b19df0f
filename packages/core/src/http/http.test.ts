import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Type } from 'typebox';
import { createApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { defineEvent } from '../events.ts';
import { defineModule } from '../module.ts';
import { createLogger } from '../observability/logger.ts';
import { openStorage } from '../db/storage.ts';
import { problems } from './problems.ts';
import { securityHeaders } from './server.ts';

const Pinged = defineEvent({
  type: 'Pinged',
  module: 'ping',
  description: 'Someone pinged.',
  schema: Type.Object({ word: Type.String() }),
});

const ping = defineModule({
  name: 'ping',
  description: 'A module that exists to exercise the HTTP chassis.',
  publishes: [Pinged],
  consumes: [],
  tables: {},
  migrations: [],
  projections: [],
  useCases: [],
  register(ctx) {
    ctx.http.post(
      '/api/v1/pings',
      {
        config: { access: 'public', kind: 'api' },
        schema: {
          body: Type.Object({
            word: Type.String({ minLength: 1, maxLength: 10 }),
            times: Type.Integer({ minimum: 1 }),
          }),
          response: { 201: Type.Object({ id: Type.String() }) },
        },
      },
      async (request, reply) => {
        const event = await ctx.transaction((tx) => tx.publish(Pinged, { word: request.body.word }));
        return reply.code(201).send({ id: event.id });
      },
    );
    ctx.http.get(
      '/api/v1/pings/:id',
      {
        config: { access: 'member', kind: 'api' },
        schema: { params: Type.Object({ id: Type.String() }), response: { 200: Type.Object({}) } },
      },
      async () => {
        throw problems.notFound('This ping');
      },
    );
  },
});

let app: App;
before(async () => {
  app = await createApp({
    config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent', MEETCUTE_HEARTBEAT_MAX_DELAY_MS: '200' }),
    modules: [ping],
    storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
    logger: createLogger('silent'),
  });
});
after(() => app.close());

test('a malformed JSON body is a 400 problem, not a 500', async () => {
  const r = await app.http.inject({
    method: 'POST',
    url: '/api/v1/pings',
    headers: { 'content-type': 'application/json' },
    payload: '{"word":',
  });
  assert.equal(r.statusCode, 400);
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  assert.equal(r.json<{ status: number }>().status, 400);
});

test('invalid fields are named one by one', async () => {
  const r = await app.http.inject({
    method: 'POST',
    url: '/api/v1/pings',
    payload: { word: '', times: -1, extra: 1 },
  });
  assert.equal(r.statusCode, 400);
  const body = r.json<{ type: string; errors: Array<{ field: string }> }>();
  assert.equal(body.type, 'https://meetcute.dev/problems/validation');
  assert.deepEqual(body.errors.map((e) => e.field).sort(), ['times', 'word']);
});

test('a form post to the API is refused, closing cross-site forgery on the API', async () => {
  const r = await app.http.inject({
    method: 'POST',
    url: '/api/v1/pings',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'word=hi&times=1',
  });
  assert.equal(r.statusCode, 415);
});

test('unknown routes and members-only routes answer with problems', async () => {
  const missing = await app.http.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
  const anonymous = await app.http.inject({ method: 'GET', url: '/api/v1/pings/1' });
  assert.equal(anonymous.statusCode, 401);
});

test('a browser asking for an unknown page gets an HTML error page', async () => {
  const r = await app.http.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
  assert.equal(r.statusCode, 404);
  assert.match(String(r.headers['content-type']), /text\/html/);
});

test('the trace context of a request flows into the events it causes', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const r = await app.http.inject({
    method: 'POST',
    url: '/api/v1/pings',
    headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    payload: { word: 'hi', times: 1 },
  });
  assert.equal(r.statusCode, 201);
  await app.processAll();
  const row = await app.dispatcher.log.db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', r.json<{ id: string }>().id)
    .executeTakeFirstOrThrow();
  assert.match(String(row.traceparent), new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  assert.ok(r.headers['x-request-id']);
});

test('/metrics reports route latency, handler, outbox, event-loop and process figures', async () => {
  await app.http.inject({ method: 'POST', url: '/api/v1/pings', payload: { word: 'hi', times: 1 } });
  const text = (await app.http.inject({ method: 'GET', url: '/metrics' })).body;
  assert.match(
    text,
    /meetcute_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/pings"[^}]*status="201"/,
  );
  assert.match(text, /meetcute_outbox_depth\{module="ping"\}/);
  assert.match(text, /meetcute_event_loop_delay_seconds\{quantile="0.99"\}/);
  assert.match(text, /meetcute_process_resident_memory_bytes \d+/, "the process's own figures too");
});

test('/metrics is for operators: a request from another machine or through a proxy is refused', async () => {
  const away = await app.http.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
  assert.equal(away.statusCode, 403);
  assert.match(away.body, /MEETCUTE_METRICS_TOKEN/);
  const proxied = await app.http.inject({
    method: 'GET',
    url: '/metrics',
    headers: { 'x-forwarded-for': '203.0.113.9' },
  });
  assert.equal(proxied.statusCode, 403);
  assert.doesNotMatch(proxied.body, /meetcute_/);
});

test('with MEETCUTE_METRICS_TOKEN, /metrics answers whoever sends it as a bearer token, and only them', async () => {
  const guarded = await createApp({
    config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent', MEETCUTE_METRICS_TOKEN: 'scrape-secret-1' }),
    modules: [ping],
    storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
    logger: createLogger('silent'),
  });
  try {
    const scrape = (authorization?: string) =>
      guarded.http.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: authorization ? { authorization } : {},
      });
    assert.equal((await scrape('Bearer scrape-secret-1')).statusCode, 200);
    assert.match((await scrape('Bearer scrape-secret-1')).body, /meetcute_outbox_depth/);
    assert.equal((await scrape('Bearer scrape-secret-2')).statusCode, 403);
    assert.equal((await scrape()).statusCode, 403);
    // The token replaces the machine check: a local request without it is refused too.
    const local = await guarded.http.inject({ method: 'GET', url: '/metrics' });
    assert.equal(local.statusCode, 403);
  } finally {
    await guarded.close();
  }
});

test('HSTS is sent only when the site is served over HTTPS', () => {
  assert.equal(securityHeaders(true)['strict-transport-security'], 'max-age=31536000; includeSubDomains');
  assert.equal(securityHeaders(false)['strict-transport-security'], undefined);
});

test('the OpenAPI document lists every API route with its schema', async () => {
  const doc = (await app.http.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    openapi: string;
    paths: Record<string, unknown>;
  }>();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/pings']);
  assert.ok(doc.paths['/api/v1/pings/{id}']);
  assert.ok(!doc.paths['/metrics'], 'operational routes are not part of the API');
});

test('the OpenAPI document lists the refusals the chassis answers, though routes list only their own', async () => {
  const doc = (await app.http.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  }>();
  const statuses = (path: string, method: string) =>
    Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
  // A public write: malformed, from another site, not JSON. A members' read: not logged in, bad id.
  assert.deepEqual(statuses('/api/v1/pings', 'post'), ['201', '400', '403', '415']);
  assert.deepEqual(statuses('/api/v1/pings/{id}', 'get'), ['200', '400', '401']);
  // And the chassis does answer them: a form post (415) and no session (401).
  const form = await app.http.inject({
    method: 'POST',
    url: '/api/v1/pings',
    payload: 'word=hi',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.statusCode, 415);
  assert.equal((await app.http.inject({ method: 'GET', url: '/api/v1/pings/x' })).statusCode, 401);
});

test('/heartbeat fails while the event loop is blocked and recovers after', async () => {
  await app.listen();
  const url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}/heartbeat`;
  // Healthy first: on a busy machine the app's own start may have held the loop up a moment
  // ago, which the heartbeat rightly reports until a calm second has passed.
  const healthy = Date.now() + 10_000;
  let before = (await fetch(url)).status;
  while (before !== 200 && Date.now() < healthy) before = (await fetch(url)).status;
  assert.equal(before, 200);
  // The probe is sent, then the loop blocks for 2 s: it is answered only after, and must say so.
  const probe = fetch(url);
  await new Promise((resolve) => setImmediate(resolve));
  const until = Date.now() + 2000;
  while (Date.now() < until) {
    // blocking on purpose
  }
  const during = await probe;
  assert.equal(during.status, 503);
  assert.ok(((await during.json()) as { eventLoopDelayMs: number }).eventLoopDelayMs >= 1000);
});

test('a route that does not say who may call it is refused at start-up', async () => {
  const sloppy = defineModule({
    ...ping,
    name: 'sloppy',
    publishes: [],
    register(ctx) {
      ctx.http.get('/api/v1/sloppy', { schema: { response: { 200: Type.Object({}) } } }, async () => ({}));
    },
  });
  await assert.rejects(
    createApp({
      config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent' }),
      modules: [sloppy],
      storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
      logger: createLogger('silent'),
    }),
    /does not say who may call it/,
  );
});

test('an API POST sent again with the same Idempotency-Key gets the first answer and does nothing twice', async () => {
  const send = (key: string, word: string) =>
    app.http.inject({
      method: 'POST',
      url: '/api/v1/pings',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      payload: JSON.stringify({ word, times: 1 }),
    });
  const count = async () =>
    Number(
      (
        await app
          .channel('ping')
          .database.db.selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) +
    Number(
      (
        await app.dispatcher.log.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const first = await send('retry-me-1', 'hello');
  const again = await send('retry-me-1', 'hello');
  assert.equal(first.statusCode, 201);
  assert.equal(again.statusCode, 201);
  assert.equal(again.body, first.body, 'the same answer');
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(await count(), before + 1, 'one ping, not two');
  // Another key is another request.
  assert.notEqual((await send('retry-me-2', 'hello')).body, first.body);

  const reused = await send('retry-me-1', 'other');
  assert.equal(reused.statusCode, 422);
  assert.match(reused.body, /idempotency-key-reused/);

  // Sent twice at once: the second either waits its turn (409) or, if the first is done, gets its answer.
  const counted = await count();
  const [a, b] = await Promise.all([send('at-once', 'hi'), send('at-once', 'hi')]);
  assert.equal(a.statusCode, 201);
  assert.ok(b.statusCode === 409 || b.body === a.body, `${b.statusCode} ${b.body}`);
  assert.equal(await count(), counted + 1);

  const bad = await send('x'.repeat(300), 'hello');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /headers\.idempotency-key/);
});
