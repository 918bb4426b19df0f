// One endpoint, one closed loop, against a copy of a seeded data directory: the quick
// before/after check while working on a hot path (the whole suite takes minutes).
//   node bench/src/probe.ts --data DIR --path /api/v1/news [--html] [--seconds 5] [--cpu-prof DIR] [--sql]
// Seed a directory once with: node bench/src/target.ts --mode=seed --data DIR --dump DIR.ndjson.gz --members 1000
// --ads runs a campaign every member fits, as the suite's figures with ads on do.
// --path may hold {member}: each request then names another approved member.
// --chat sends chat messages instead (POST, from session 2k to the member of session 2k+1, as the suite's pairs).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closedLoop } from './load.ts';
import { openMany, type LiveClients } from './live.ts';
import { Pool } from './http.ts';
import { Child } from './processes.ts';
import type { ServeReady } from './target.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    path: { type: 'string', default: '/api/v1/news' },
    html: { type: 'boolean', default: false },
    chat: { type: 'boolean', default: false },
    // Live connections held open (one per session, as many sessions as needed) while measuring.
    sockets: { type: 'string', default: '0' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    'cpu-prof': { type: 'string' },
    // Also measures raw Fastify's hello world the same way, for a ratio.
    hello: { type: 'boolean', default: false },
    // Paths each session asks once, in order, before measuring, as the suite's earlier runs do
    // (e.g. /api/v1/news before /news), so what is measured starts from the same views.
    before: { type: 'string', multiple: true },
    // The share of requests the server traces (0 to 1); the site's default when left out.
    'trace-ratio': { type: 'string', default: '' },
    // Instead of a timed loop: every session asks --path once (a member's first request, the
    // cold path), and the server's CPU per request over those is the figure.
    once: { type: 'boolean', default: false },
    // A campaign every member fits, running while measuring (as the suite's "with ads" figures).
    ads: { type: 'boolean', default: false },
    // A CPU profile of the server over the measured requests only (not its start, nor --before), to this file.
    'window-prof': { type: 'string' },
    // SQLite's time by statement over the measured requests (sql-timer.ts), printed after them.
    sql: { type: 'boolean', default: false },
  },
});
if (!values.data) throw new Error('probe needs --data <a seeded directory>');
if (values['cpu-prof']) Child.execArgv.push('--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`);
if (values.sql) Child.execArgv.push('--import', join(import.meta.dirname, 'sql-timer-preload.ts'));

async function loop(port: number, send: (pool: Pool, n: number) => Promise<boolean>) {
  const pool = new Pool({ host: '127.0.0.1', port }, Number(values.concurrency));
  let i = 0;
  try {
    return await closedLoop({
      concurrency: Number(values.concurrency),
      warmupMs: 1000,
      durationMs: Number(values.seconds) * 1000,
      action: () => send(pool, i++),
    });
  } finally {
    pool.close();
  }
}

let hello = 0;
if (values.hello) {
  const server = await Child.start<{ type: 'ready'; port: number }>(
    join(import.meta.dirname, 'baselines', 'hello.ts'),
    [],
  );
  const result = await loop(
    server.ready.port,
    async (pool) => (await pool.request('GET', '/')).status === 200,
  );
  await server.stop();
  hello = result.throughput;
  process.stdout.write(`hello world: ${hello.toFixed(0)} req/s\n`);
}

/** Every session asks `path` once, a few at a time. */
async function askOnce(port: number, path: string, sessions: ServeReady['sessions']): Promise<void> {
  const pool = new Pool({ host: '127.0.0.1', port }, Number(values.concurrency));
  try {
    await Promise.all(sessions.map((s) => pool.request('GET', path, { cookie: s.cookie })));
  } finally {
    pool.close();
  }
}

/** Every session's request once (`n` = 0 … count - 1), a few at a time: a member's first request. */
async function once(
  port: number,
  count: number,
  send: (pool: Pool, n: number) => Promise<boolean>,
  label: string,
): Promise<void> {
  const pool = new Pool({ host: '127.0.0.1', port }, Number(values.concurrency));
  try {
    const answers = await Promise.all(
      Array.from({ length: count }, (_, n) => send(pool, n).catch(() => false)),
    );
    const failed = answers.filter((ok) => !ok).length;
    process.stdout.write(`${label}: ${count} first requests, ${failed} errors\n`);
  } finally {
    pool.close();
  }
}

/** What failed requests answered, so an error count comes with its reason. */
const failures = new Map<string, number>();

const work = mkdtempSync(join(tmpdir(), 'meetcute-probe-'));
cpSync(values.data, work, { recursive: true });
const app = await Child.start<ServeReady>(join(import.meta.dirname, 'target.ts'), [
  '--mode=serve',
  `--data=${work}`,
  `--sessions=${Math.max(1000, Number(values.sockets))}`,
  `--trace-ratio=${values['trace-ratio']}`,
  `--ads=${values.ads ? 'on' : 'off'}`,
]);
let live: LiveClients | null = null;
try {
  const { members, sessions } = app.ready;
  if (Number(values.sockets) > 0) {
    live = await openMany(Number(values.sockets), () => `ws://127.0.0.1:${app.ready.port}/live/ws`, {
      headers: (i) => ({ cookie: sessions[i]!.cookie }),
    });
    process.stdout.write(`${live.sockets.length} live connections open (${live.failed} failed)\n`);
  }
  for (const path of values.before ?? []) await askOnce(app.ready.port, path, sessions);
  const send = async (pool: Pool, n: number): Promise<boolean> => {
    const note = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
    let path = values.path.replace('{member}', members[(n * 7919) % members.length]!.memberId);
    const headers: Record<string, string> = { cookie: sessions[n % sessions.length]!.cookie };
    if (values.html) headers.accept = 'text/html';
    let body: string | undefined;
    if (values.chat) {
      const from = (n * 2) % (sessions.length - (sessions.length % 2));
      path = `/api/v1/chats/${sessions[from + 1]!.memberId}/messages`;
      headers.cookie = sessions[from]!.cookie;
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ body: `Hej! probe#${n}` });
    }
    const response = await pool
      .request(values.chat ? 'POST' : 'GET', path, headers, body)
      .catch((error: Error) => {
        note(error.message);
        throw error;
      });
    const ok = response.status >= 200 && response.status < 300;
    if (!ok)
      note(
        `${response.status} ${path} as ${sessions[n % sessions.length]!.memberId}: ${response.body.toString().slice(0, 120)}`,
      );
    return ok;
  };
  // The server's CPU per request, warm-up and the work the requests left behind (projections
  // catching up) included: the figure to compare on a machine shared with other work.
  if (values['window-prof']) await app.ask('profileStart');
  if (values.sql) await app.ask('sqlStart');
  const cpuBefore = await app.ask<number>('cpu');
  let asked = 0;
  const counted = (pool: Pool, n: number) => send(pool, n).finally(() => asked++);
  const label = values.chat ? 'chat sends' : values.path;
  if (values.once) await once(app.ready.port, sessions.length, counted, label);
  else {
    const result = await loop(app.ready.port, counted);
    const s = result.latency.summary();
    const ratio = hello > 0 ? ` (${(result.throughput / hello).toFixed(3)}× hello world)` : '';
    process.stdout.write(
      `${label}: ${result.throughput.toFixed(0)} req/s${ratio}, p50 ${s.p50} ms, p99 ${s.p99} ms, ${result.errors} errors\n`,
    );
  }
  await app.ask('settle');
  const cpu = (await app.ask<number>('cpu')) - cpuBefore;
  if (values['window-prof']) await app.ask('profileStop', values['window-prof']);
  process.stdout.write(
    `server CPU: ${(cpu / Math.max(1, asked)).toFixed(0)} µs per request over ${asked} requests\n`,
  );
  if (values.sql) process.stdout.write(`${await app.ask<string>('sqlReport', asked)}\n`);
  for (const [answer, n] of failures) process.stdout.write(`  ${n} × ${answer}\n`);
} finally {
  await live?.close();
  await app.stop();
  rmSync(work, { recursive: true, force: true });
}
