// The log tail over a real socket: lines of the member asked for, live over Server-Sent
// Events, resuming after the last line seen; for operators only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStorage, readConfig, SESSIONS, type App, type Sessions } from '@meetcute/core';
import { approved, bob, nancy, otto } from '@meetcute/cast';
import { buildApp } from '@meetcute/server';

let app: App;
let base: string;
const cookies = new Map<string, string>();

before(async () => {
  app = await buildApp(
    readConfig({ MEETCUTE_PORT: '0', MEETCUTE_LOG_LEVEL: 'info', MEETCUTE_OPERATORS: otto.email }),
    {
      storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
      logOutput: { write: () => undefined },
    },
  );
  base = (await app.listen()).replace('localhost', '127.0.0.1');
  const given = [...approved(otto), ...approved(nancy), ...approved(bob)];
  await app.dispatcher.append(
    given.map((g, i) => ({
      id: `00000000-0000-7000-8000-000000000${String(i).padStart(3, '0')}`,
      type: g.event.type,
      version: g.event.version,
      occurredAt: new Date().toISOString(),
      actorId: g.actorId ?? null,
      traceparent: null,
      payload: g.payload,
    })),
    'registration',
  );
  await app.processAll();
  const sessions = app.services.require<Sessions>(SESSIONS);
  for (const member of [otto, nancy, bob])
    cookies.set(member.memberId, `mc_session=${await sessions.open(member.memberId)}`);
});

after(() => app.close());

const get = (as: { memberId: string }, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { cookie: cookies.get(as.memberId)!, ...headers }, redirect: 'manual' });

test('the tail filtered to one member shows their requests and nobody else’s', async () => {
  assert.equal((await get(nancy, '/api/v1/favourites')).status, 200);
  assert.equal((await get(bob, '/api/v1/alerts')).status, 200);
  const page = await (await get(otto, `/ops/logs?member=${nancy.memberId}`)).text();
  assert.match(page, /\/api\/v1\/favourites/);
  assert.doesNotMatch(page, /\/api\/v1\/alerts/);
  assert.match(page, new RegExp(`value="${nancy.memberId}"`), 'the form keeps the filter');
});

test('lines another node sent are in the tail too', async () => {
  app.telemetry.logs.add('node-b', JSON.stringify({ level: 'warn', msg: 'disk nearly full on node b' }));
  const page = await (await get(otto, '/ops/logs?level=warn')).text();
  assert.match(page, /disk nearly full on node b/);
});

/** Reads a stream's events until `done` says it has what it waits for. */
async function readEvents(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = response.body!.getReader();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text;
}

test('new lines of the member followed arrive live, and a reconnect resumes after the last one seen', async () => {
  const stream = await get(otto, `/ops/logs/stream?member=${bob.memberId}`);
  assert.equal(stream.status, 200);
  assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
  await get(nancy, '/api/v1/alerts');
  await get(bob, '/api/v1/favourites');
  const text = await readEvents(stream, (t) => t.includes('/api/v1/favourites'));
  const events = text
    .split('\n\n')
    .filter((e) => e.includes('data: '))
    .map((e) => ({
      id: Number(/^id: (\d+)$/m.exec(e)?.[1]),
      line: JSON.parse(e.split('data: ')[1]!) as { memberId: string; route: string },
    }));
  assert.ok(events.length >= 2, 'the earlier line and the new one');
  assert.ok(
    events.every((e) => e.line.memberId === bob.memberId),
    'only Bob’s lines',
  );
  const last = events.at(-1)!;
  assert.equal(last.line.route, '/api/v1/favourites');

  await get(bob, '/api/v1/chats');
  const again = await get(otto, `/ops/logs/stream?member=${bob.memberId}`, {
    'last-event-id': String(last.id),
  });
  const resumed = await readEvents(again, (t) => t.includes('/api/v1/chats'));
  assert.doesNotMatch(resumed, /\/api\/v1\/favourites/, 'nothing shown twice');
  assert.match(resumed, /\/api\/v1\/chats/);
});

test('the stream is for operators only', async () => {
  assert.equal((await get(nancy, '/ops/logs/stream')).status, 403);
  assert.equal((await fetch(`${base}/ops/logs/stream`)).status, 401);
});
