import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import { Type } from 'typebox';
import { createApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { defineEvent } from '../events.ts';
import { defineModule } from '../module.ts';
import { createLogger } from './logger.ts';
import { testDatabases, testStorage } from '../testing/databases.ts';
import type { SpanRecord } from './recent-traces.ts';
import { RecentTraces } from './recent-traces.ts';
import { text } from '../db/tables.ts';

const Waved = defineEvent({
  type: 'Waved',
  module: 'wave',
  description: 'Someone waved.',
  schema: Type.Object({ word: Type.String() }),
});

const wave = defineModule({
  name: 'wave',
  description: 'Publishes a wave from a request.',
  publishes: [Waved],
  consumes: [],
  tables: {},
  migrations: [],
  projections: [],
  useCases: [],
  register(ctx) {
    ctx.http.post(
      '/api/v1/waves',
      {
        config: { access: 'public', kind: 'api' },
        schema: { body: Type.Object({ word: Type.String() }), response: { 201: Type.Object({}) } },
      },
      async (request, reply) => {
        await ctx.transaction((tx) => tx.publish(Waved, { word: request.body.word }));
        return reply.code(201).send({});
      },
    );
  },
});

/** A module that counts waves in a table of its own, so its handling runs SQL. */
function counter(name: string, fails = false) {
  return defineModule({
    name,
    description: `Counts waves (${name}).`,
    publishes: [],
    consumes: [Waved],
    tables: { waves: { word: text() } },
    migrations: [
      {
        name: '001',
        up: async (db) => {
          await db.schema
            .createTable('waves')
            .addColumn('word', 'text', (c) => c.notNull())
            .execute();
        },
      },
    ],
    projections: ['waves'],
    useCases: [],
    register(ctx) {
      ctx.on(Waved, async (event, tx) => {
        if (fails && event.payload.word === 'boom') throw new Error('no waving here');
        await tx.db.insertInto('waves').values({ word: event.payload.word }).execute();
      });
    },
  });
}

const databases = await testDatabases();
const apps: App[] = [];
after(async () => {
  for (const app of apps) {
    await app.close();
    await app.storage.destroy();
  }
});

async function start(dialect: 'sqlite' | 'postgres', env: Record<string, string>): Promise<App> {
  const app = await createApp({
    config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent', ...env }),
    modules: [wave, counter('hello'), counter('tally', true)],
    storage: testStorage(dialect, databases),
    logger: createLogger('silent'),
  });
  apps.push(app);
  return app;
}

const byName = (spans: SpanRecord[], name: string) => {
  const found = spans.find((s) => s.name === name);
  assert.ok(found, `a span named ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return found;
};

for (const dialect of databases.dialects) {
  test(`${dialect}: a request, the event it publishes and both modules that consume it are one trace`, async () => {
    const app = await start(dialect, { MEETCUTE_TRACE_SAMPLE_RATIO: '1' });
    const r = await app.http.inject({ method: 'POST', url: '/api/v1/waves', payload: { word: 'hi' } });
    assert.equal(r.statusCode, 201);
    await app.processAll();
    const [summary] = app.telemetry.traces.list();
    assert.ok(summary);
    assert.equal(summary.route, '/api/v1/waves');
    assert.deepEqual(summary.modules, ['hello', 'tally', 'wave']);
    const spans = app.telemetry.traces.get(summary.traceId)!.spans;
    const request = byName(spans, 'POST /api/v1/waves');
    const published = byName(spans, 'publish Waved');
    const hello = byName(spans, 'hello handles Waved');
    const tally = byName(spans, 'tally handles Waved');
    assert.equal(request.parentSpanId, null);
    assert.equal(published.parentSpanId, request.spanId);
    assert.equal(hello.parentSpanId, published.spanId);
    assert.equal(tally.parentSpanId, published.spanId);
    // Each module's SQL hangs under its own handling.
    const helloInsert = spans.find((s) => s.name === 'insert hello' && s.parentSpanId === hello.spanId);
    assert.ok(helloInsert, 'the insert into hello is under hello handling the event');
    assert.match(String(helloInsert.attributes['db.query.text']), /insert into "waves"/);
    assert.ok(spans.some((s) => s.name === 'insert tally' && s.parentSpanId === tally.spanId));
    // Delivery's own statements (relaying to the log, checkpoints) are no part of the request.
    assert.ok(!spans.some((s) => s.name.endsWith(' eventlog')), 'no event-log statement in the trace');
    // The event carries the publish span as its trace context.
    const row = await app.dispatcher.log.db
      .selectFrom('events')
      .select('traceparent')
      .executeTakeFirstOrThrow();
    assert.equal(row.traceparent, `00-${summary.traceId}-${published.spanId}-01`);
  });

  test(`${dialect}: a failing handler's span is marked failed and the trace shows an error`, async () => {
    const app = await start(dialect, { MEETCUTE_TRACE_SAMPLE_RATIO: '1' });
    await app.http.inject({ method: 'POST', url: '/api/v1/waves', payload: { word: 'boom' } });
    await app.processAll({ retries: false });
    const [summary] = app.telemetry.traces.list({ errorsOnly: true });
    assert.ok(summary, 'the failed trace is listed under errors');
    const failed = app.telemetry.traces.get(summary.traceId)!.spans.filter((s) => s.error !== null);
    assert.ok(failed.some((s) => s.name === 'tally handles Waved' && s.error === 'no waving here'));
  });
}

test('nothing is recorded at ratio 0, except a caller whose traceparent is sampled', async () => {
  const app = await start('sqlite', { MEETCUTE_TRACE_SAMPLE_RATIO: '0' });
  const plain = await app.http.inject({ method: 'POST', url: '/api/v1/waves', payload: { word: 'a' } });
  assert.equal(plain.statusCode, 201);
  const unsampled = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
  await app.http.inject({
    method: 'POST',
    url: '/api/v1/waves',
    headers: { traceparent: unsampled },
    payload: { word: 'b' },
  });
  await app.processAll();
  assert.equal(app.telemetry.traces.size, 0);
  const events = await app.dispatcher.log.db.selectFrom('events').select('traceparent').execute();
  assert.ok(
    events.every((e) => String(e.traceparent).endsWith('-00')),
    'unrecorded traces say so to consumers',
  );

  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const r = await app.http.inject({
    method: 'POST',
    url: '/api/v1/waves',
    headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` },
    payload: { word: 'c' },
  });
  await app.processAll();
  assert.match(String(r.headers.traceparent), new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  const trace = app.telemetry.traces.get(traceId);
  assert.ok(trace, 'the caller’s sampled trace is recorded');
  assert.equal(byName(trace.spans, 'POST /api/v1/waves').parentSpanId, 'b7ad6b7169203331');
  assert.ok(trace.spans.some((s) => s.name === 'hello handles Waved'));
});

test('recent traces keep the newest, and filter by route, member, duration and errors', () => {
  const recent = new RecentTraces('node', 3);
  const span = (traceId: string, extra: Partial<SpanRecord>): SpanRecord => ({
    traceId,
    spanId: `${traceId}-root`,
    parentSpanId: null,
    name: 'GET /x',
    kind: 'server',
    startMs: 1000,
    durationMs: 5,
    error: null,
    module: null,
    attributes: {},
    node: 'node',
    ...extra,
  });
  recent.add(span('t1', {}));
  recent.add(span('t2', { attributes: { 'http.route': '/api/v1/chat', 'enduser.id': 'm1' } }));
  recent.add(span('t3', { durationMs: 250 }));
  recent.add(span('t4', { error: 'boom' }));
  assert.equal(recent.size, 3);
  assert.equal(recent.get('t1'), undefined, 'the oldest trace went first');
  assert.deepEqual(
    recent.list().map((t) => t.traceId),
    ['t4', 't3', 't2'],
  );
  assert.deepEqual(
    recent.list({ route: '/api/v1/chat' }).map((t) => t.traceId),
    ['t2'],
  );
  assert.deepEqual(
    recent.list({ memberId: 'm1' }).map((t) => t.traceId),
    ['t2'],
  );
  assert.deepEqual(
    recent.list({ minMs: 100 }).map((t) => t.traceId),
    ['t3'],
  );
  assert.deepEqual(
    recent.list({ errorsOnly: true }).map((t) => t.traceId),
    ['t4'],
  );
});

test('spans go to an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
  const received: string[] = [];
  const collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') received.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as { port: number };
  try {
    const app = await createApp({
      config: readConfig({
        MEETCUTE_LOG_LEVEL: 'silent',
        MEETCUTE_TRACE_SAMPLE_RATIO: '1',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      }),
      modules: [wave, counter('hello')],
      storage: testStorage('sqlite', databases),
      logger: createLogger('silent'),
    });
    await app.http.inject({ method: 'POST', url: '/api/v1/waves', payload: { word: 'hi' } });
    await app.processAll();
    await app.close(); // sends what is queued
    const sent = received.join('\n');
    assert.match(sent, /POST \/api\/v1\/waves/);
    assert.match(sent, /hello handles Waved/);
  } finally {
    collector.close();
  }
});
