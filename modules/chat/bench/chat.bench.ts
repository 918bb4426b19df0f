// What a member notices: how long a sent message takes to show on the recipient's open
// page (HTTP send → commit → hub → WebSocket), and how long the conversation list takes
// with many conversations. The whole app in this process, SQLite files in a temporary
// directory (WAL, as in production).
//
//   node --disable-warning=ExperimentalWarning modules/chat/bench/chat.bench.ts [messages] [conversations]
//
// Figures go into ../README.md. Not a test: timings depend on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  createApp,
  createLogger,
  openStorage,
  readConfig,
  SESSIONS,
  systemClock,
  uuidv7Source,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
  type Sessions,
} from '@meetcute/core';
import { cities } from '@meetcute/cities';
import { auth } from '@meetcute/auth';
import { live } from '@meetcute/live';
import { nav } from '@meetcute/nav';
import { registration } from '@meetcute/registration';
import { AccountCreated, RegistrationApproved, type Application } from '@meetcute/registration/events';
import { profile } from '@meetcute/profile';
import { block } from '@meetcute/block';
import { online } from '@meetcute/online';
import { assetRoutes } from '@meetcute/web';
import { chat } from '../src/index.ts';
import { MessageSent } from '../src/events.ts';
import { conversationIdOf } from '../src/rules.ts';

const messages = Number(process.argv[2] ?? 500);
const conversations = Number(process.argv[3] ?? 1000);
const directory = mkdtempSync(join(tmpdir(), 'meetcute-chat-bench-'));
// Only chat and what it needs, so the run times chat and not the rest of the site.
const app = await createApp({
  config: readConfig({ MEETCUTE_PORT: '0', MEETCUTE_LOG_LEVEL: 'silent' }),
  modules: [cities, auth, live, nav, registration, profile, block, online, chat],
  plugins: [assetRoutes],
  storage: openStorage({ kind: 'sqlite', directory }),
  logger: createLogger('silent'),
});
const ids = uuidv7Source(systemClock);
const at = () => new Date().toISOString();

function happened<D extends EventDefinition>(definition: D, payload: PayloadOf<D>): EventEnvelope {
  return {
    id: ids.next(),
    type: definition.type,
    version: definition.version,
    occurredAt: at(),
    actorId: null,
    traceparent: null,
    payload,
  };
}

const STOCKHOLM = {
  id: 2673730,
  label: 'Stockholm, Sweden',
  name: 'Stockholm',
  country: 'SE',
  latitude: 59.33,
  longitude: 18.07,
  timeZone: 'Europe/Stockholm',
};
const application = (nickname: string): Application => ({
  nickname,
  gender: 'woman',
  birthday: '1990-01-01',
  city: STOCKHOLM,
  lookingFor: { genders: ['man'], minAge: 25, maxAge: 45, maxDistanceKm: 100 },
  aboutMe: '',
});

/** Approved members, as the registration module would have recorded them. */
async function members(list: Array<{ memberId: string; nickname: string }>): Promise<void> {
  await app.dispatcher.append(
    list.flatMap((m) => [
      happened(AccountCreated, {
        memberId: m.memberId,
        email: `${m.memberId}@example.com`,
      }),
      happened(RegistrationApproved, {
        memberId: m.memberId,
        moderatorId: m.memberId,
        application: application(m.nickname),
      }),
    ]),
    'registration',
  );
  await app.processAll();
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${percentile(s, 0.5).toFixed(2)} ms, p95 ${percentile(s, 0.95).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms`;
};

try {
  const base = (await app.listen()).replace('localhost', '127.0.0.1');
  const nancy = { memberId: ids.next(), nickname: 'Nancy' };
  const bob = { memberId: ids.next(), nickname: 'Bob' };
  // Bob's many partners, each with one message to him.
  const others = Array.from({ length: conversations }, (_, i) => ({
    memberId: ids.next(),
    nickname: `Member ${i}`,
  }));
  await members([nancy, bob, ...others]);
  await app.dispatcher.append(
    others.map((o, i) =>
      happened(MessageSent, {
        messageId: ids.next(),
        conversationId: conversationIdOf(o.memberId, bob.memberId),
        senderId: o.memberId,
        recipientId: bob.memberId,
        body: `Hello Bob, this is message ${i}`,
      }),
    ),
    'chat',
  );
  await app.processAll();
  const sessions = app.services.require<Sessions>(SESSIONS);
  const nancyCookie = `mc_session=${await sessions.open(nancy.memberId)}`;
  const bobCookie = `mc_session=${await sessions.open(bob.memberId)}`;

  // Send → deliver: Bob's page has a WebSocket open; Nancy sends one message at a time.
  const ws = new WebSocket(`${base.replace('http', 'ws')}/live/ws?after=0`, {
    headers: { cookie: bobCookie },
  });
  await new Promise((resolve) => ws.once('open', resolve));
  const waiting = new Map<string, (t: number) => void>();
  ws.on('message', (data: Buffer) => {
    const n = JSON.parse(data.toString()) as { type: string; data: { body: string } };
    if (n.type === 'chat.message') waiting.get(n.data.body)?.(performance.now());
  });
  const deliver: number[] = [];
  const acknowledge: number[] = [];
  for (let i = 0; i < messages; i++) {
    const body = `Bench ${i}`;
    const arrived = new Promise<number>((resolve) => waiting.set(body, resolve));
    const start = performance.now();
    const response = await fetch(`${base}/api/v1/chats/${bob.memberId}/messages`, {
      method: 'POST',
      headers: { cookie: nancyCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    });
    if (response.status !== 201) throw new Error(`send answered ${response.status}`);
    acknowledge.push(performance.now() - start);
    deliver.push((await arrived) - start);
  }
  ws.close();
  console.log(`send → acknowledged (${messages} sequential sends): ${summary(acknowledge)}`);
  console.log(`send → on the recipient's page:            ${summary(deliver)}`);

  // The conversation list with many conversations: API and page, first page of 30.
  const list: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < 50; i++) {
    let start = performance.now();
    await (await fetch(`${base}/api/v1/chats`, { headers: { cookie: bobCookie } })).text();
    list.push(performance.now() - start);
    start = performance.now();
    await (await fetch(`${base}/chats`, { headers: { cookie: bobCookie } })).text();
    page.push(performance.now() - start);
  }
  console.log(`GET /api/v1/chats with ${conversations + 1} conversations: ${summary(list)}`);
  console.log(`GET /chats (page)  with ${conversations + 1} conversations: ${summary(page)}`);
} finally {
  await app.close();
  rmSync(directory, { recursive: true, force: true });
}
