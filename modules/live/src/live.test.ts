import { LIVE_HUB } from './index.ts';
// The live channel over real sockets: WebSocket, Server-Sent Events and long polling
// all deliver, need a session, and resume after a reconnect without losing anything.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import {
  createLogger,
  CREDENTIALS,
  type Credentials,
  NOTIFICATIONS,
  openStorage,
  readConfig,
  SESSIONS,
  type App,
  type NotificationHub,
  type Sessions,
} from '@meetcute/core';
import { approved, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { buildApp } from '@meetcute/server';
import type { LiveHub } from './hub.ts';
import { SESSION_ENDED } from './endings.ts';

let app: App;
let base: string;
let cookie: string;
let hub: NotificationHub;

before(async () => {
  app = await buildApp(readConfig({ MEETCUTE_PORT: '0', MEETCUTE_LOG_LEVEL: 'silent' }), {
    storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
    logger: createLogger('silent'),
  });
  base = (await app.listen()).replace('localhost', '127.0.0.1');
  await app.services.require<Credentials>(CREDENTIALS).store(withPassword(nancy));
  await app.dispatcher.append(
    approved(nancy).map((g, i) => ({
      id: `00000000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
      type: g.event.type,
      version: g.event.version,
      occurredAt: new Date().toISOString(),
      actorId: null,
      traceparent: null,
      payload: g.payload,
    })),
    'registration',
  );
  await app.processAll();
  cookie = `mc_session=${await app.services.require<Sessions>(SESSIONS).open(nancy.memberId)}`;
  hub = app.services.require<NotificationHub>(NOTIFICATIONS);
});

after(() => app.close());

interface Wire {
  id: number;
  type: string;
  data: unknown;
}

function nextMessage(ws: WebSocket): Promise<Wire> {
  return new Promise((resolve) =>
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as Wire)),
  );
}

test('a WebSocket without a session is refused', async () => {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/live/ws`);
  const [error] = (await once(ws, 'error')) as [Error];
  assert.match(error.message, /401/);
});

test('a WebSocket opened by another site’s page is refused, even with the member’s cookie', async () => {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/live/ws`, {
    headers: { cookie, origin: 'https://evil.example' },
  });
  const [error] = (await once(ws, 'error')) as [Error];
  assert.match(error.message, /403/);
});

test('a plain request to the socket’s address is told to upgrade', async () => {
  const response = await fetch(`${base}/live/ws`, { headers: { cookie } });
  assert.equal(response.status, 426);
});

test('a WebSocket delivers notifications and resumes after a reconnect', async () => {
  const url = `${base.replace('http', 'ws')}/live/ws`;
  const ws = new WebSocket(`${url}?after=0`, { headers: { cookie, origin: base } });
  await once(ws, 'open');
  const first = nextMessage(ws);
  await hub.notify(nancy.memberId, { type: 'counter', data: { name: 'alerts', count: 1 } });
  const got = await first;
  assert.deepEqual([got.type, got.data], ['counter', { name: 'alerts', count: 1 }]);
  ws.close();
  await once(ws, 'close');

  // Two notifications while the page is away; the reconnect asks for what came after.
  await hub.notify(nancy.memberId, { type: 'alert', data: { n: 2 } });
  await hub.notify(nancy.memberId, { type: 'alert', data: { n: 3 } });
  const again = new WebSocket(`${url}?after=${got.id}`, { headers: { cookie } });
  const replayed: Wire[] = [];
  again.on('message', (data: Buffer) => replayed.push(JSON.parse(data.toString()) as Wire));
  await once(again, 'open');
  while (replayed.length < 2) await once(again, 'message');
  assert.deepEqual(
    replayed.map((n) => n.data),
    [{ n: 2 }, { n: 3 }],
  );
  again.close();
});

test('Server-Sent Events resume from Last-Event-ID', async () => {
  await hub.notify(nancy.memberId, { type: 'alert', data: { sse: 1 } });
  const controller = new AbortController();
  const response = await fetch(`${base}/live/events`, {
    headers: { cookie, 'last-event-id': '0' },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('"sse":1')) text += new TextDecoder().decode((await reader.read()).value);
  assert.match(text, /^id: \d+$/m);
  controller.abort();
});

test('a long poll waits for the next notification and returns it', async () => {
  const { cursor } = (await (
    await fetch(`${base}/api/v1/live/poll?wait=0&after=0`, { headers: { cookie } })
  ).json()) as { cursor: number };
  const waiting = fetch(`${base}/api/v1/live/poll?wait=20&after=${cursor}`, { headers: { cookie } });
  // Wait until the poll is parked on the hub, so this proves it waits and is woken.
  const live = app.services.require<LiveHub>(LIVE_HUB);
  while (live.channelCount === 0) await new Promise((resolve) => setImmediate(resolve));
  await hub.notify(nancy.memberId, { type: 'alert', data: { polled: true } });
  const body = (await (await waiting).json()) as { notifications: Wire[]; cursor: number };
  assert.deepEqual(
    body.notifications.map((n) => n.data),
    [{ polled: true }],
  );
  assert.ok(body.cursor > cursor);
});

test('a transient notification reaches open pages only and is never replayed', async () => {
  const url = `${base.replace('http', 'ws')}/live/ws`;
  const from = (hub as LiveHub).latest();
  const ws = new WebSocket(`${url}?after=${from}`, { headers: { cookie } });
  await once(ws, 'open');
  const typing = nextMessage(ws);
  await hub.notify(nancy.memberId, { type: 'typing', data: { who: 'bob' }, transient: true });
  const got = (await typing) as Wire & { transient?: boolean };
  assert.deepEqual([got.type, got.data, got.transient], ['typing', { who: 'bob' }, true]);
  ws.close();
  await once(ws, 'close');

  // Nothing was kept: the page resumes where it was, and a reconnect replays only what is stored.
  assert.deepEqual(await (hub as LiveHub).missed(nancy.memberId, from), []);
  await hub.notify(nancy.memberId, { type: 'typing', data: { who: 'away' }, transient: true });
  await hub.notify(nancy.memberId, { type: 'alert', data: { kept: true } });
  const again = new WebSocket(`${url}?after=${from}`, { headers: { cookie } });
  const first = nextMessage(again);
  await once(again, 'open');
  assert.deepEqual((await first).data, { kept: true });
  again.close();
});

/** A session of Nancy's of its own, as another device would have. */
async function device(): Promise<string> {
  return `mc_session=${await app.services.require<Sessions>(SESSIONS).open(nancy.memberId)}`;
}

/** The live channels of one device: a socket, a stream and a waiting poll. */
async function channelsOf(session: string) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/live/ws?after=${(hub as LiveHub).latest()}`, {
    headers: { cookie: session },
  });
  const received: Wire[] = [];
  ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as Wire));
  const closed = once(ws, 'close') as Promise<[number, Buffer]>;
  await once(ws, 'open');
  const leaving = new AbortController();
  const stream = await fetch(`${base}/live/events?after=${(hub as LiveHub).latest()}`, {
    headers: { cookie: session },
    signal: leaving.signal,
  });
  // Resolves when the server ends the stream; a page that leaves aborts it instead.
  const text = stream.text().catch(() => 'left');
  const live = app.services.require<LiveHub>(LIVE_HUB);
  const before = live.channelCount;
  const poll = fetch(`${base}/api/v1/live/poll?wait=30&after=${(hub as LiveHub).latest()}`, {
    headers: { cookie: session },
  });
  while (live.channelCount === before) await new Promise((resolve) => setImmediate(resolve));
  const leave = async () => {
    ws.close();
    leaving.abort();
    await text;
  };
  return { ws, received, closed, text, poll, leave };
}

/** Nancy on two devices, each with its channels open. */
async function phoneAndLaptop() {
  const phone = await device();
  const laptop = await device();
  return { phone, laptop, onPhone: await channelsOf(phone), onLaptop: await channelsOf(laptop) };
}

async function ended(channels: Awaited<ReturnType<typeof channelsOf>>): Promise<void> {
  const [code] = await channels.closed;
  assert.equal(code, SESSION_ENDED);
  assert.notEqual(await channels.text, 'left'); // the server ended the stream
  const polled = (await (await channels.poll).json()) as { notifications: Wire[] };
  assert.deepEqual(polled.notifications, []);
}

test('logging out ends that session’s socket, stream and poll at once; another device’s stay', async () => {
  const { phone, onPhone, onLaptop } = await phoneAndLaptop();

  const out = await fetch(`${base}/api/v1/sessions/current`, {
    method: 'DELETE',
    headers: { cookie: phone, origin: base },
  });
  assert.equal(out.status, 204);
  await ended(onPhone);

  // The message after the log-out reaches the laptop only; the phone cannot come back.
  const next = nextMessage(onLaptop.ws);
  await hub.notify(nancy.memberId, { type: 'message', data: { secret: 'after log-out' } });
  assert.deepEqual((await next).data, { secret: 'after log-out' });
  assert.equal(onPhone.received.filter((n) => n.type === 'message').length, 0);
  const again = new WebSocket(`${base.replace('http', 'ws')}/live/ws`, { headers: { cookie: phone } });
  const [error] = (await once(again, 'error')) as [Error];
  assert.match(error.message, /401/);
  assert.deepEqual(
    ((await (await onLaptop.poll).json()) as { notifications: Wire[] }).notifications.map((n) => n.data),
    [{ secret: 'after log-out' }],
  );
  await onLaptop.leave();
});

test('logging out everywhere ends the channels of every session, this one too', async () => {
  const { laptop, onPhone, onLaptop } = await phoneAndLaptop();
  const out = await fetch(`${base}/api/v1/sessions`, {
    method: 'DELETE',
    headers: { cookie: laptop, origin: base },
  });
  assert.equal(out.status, 204);
  await ended(onPhone);
  await ended(onLaptop);
});

test('a password change ends the channels of her other sessions and keeps this one’s', async () => {
  const { laptop, onPhone, onLaptop } = await phoneAndLaptop();
  const changed = await fetch(`${base}/api/v1/account/password`, {
    method: 'PUT',
    headers: { cookie: laptop, origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'a different long passphrase' }),
  });
  assert.equal(changed.status, 204);
  await ended(onPhone);
  const next = nextMessage(onLaptop.ws);
  await hub.notify(nancy.memberId, { type: 'message', data: { still: 'here' } });
  assert.deepEqual((await next).data, { still: 'here' });
  await onLaptop.leave();
  const polled = (await (await onLaptop.poll).json()) as { notifications: Wire[] };
  assert.deepEqual(
    polled.notifications.map((n) => n.data),
    [{ still: 'here' }],
  );
});
