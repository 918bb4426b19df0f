// `make bench`: every figure measured against a baseline taken in the same run on the
// same machine, written to bench/results/latest.json and summarised in BENCHMARKS.md.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedLoop, openLoop, type LoadResult } from './load.ts';
import { Pool, type Target } from './http.ts';
import { Child, type Memory } from './processes.ts';
import { rawInsertRate } from './baselines/sqlite.ts';
import { heardWithin, openMany } from './live.ts';
import {
  baselineFigure,
  figure,
  figureTable,
  judge,
  machine,
  machineLines,
  replaceBetween,
  verdictTable,
  writeFigures,
  writeFormatted,
  type Figure,
} from './results.ts';
import { GOALS } from './goals.ts';
import { hasWrk, wrk, type WrkResult } from './wrk.ts';
import type { Member, SeedReady, ServeReady, Session } from './target.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const here = (file: string) => join(import.meta.dirname, file);

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
    // An already seeded data directory (copied, never changed): skips generation and import.
    data: { type: 'string' },
    connections: { type: 'string', default: '5000' },
    'fd-limit': { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '8' },
    'chat-rate': { type: 'string', default: '1000' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results', 'latest.json') },
    doc: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
    // Writes a CPU profile of every server process into this directory (open in Chrome DevTools).
    'cpu-prof': { type: 'string' },
    // Only the pages with ads on against off (issue 16), printed and not written: for working on them.
    'only-ads': { type: 'boolean', default: false },
  },
});
if (values['cpu-prof']) Child.execArgv = ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`];
const MEMBERS = Number(values.members);
const SECONDS = Number(values.seconds);
// Each process needs a descriptor per socket plus its own files; stay clear of the cap.
const FD_LIMIT = Number(values['fd-limit']);
const CONNECTIONS = Math.min(Number(values.connections), FD_LIMIT - 1000);
const CHAT_RATE = Number(values['chat-rate']);
const CONCURRENCY = 32;
const OPEN_LOOP_CONNECTIONS = 256;

const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const figures: Figure[] = [];
const notes: string[] = [];

interface HttpMeasure {
  max: LoadResult;
  open: LoadResult;
  rate: number;
}

/** Closed loop for the maximum rate, then open loop at 70% of it for honest latencies. */
async function measureHttp(label: string, target: Target, send: (pool: Pool, i: number) => Promise<boolean>) {
  const pool = new Pool(target, OPEN_LOOP_CONNECTIONS);
  try {
    let i = 0;
    const max = await closedLoop({
      concurrency: CONCURRENCY,
      warmupMs: 2000,
      durationMs: SECONDS * 1000,
      action: () => send(pool, i++),
    });
    const rate = Math.max(1, Math.floor(max.throughput * 0.7));
    await sleep(500);
    const open = await openLoop({
      rate,
      durationMs: SECONDS * 1000,
      maxInFlight: OPEN_LOOP_CONNECTIONS,
      action: () => send(pool, i++),
    });
    const s = open.latency.summary();
    say(
      `${label}: max ${max.throughput.toFixed(0)}/s (${max.errors} errors); at ${rate}/s p50 ${s.p50} ms, p99 ${s.p99} ms (${open.errors} errors)`,
    );
    if (max.errors + open.errors > 0) notes.push(`${label}: ${max.errors + open.errors} requests failed.`);
    return { max, open, rate } satisfies HttpMeasure;
  } finally {
    pool.close();
  }
}

function httpFigures(name: string, measured: HttpMeasure, hello: HttpMeasure): void {
  figures.push(
    figure(`${name}.max_rps`, measured.max.throughput, 'req/s', {
      name: 'hello_world.max_rps',
      value: hello.max.throughput,
    }),
    figure(`${name}.p99_at_70pct`, measured.open.latency.percentile(99), 'ms', {
      name: 'hello_world.p99_at_70pct',
      value: hello.open.latency.percentile(99),
    }),
    figure(`${name}.p50_at_70pct`, measured.open.latency.percentile(50), 'ms', {
      name: 'hello_world.p50_at_70pct',
      value: hello.open.latency.percentile(50),
    }),
  );
}

const ok = (status: number) => status >= 200 && status < 300;

async function seedCommunity(data: string, dump: string): Promise<SeedReady> {
  say(`seeding ${MEMBERS} members (generate, import, news projection)…`);
  const seeding = await Child.start<SeedReady>(here('target.ts'), [
    '--mode=seed',
    `--data=${data}`,
    `--dump=${dump}`,
    `--members=${MEMBERS}`,
    `--seed=${values.seed}`,
  ]);
  await seeding.stop();
  const r = seeding.ready;
  say(
    `generated ${r.generate.count} records in ${r.generate.seconds.toFixed(1)} s; imported ${r.import.count} events in ${r.import.seconds.toFixed(1)} s; photo files made in ${r.photoFiles.seconds.toFixed(1)} s; news replayed ${r.projection.count} events in ${r.projection.seconds.toFixed(1)} s`,
  );
  return r;
}

/**
 * Send-to-deliver: a member posts a message over HTTP at a fixed rate, the recipient's
 * open live connection receives it; latency from the intended send time to arrival.
 */
async function chatDelivery(
  send: (pool: Pool, seq: number, from: number, to: number) => Promise<boolean>,
  target: Target,
  waiters: Map<number, () => void>,
  pairs: number,
  rate: number,
): Promise<LoadResult> {
  const pool = new Pool(target, OPEN_LOOP_CONNECTIONS);
  let seq = 0;
  try {
    return await openLoop({
      rate,
      durationMs: SECONDS * 1000,
      maxInFlight: OPEN_LOOP_CONNECTIONS,
      action: async () => {
        const n = seq++;
        const from = (n * 2) % pairs;
        const delivered = heardWithin(waiters, n);
        const sent = await send(pool, n, from, from + 1).catch(() => false);
        if (!sent) {
          waiters.get(n)?.();
          return false;
        }
        return delivered;
      },
    });
  } finally {
    pool.close();
  }
}

const BENCH_TAG = /bench#(\d+)/;

async function main(): Promise<void> {
  const host = await machine();
  say(`machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}`);
  const work = mkdtempSync(join(tmpdir(), 'meetcute-bench-'));
  const data = join(work, 'data');
  try {
    await measureWrites(work, data);
    if (values['only-ads']) {
      await measureAds(data);
      for (const f of figures) say(`${f.name}: ${f.value} ${f.unit} (${f.ratio}× ${f.baseline})`);
      return;
    }
    await measureApp(data, await measureHelloWorld());
    await report(host);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes: raw node:sqlite, then the importer and the news projection. */
async function measureWrites(work: string, data: string): Promise<void> {
  const sqlite = {
    name: 'raw_sqlite.batched_insert_events_per_s',
    value: rawInsertRate({ events: 100_000, batch: 1000 }),
  };
  say(`raw node:sqlite batched inserts: ${sqlite.value.toFixed(0)} events/s`);
  figures.push(baselineFigure(sqlite, 'events/s'));
  if (values.data) {
    cpSync(values.data, data, { recursive: true });
    notes.push(`Served a copy of ${values.data}: generation, import and projection were not measured.`);
    return;
  }
  const seeded = await seedCommunity(data, join(work, 'community.ndjson.gz'));
  figures.push(
    figure('import.events_per_s', seeded.import.count / seeded.import.seconds, 'events/s', sqlite),
    figure(
      'projection.news.events_per_s',
      seeded.projection.count / seeded.projection.seconds,
      'events/s',
      sqlite,
    ),
    figure('generate.records_per_s', seeded.generate.count / seeded.generate.seconds, 'records/s', sqlite),
  );
}

/** The HTTP baselines: hello world through the suite's own client, and through wrk when it is installed. */
interface HelloWorld {
  hello: HttpMeasure;
  wrkHello: WrkResult | null;
}

async function measureHelloWorld(): Promise<HelloWorld> {
  const helloServer = await Child.start<{ type: 'ready'; port: number }>(here('baselines/hello.ts'), []);
  const hello = await measureHttp(
    'hello world',
    { host: '127.0.0.1', port: helloServer.ready.port },
    async (pool) => ok((await pool.request('GET', '/')).status),
  );
  const withWrk = await hasWrk();
  if (!withWrk)
    notes.push('wrk is not installed: the maximum rates were read with the suite’s own client only.');
  const wrkHello = withWrk
    ? await wrk({
        port: helloServer.ready.port,
        requests: [{ path: '/', headers: {} }],
        seconds: SECONDS,
        connections: 64,
      })
    : null;
  if (wrkHello) {
    say(`hello world (wrk): ${wrkHello.rps.toFixed(0)}/s`);
    figures.push(baselineFigure({ name: 'wrk.hello_world.max_rps', value: wrkHello.rps }, 'req/s'));
  }
  await helloServer.stop();
  figures.push(
    baselineFigure({ name: 'hello_world.max_rps', value: hello.max.throughput }, 'req/s'),
    baselineFigure({ name: 'hello_world.p99_at_70pct', value: hello.open.latency.percentile(99) }, 'ms'),
  );
  return { hello, wrkHello };
}

/** The app's hot paths over HTTP; then, in a fresh server, live connections and chat. */
async function measureApp(data: string, { hello, wrkHello }: HelloWorld): Promise<void> {
  say('starting the app…');
  let app = await serveApp(data, 1000);
  try {
    const target: Target = { host: '127.0.0.1', port: app.ready.port };
    await measureHotPaths(target, app.ready, hello);
    await measureLongPoll(target, app.ready, hello);
    // The same maximum rates through wrk, against wrk's hello world.
    if (wrkHello) await measureWithWrk(target, app.ready, wrkHello);
    await app.stop();

    // Live connections in a fresh server, so its memory is not the HTTP runs' leftovers.
    say(`starting the app again with ${Math.max(CONNECTIONS, 1000)} sessions…`);
    app = await serveApp(data, Math.max(CONNECTIONS, 1000));
    target.port = app.ready.port;
    await measureLive(app, target);
  } finally {
    await app.stop();
  }
  // Last, in a third server, so the campaign's impressions weigh on no other figure.
  await measureAds(data);
}

type Send = (pool: Pool, i: number) => Promise<boolean>;

/** Request i's session cookie, taking the first thousand sessions in turn. */
const sessionCookie = (sessions: Session[]) => (i: number) => ({ cookie: sessions[i % 1000]!.cookie });

/** A profile to read for request i, spread over all members. */
const profilePath = (members: Member[]) => (i: number) =>
  `/api/v1/profiles/${members[(i * 7919) % members.length]!.memberId}`;

/** The app's hot paths through the suite's own client, each against hello world. */
async function measureHotPaths(target: Target, ready: ServeReady, hello: HttpMeasure): Promise<void> {
  const cookie = sessionCookie(ready.sessions);
  const appGet =
    (path: (i: number) => string): Send =>
    async (pool, i) =>
      ok((await pool.request('GET', path(i), cookie(i))).status);
  const html =
    (path: string): Send =>
    async (pool, i) =>
      ok((await pool.request('GET', path, { ...cookie(i), accept: 'text/html' })).status);
  const runs: Array<[name: string, label: string, send: Send]> = [
    ['heartbeat', 'heartbeat', async (pool) => ok((await pool.request('GET', '/heartbeat')).status)],
    ['profile_read', 'profile read', appGet(profilePath(ready.members))],
    ['search', 'search', appGet(() => '/api/v1/search')],
    ['news_page', 'news page', appGet(() => '/api/v1/news')],
    ['alerts_page', 'alerts page', appGet(() => '/api/v1/alerts')],
    // The same two as the server-rendered pages a phone without JavaScript gets.
    ['news_html', 'news page (HTML)', html('/news')],
    ['alerts_html', 'alerts page (HTML)', html('/alerts')],
  ];
  for (const [name, label, send] of runs) httpFigures(name, await measureHttp(label, target, send), hello);
}

/** A long-poll that finds nothing new answers at once with wait=0: the request rate the hub sustains. */
async function measureLongPoll(target: Target, ready: ServeReady, hello: HttpMeasure): Promise<void> {
  const cookie = sessionCookie(ready.sessions);
  const poll = new Pool(target, CONCURRENCY);
  let p = 0;
  const polled = await closedLoop({
    concurrency: CONCURRENCY,
    warmupMs: 1000,
    durationMs: SECONDS * 1000,
    action: async () =>
      ok((await poll.request('GET', '/api/v1/live/poll?after=9000000000000000&wait=0', cookie(p++))).status),
  });
  poll.close();
  say(`long-poll: ${polled.throughput.toFixed(0)}/s (${polled.errors} errors)`);
  figures.push(
    figure('live.long_poll_rps', polled.throughput, 'req/s', {
      name: 'hello_world.max_rps',
      value: hello.max.throughput,
    }),
  );
}

/** The hot paths' maximum rates through wrk, against wrk's hello world. */
async function measureWithWrk(target: Target, ready: ServeReady, wrkHello: WrkResult): Promise<void> {
  const cookie = sessionCookie(ready.sessions);
  type Requests = Array<{ path: string; headers: Record<string, string> }>;
  const bySession = (path: (i: number) => string, extra: Record<string, string> = {}): Requests =>
    Array.from({ length: 200 }, (_, i) => ({ path: path(i), headers: { ...cookie(i), ...extra } }));
  const runs: Array<[string, Requests]> = [
    ['heartbeat', [{ path: '/heartbeat', headers: {} }]],
    ['profile_read', bySession(profilePath(ready.members))],
    ['search', bySession(() => '/api/v1/search')],
    ['news_page', bySession(() => '/api/v1/news')],
    ['alerts_page', bySession(() => '/api/v1/alerts')],
    ['news_html', bySession(() => '/news', { accept: 'text/html' })],
    ['alerts_html', bySession(() => '/alerts', { accept: 'text/html' })],
    ['long_poll', bySession(() => '/api/v1/live/poll?after=9000000000000000&wait=0')],
  ];
  for (const [name, requests] of runs) {
    // Profile reads pair viewers and profiles at random, so most are a first visit (a write), as above.
    const result = await wrk({
      port: target.port,
      requests,
      seconds: SECONDS,
      connections: 64,
      shuffle: name === 'profile_read',
    });
    say(`${name} (wrk): ${result.rps.toFixed(0)}/s, p99 ${result.p99Ms ?? '?'} ms, ${result.errors} not 2xx`);
    if (result.errors > 0) notes.push(`${name} (wrk): ${result.errors} responses were not 2xx.`);
    figures.push(
      figure(`wrk.${name}.max_rps`, result.rps, 'req/s', {
        name: 'wrk.hello_world.max_rps',
        value: wrkHello.rps,
      }),
    );
  }
}

/** What the app's idle live connections cost. */
interface AppLive {
  open: number;
  perConnection: number;
  rssPerConnection: number;
}

/** Chat delivery as measured, at the rate it was measured at. */
interface ChatDelivery {
  result: LoadResult;
  rate: number;
}

/** Idle live connections, then chat delivery while they are all connected; then the same with raw ws. */
async function measureLive(app: Child<ServeReady>, target: Target): Promise<void> {
  say(`opening ${CONNECTIONS} live connections to the app…`);
  const waiters = new Map<number, () => void>();
  const onMessage = (_i: number, text: string) => {
    if (!text.includes('chat.message')) return;
    const seq = BENCH_TAG.exec(text)?.[1];
    if (seq !== undefined) waiters.get(Number(seq))?.();
  };
  const sessions = app.ready.sessions;
  const before = await app.memory();
  const clients = await openMany(CONNECTIONS, () => `ws://127.0.0.1:${target.port}/live/ws`, {
    headers: (i) => ({ cookie: sessions[i]!.cookie }),
    onMessage,
  });
  await sleep(1000);
  const after = await app.memory();
  const settling = performance.now();
  await app.ask('settle');
  say(`the app settled ${((performance.now() - settling) / 1000).toFixed(1)} s after the connections opened`);
  const appLive: AppLive = {
    open: clients.sockets.length,
    perConnection: perConnection(before, after, clients.sockets.length),
    rssPerConnection: (after.rss - before.rss) / Math.max(1, clients.sockets.length),
  };
  say(
    `app: ${appLive.open} open (${clients.failed} failed${clients.firstError ? `: ${clients.firstError}` : ''}), ${(appLive.perConnection / 1024).toFixed(1)} KiB each`,
  );
  const chat = await measureChat(target, sessions, waiters, appLive.open);
  await clients.close();
  await measureRawWs(appLive, chat);
}

/** How fast members can send, then send-to-deliver latency at 70% of that (at most --chat-rate). */
async function measureChat(
  target: Target,
  sessions: Session[],
  waiters: Map<number, () => void>,
  connected: number,
): Promise<ChatDelivery | null> {
  const docs = new Pool(target, 1);
  const hasChat = (await docs.request('GET', '/api/openapi.json')).body
    .toString()
    .includes('/api/v1/chats/{memberId}/messages');
  docs.close();
  if (!hasChat) {
    notes.push('Chat is not registered in this build: chat delivery was not measured.');
    return null;
  }
  const chatStatuses = new Map<number, number>();
  // Pairs of connected sessions of different members: 0→1, 2→3, …
  const pairs = distinctPairs(sessions.slice(0, CONNECTIONS));
  const sendChat = async (pool: Pool, seq: number, from: number, to: number) => {
    const r = await pool.request(
      'POST',
      `/api/v1/chats/${pairs[to]!.memberId}/messages`,
      { cookie: pairs[from]!.cookie, 'content-type': 'application/json' },
      JSON.stringify({ body: `Hej! bench#${seq}` }),
    );
    chatStatuses.set(r.status, (chatStatuses.get(r.status) ?? 0) + 1);
    return r.status === 201;
  };
  const usable = pairs.length - (pairs.length % 2);
  const probe = new Pool(target, CONCURRENCY);
  let n = 1_000_000_000;
  const maxSend = await closedLoop({
    concurrency: CONCURRENCY,
    warmupMs: 500,
    durationMs: Math.min(3, SECONDS) * 1000,
    action: () => {
      const k = n++;
      const from = (k * 2) % usable;
      return sendChat(probe, k, from, from + 1);
    },
  });
  probe.close();
  const rate = Math.max(1, Math.min(CHAT_RATE, Math.floor(maxSend.throughput * 0.7)));
  say(`chat: at most ${maxSend.throughput.toFixed(0)} sends/s; measuring delivery at ${rate}/s`);
  const chat = await chatDelivery(sendChat, target, waiters, usable, rate);
  const failures = [...chatStatuses].filter(([status]) => status !== 201);
  if (failures.length > 0)
    notes.push(`chat sends answered ${failures.map(([status, n]) => `${status} ×${n}`).join(', ')}.`);
  const s = chat.latency.summary();
  say(`chat: ${rate}/s with ${connected} connected: p50 ${s.p50} ms, p99 ${s.p99} ms, ${chat.errors} failed`);
  return { result: chat, rate };
}

/** The same idle connections and chat delivery with raw ws: the live figures' baselines. */
async function measureRawWs(appLive: AppLive, chat: ChatDelivery | null): Promise<void> {
  const raw = await Child.start<{ type: 'ready'; port: number }>(here('baselines/ws.ts'), []);
  const rawBefore = await raw.memory();
  const rawWaiters = new Map<number, () => void>();
  const rawClients = await openMany(CONNECTIONS, (i) => `ws://127.0.0.1:${raw.ready.port}/?id=${i}`, {
    onMessage: (_i, text) => {
      const seq = BENCH_TAG.exec(text)?.[1];
      if (seq !== undefined) rawWaiters.get(Number(seq))?.();
    },
  });
  await sleep(1000);
  const rawAfter = await raw.memory();
  const rawPer = perConnection(rawBefore, rawAfter, rawClients.sockets.length);
  const rawRss = (rawAfter.rss - rawBefore.rss) / Math.max(1, rawClients.sockets.length);
  say(`raw ws: ${rawClients.sockets.length} open, ${(rawPer / 1024).toFixed(1)} KiB each`);
  figures.push(
    baselineFigure({ name: 'raw_ws.idle_connections', value: rawClients.sockets.length }, 'connections'),
    figure('live.idle_connections', appLive.open, 'connections', {
      name: 'raw_ws.idle_connections',
      value: rawClients.sockets.length,
    }),
    baselineFigure({ name: 'raw_ws.memory_per_connection', value: rawPer }, 'bytes'),
    figure('live.memory_per_connection', appLive.perConnection, 'bytes', {
      name: 'raw_ws.memory_per_connection',
      value: rawPer,
    }),
    baselineFigure({ name: 'raw_ws.rss_per_connection', value: rawRss }, 'bytes'),
    figure('live.rss_per_connection', appLive.rssPerConnection, 'bytes', {
      name: 'raw_ws.rss_per_connection',
      value: rawRss,
    }),
  );
  if (chat) {
    const pairs = rawClients.sockets.length - (rawClients.sockets.length % 2);
    await compareChatDelivery(chat, { host: '127.0.0.1', port: raw.ready.port }, rawWaiters, pairs);
  }
  await rawClients.close();
  await raw.stop();
}

/** Chat delivery through the raw ws server at the rate the app was measured at, as the chat figures' baseline. */
async function compareChatDelivery(
  chat: ChatDelivery,
  raw: Target,
  rawWaiters: Map<number, () => void>,
  pairs: number,
): Promise<void> {
  const rawChat = await chatDelivery(
    async (pool, seq, _from, to) =>
      (
        await pool.request(
          'POST',
          `/send?to=${to}`,
          { 'content-type': 'application/json' },
          JSON.stringify({ body: `bench#${seq}` }),
        )
      ).status === 201,
    raw,
    rawWaiters,
    pairs,
    chat.rate,
  );
  const { result } = chat;
  const baseline = { name: 'raw_ws.delivery_p99', value: rawChat.latency.percentile(99) };
  figures.push(
    baselineFigure(baseline, 'ms'),
    figure('chat.delivery_p99', result.latency.percentile(99), 'ms', baseline),
    figure('chat.delivery_p50', result.latency.percentile(50), 'ms', {
      name: 'raw_ws.delivery_p50',
      value: rawChat.latency.percentile(50),
    }),
    figure('chat.delivered_per_s', result.ok / result.seconds, 'msg/s', {
      name: 'raw_ws.delivered_per_s',
      value: rawChat.ok / rawChat.seconds,
    }),
  );
  if (result.errors > 0)
    notes.push(
      `chat: ${result.errors} of ${result.ok + result.errors} messages were not delivered within 5 s.`,
    );
}

/**
 * What each socket holds in the JavaScript heap and in buffers outside it, after full
 * GCs. RSS is reported too, but the allocator keeps freed pages, so its delta swings
 * with whatever the process freed before the sockets opened.
 */
function perConnection(before: Memory, after: Memory, sockets: number): number {
  return (after.heapUsed + after.external - before.heapUsed - before.external) / Math.max(1, sockets);
}

function serveApp(data: string, sessions: number, ads = false): Promise<Child<ServeReady>> {
  return Child.start<ServeReady>(here('target.ts'), [
    '--mode=serve',
    `--data=${data}`,
    `--sessions=${sessions}`,
    `--ads=${ads ? 'on' : 'off'}`,
  ]);
}

/**
 * The news and alerts pages with a campaign for everyone running, each against the same
 * page with the campaign paused, in the same server (issue 16: within 10%). Both are
 * measured warm: every member's first visit (the nav counter, the views) is made first,
 * since the server is fresh. Off and on take turns (off, on, on, off) so that the
 * server warming further, or the machine changing, weighs on both alike.
 */
async function measureAds(data: string): Promise<void> {
  say('starting the app with a campaign for everyone…');
  const app = await serveApp(data, 1000, true);
  try {
    const target: Target = { host: '127.0.0.1', port: app.ready.port };
    const cookie = sessionCookie(app.ready.sessions);
    const pages = [
      ['news_html', '/news'],
      ['alerts_html', '/alerts'],
    ] as const;
    await firstVisits(
      target,
      cookie,
      pages.map(([, path]) => path),
    );
    for (const [name, path] of pages) {
      const send: Send = async (pool, i) =>
        ok((await pool.request('GET', path, { ...cookie(i), accept: 'text/html' })).status);
      const runs: Record<'on' | 'off', HttpMeasure[]> = { on: [], off: [] };
      for (const ads of ['off', 'on', 'on', 'off'] as const) {
        await app.ask('campaign', ads === 'on' ? 'active' : 'paused');
        runs[ads].push(await measureHttp(`${name} with ads ${ads}`, target, send));
      }
      const mean = (measures: HttpMeasure[], of: (m: HttpMeasure) => number) =>
        measures.reduce((sum, m) => sum + of(m), 0) / measures.length;
      const maxRps = (m: HttpMeasure) => m.max.throughput;
      const p99 = (m: HttpMeasure) => m.open.latency.percentile(99);
      const off = { name: `ads_off.${name}.max_rps`, value: mean(runs.off, maxRps) };
      const offP99 = { name: `ads_off.${name}.p99_at_70pct`, value: mean(runs.off, p99) };
      figures.push(
        baselineFigure(off, 'req/s'),
        figure(`ads_on.${name}.max_rps`, mean(runs.on, maxRps), 'req/s', off),
        baselineFigure(offP99, 'ms'),
        figure(`ads_on.${name}.p99_at_70pct`, mean(runs.on, p99), 'ms', offP99),
      );
    }
  } finally {
    await app.stop();
  }
}

/** Each of the first thousand sessions opens each page once, unmeasured, as members' first visits. */
async function firstVisits(
  target: Target,
  cookie: (i: number) => { cookie: string },
  paths: readonly string[],
) {
  const pool = new Pool(target, CONCURRENCY);
  try {
    for (const path of paths)
      for (let from = 0; from < 1000; from += CONCURRENCY)
        await Promise.all(
          Array.from({ length: CONCURRENCY }, (_, k) =>
            pool.request('GET', path, { ...cookie(from + k), accept: 'text/html' }),
          ),
        );
  } finally {
    pool.close();
  }
}

/** Consecutive sessions of two different members, so nobody is asked to write to themself. */
function distinctPairs(sessions: Session[]): Session[] {
  const out: Session[] = [];
  for (let i = 0; i + 1 < sessions.length; i += 2) {
    if (sessions[i]!.memberId !== sessions[i + 1]!.memberId) out.push(sessions[i]!, sessions[i + 1]!);
  }
  return out;
}

async function report(host: Awaited<ReturnType<typeof machine>>): Promise<void> {
  await writeFigures(values.out, figures);
  const verdicts = judge(GOALS, figures);
  const current = await readFile(values.doc, 'utf8').catch(() => '# Benchmarks\n');
  let doc = replaceBetween(current, 'machine', machineLines(host));
  doc = replaceBetween(
    doc,
    'run',
    `${MEMBERS} members, ${CONNECTIONS} live connections, ${SECONDS} s per measurement, chat at ${CHAT_RATE} messages/s; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.${notes.length ? `\n\n${notes.map((n) => `- ${n}`).join('\n')}` : ''}`,
  );
  doc = replaceBetween(doc, 'targets', verdictTable(verdicts));
  doc = replaceBetween(doc, 'figures', figureTable(figures));
  await writeFormatted(values.doc, doc);
  say(`wrote ${values.out} and ${values.doc}`);
  for (const v of verdicts)
    say(`${v.met === null ? 'n/a   ' : v.met ? 'met   ' : 'missed'} ${v.title}: ${v.measured}`);
}

await main();
