// `make bench-cluster`: what a cluster costs on this machine, each figure beside a
// baseline measured in the same run. Cross-node delivery: a message sent on node 1
// reaches its recipient's live channel on node 2 (through whichever node owns the
// conversation's chat group), against raw NATS publish/subscribe at the same rate.
// Throughput: three nodes behind HAProxy against one node without it. On two cores the
// three nodes, the proxy, PostgreSQL, NATS and this client share the same two cores, so
// these figures show the cluster's overhead, not scale-out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { WebSocket } from 'ws';
import {
  checkConnections,
  dropDatabase,
  ensureDatabase,
  freePort,
  startNode,
  startProxy,
  stop,
  type Node,
  type Process,
} from '@meetcute/server/cluster';
import type { Summary } from './histogram.ts';
import { closedLoop, openLoop, type LoadResult } from './load.ts';
import { Pool, cookieFrom, type Target } from './http.ts';
import { heardWithin } from './live.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/meetcute_bench_cluster' },
    nats: { type: 'string', default: 'nats://127.0.0.1:4222' },
    seconds: { type: 'string', default: '8' },
    rate: { type: 'string', default: '1000' },
    out: { type: 'string', default: join(import.meta.dirname, '..', 'results', 'cluster.json') },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const CONCURRENCY = 32;
const IN_FLIGHT = 256;
/** Members of the demo community who write to each other: (sender on node 1, recipient on node 2). */
const PAIRS = [
  ['bob', 'nancy'],
  ['oskar', 'eve'],
  ['sami', 'astrid'],
  ['erik', 'linnea'],
];

const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Raw NATS at `rate` messages/s between two connections of this process: the floor for any cross-node hop. */
async function rawNats(rate: number): Promise<LoadResult> {
  const [publisher, subscriber] = [
    await connect({ servers: values.nats }),
    await connect({ servers: values.nats }),
  ];
  const subject = `bench.cluster.${process.pid}`;
  const waiting = new Map<number, () => void>();
  subscriber.subscribe(subject, { callback: (_e, m) => waiting.get(Number(m.string()))?.() });
  await subscriber.flush();
  let n = 0;
  try {
    return await openLoop({
      rate,
      durationMs: SECONDS * 1000,
      maxInFlight: IN_FLIGHT,
      action: () => {
        const k = n++;
        const heard = heardWithin(waiting, k);
        publisher.publish(subject, String(k));
        return heard;
      },
    });
  } finally {
    await publisher.close();
    await subscriber.close();
  }
}

interface Signed {
  cookie: string;
  memberId: string;
}

async function logIn(target: Target, who: string): Promise<Signed> {
  const pool = new Pool(target, 1);
  try {
    const body = JSON.stringify({ email: `${who}@example.com`, password: 'meetcute-demo' });
    const r = await pool.request('POST', '/api/v1/sessions', { 'content-type': 'application/json' }, body);
    if (r.status !== 200) throw new Error(`log-in of ${who} answered ${r.status}: ${r.body.toString()}`);
    const cookie = cookieFrom(r, 'mc_session') ?? '';
    return { cookie, memberId: (JSON.parse(r.body.toString()) as { memberId: string }).memberId };
  } finally {
    pool.close();
  }
}

/** Messages sent on node 1 to recipients whose live channel (WebSocket) is on node 2. */
async function crossNode(nodes: Node[]): Promise<{ result: LoadResult; rate: number; max: number }> {
  const one: Target = { host: '127.0.0.1', port: nodes[0]!.port };
  const two: Target = { host: '127.0.0.1', port: nodes[1]!.port };
  const senders = await Promise.all(PAIRS.map(([from]) => logIn(one, from!)));
  const recipients = await Promise.all(PAIRS.map(([, to]) => logIn(two, to!)));
  const waiting = new Map<number, () => void>();
  const sockets = await Promise.all(
    recipients.map(
      (r) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(`ws://127.0.0.1:${nodes[1]!.port}/live/ws`, {
            headers: { cookie: r.cookie },
          });
          socket.on('message', (data: Buffer) => {
            const k = /cluster#(\d+)/.exec(data.toString())?.[1];
            if (k) waiting.get(Number(k))?.();
          });
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const pool = new Pool(one, IN_FLIGHT);
  let n = 0;
  const send = async (k: number) => {
    const i = k % PAIRS.length;
    const r = await pool.request(
      'POST',
      `/api/v1/chats/${recipients[i]!.memberId}/messages`,
      { cookie: senders[i]!.cookie, 'content-type': 'application/json' },
      JSON.stringify({ body: `cluster#${k}` }),
    );
    return r.status === 201;
  };
  try {
    const max = await closedLoop({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 3000,
      action: () => send(n++),
    });
    const rate = Math.max(1, Math.min(RATE, Math.floor(max.throughput * 0.7)));
    say(
      `cross-node: at most ${max.throughput.toFixed(0)} sends/s on node 1; measuring delivery at ${rate}/s`,
    );
    const result = await openLoop({
      rate,
      durationMs: SECONDS * 1000,
      maxInFlight: IN_FLIGHT,
      action: async () => {
        const k = n++;
        const heard = heardWithin(waiting, k);
        if (!(await send(k).catch(() => false))) {
          waiting.get(k)?.();
          return false;
        }
        return heard;
      },
    });
    return { result, rate, max: max.throughput };
  } finally {
    pool.close();
    for (const socket of sockets) socket.terminate();
  }
}

/** Reads a member makes on every page (the conversation list), as fast as they go. */
async function throughput(target: Target, member: Signed): Promise<LoadResult> {
  const pool = new Pool(target, CONCURRENCY);
  try {
    return await closedLoop({
      concurrency: CONCURRENCY,
      warmupMs: 2000,
      durationMs: SECONDS * 1000,
      action: async () =>
        (await pool.request('GET', '/api/v1/chats', { cookie: member.cookie })).status === 200,
    });
  } finally {
    pool.close();
  }
}

const line = (name: string, s: Summary, extra = '') =>
  `${name.padEnd(44)} p50 ${String(s.p50).padStart(8)} ms  p99 ${String(s.p99).padStart(8)} ms${extra}`;

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-bench-cluster-'));
  await ensureDatabase(values.database);
  await checkConnections(values.database, 3, 1);
  const running: Process[] = [];
  const nodes: Node[] = [];
  try {
    const ports = [await freePort(), await freePort(), await freePort()];
    const proxyPort = await freePort();
    const env = {
      MEETCUTE_DATABASE_POOL_SIZE: '1',
      MEETCUTE_LOG_LEVEL: 'warn',
      MEETCUTE_LOGIN_LIMIT_PER_IP: '100000',
      MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '100000',
    };
    const common = {
      databaseUrl: values.database,
      natsUrl: values.nats,
      publicUrl: `http://127.0.0.1:${proxyPort}`,
      dataDirectory: data,
      env,
    };
    say('starting three nodes (the first seeds the demo community) and HAProxy…');
    for (const [i, port] of ports.entries()) nodes.push(await startNode({ ...common, port, demo: i === 0 }));
    running.push(...nodes, await startProxy(proxyPort, ports));
    // The nodes share the 64 chat groups out once all three have joined.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const nats = await rawNats(RATE);
    const cross = await crossNode(nodes);
    const reader = await logIn({ host: '127.0.0.1', port: proxyPort }, 'nancy');
    const proxied = await throughput({ host: '127.0.0.1', port: proxyPort }, reader);
    const alone = await throughput({ host: '127.0.0.1', port: nodes[0]!.port }, reader);
    const results = {
      machine: { cores: (await import('node:os')).cpus().length },
      rawNats: { rate: RATE, ...nats.latency.summary(), errors: nats.errors },
      crossNode: {
        rate: cross.rate,
        maxSends: Math.round(cross.max),
        ...cross.result.latency.summary(),
        errors: cross.result.errors,
        backlog: cross.result.backlog,
      },
      threeNodesBehindProxy: {
        perSecond: Math.round(proxied.throughput),
        ...proxied.latency.summary(),
        errors: proxied.errors,
      },
      oneNodeDirect: {
        perSecond: Math.round(alone.throughput),
        ...alone.latency.summary(),
        errors: alone.errors,
      },
    };
    writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(
      [
        line(`raw NATS pub/sub at ${RATE}/s`, nats.latency.summary(), `  (${nats.errors} lost)`),
        line(
          `cross-node chat delivery at ${cross.rate}/s`,
          cross.result.latency.summary(),
          `  (${cross.result.errors} failed, ${cross.result.backlog} never sent)`,
        ),
        line(`3 nodes behind HAProxy: ${Math.round(proxied.throughput)} reads/s`, proxied.latency.summary()),
        line(`1 node without it: ${Math.round(alone.throughput)} reads/s`, alone.latency.summary()),
        `written to ${values.out}`,
        '',
      ].join('\n'),
    );
  } finally {
    for (const started of running.reverse()) await stop(started);
    await dropDatabase(values.database);
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
