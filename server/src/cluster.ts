// A cluster on one machine: nodes of Meetcute on one PostgreSQL database and one NATS,
// behind HAProxy (ops/haproxy.cfg). `make cluster` runs it; the cluster suite starts its
// own with the same functions.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const MAIN = join(import.meta.dirname, 'main.ts');
const HAPROXY_CONFIG = join(import.meta.dirname, '..', '..', 'ops', 'haproxy.cfg');

export interface Process {
  child: ChildProcess;
  /** Resolves when the process has exited, however. */
  exited: Promise<unknown>;
  /** What it wrote to stderr, for a failure's message. */
  errors(): string;
}

export interface Node extends Process {
  port: number;
  url: string;
}

export interface NodeOptions {
  port: number;
  databaseUrl: string;
  natsUrl: string;
  /** Where the site is reached (the proxy): links in mails start with it. */
  publicUrl: string;
  /** Shared by every node: photos and mail kept on disk. */
  dataDirectory: string;
  demo?: boolean;
  /** More settings for the node (tests loosen log-in limits). */
  env?: Record<string, string>;
}

/** Runs `work` on the server's `postgres` database, with the name of the database `databaseUrl` names. */
async function onServer(
  databaseUrl: string,
  work: (client: pg.Client, name: string) => Promise<void>,
): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`The cluster's database name ${name} must be [a-z0-9_]`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the cluster's database when it is missing. */
export function ensureDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  });
}

/** Connections one node opens: a pool per module's schema (24) and two lease sessions (consumers, chat groups). */
export const CONNECTIONS_PER_NODE_AND_POOL = 26;

/**
 * Says, before anything starts, when the server cannot take the connections the nodes
 * will open (each node keeps a pool per module): a clear message instead of "too many
 * clients" from a node half-way through its start.
 */
export async function checkConnections(databaseUrl: string, nodes: number, poolSize: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ max: string; used: string }>(
      "select current_setting('max_connections') as max, (select count(*) from pg_stat_activity) as used",
    );
    const max = Number(rows[0]?.max);
    const used = Number(rows[0]?.used);
    const needed = nodes * CONNECTIONS_PER_NODE_AND_POOL * poolSize + 5;
    if (max - used < needed)
      throw new Error(
        `PostgreSQL takes ${max} connections and ${used} are in use, but ${nodes} nodes with ` +
          `MEETCUTE_DATABASE_POOL_SIZE=${poolSize} need about ${needed}: raise max_connections ` +
          `(ALTER SYSTEM SET max_connections = ${Math.max(200, used + needed + 20)}; then restart PostgreSQL) or lower the pool size.`,
      );
  } finally {
    await client.end();
  }
}

/** Drops a database the cluster suite made. */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name) => {
    await client.query(`drop database if exists "${name}" with (force)`);
  });
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function watch(child: ChildProcess): Process {
  const exited = once(child, 'exit');
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  return { child, exited, errors: () => errors };
}

/** Starts one node and resolves once it serves. */
export async function startNode(options: NodeOptions): Promise<Node> {
  const args = ['--disable-warning=ExperimentalWarning', MAIN, 'serve', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      MEETCUTE_HOST: '127.0.0.1',
      MEETCUTE_PORT: String(options.port),
      MEETCUTE_DATABASE_URL: options.databaseUrl,
      MEETCUTE_NATS_URL: options.natsUrl,
      MEETCUTE_PUBLIC_URL: options.publicUrl,
      MEETCUTE_TRUST_PROXY: 'true',
      MEETCUTE_PHOTO_DIRECTORY: join(options.dataDirectory, 'photos'),
      MEETCUTE_MAIL_DIRECTORY: join(options.dataDirectory, 'mail'),
      MEETCUTE_MODERATORS: 'mo@example.com',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const node = watch(child);
  // Read and dropped: a node's log goes to its own stdout, which nobody may leave full.
  child.stdout?.resume();
  const url = `http://127.0.0.1:${options.port}`;
  // Serving once /ready answers 200; a demo seeding first takes a while.
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the node on port ${options.port} stopped before serving:\n${node.errors()}`);
    const status = await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (tries > 1800) throw new Error(`the node on port ${options.port} was not ready in three minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...node, port: options.port, url };
}

/** Starts HAProxy with ops/haproxy.cfg in front of the nodes; resolves once it listens. */
export async function startProxy(proxyPort: number, nodePorts: readonly number[]): Promise<Process> {
  if (nodePorts.length !== 3) throw new Error('ops/haproxy.cfg balances three nodes');
  const child = spawn('haproxy', ['-db', '-f', HAPROXY_CONFIG], {
    env: {
      PATH: process.env.PATH ?? '',
      MEETCUTE_PROXY_PORT: String(proxyPort),
      MEETCUTE_NODE1_PORT: String(nodePorts[0]),
      MEETCUTE_NODE2_PORT: String(nodePorts[1]),
      MEETCUTE_NODE3_PORT: String(nodePorts[2]),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const proxy = watch(child);
  child.on('error', () => undefined);
  const url = `http://127.0.0.1:${proxyPort}/ready`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`HAProxy stopped:\n${proxy.errors()}`);
    const answered = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (answered === 200) return proxy;
    // Health checks time out at 5 s: on a machine under load a node may take a while to pass two.
    if (tries > 600) {
      await stop(proxy);
      throw new Error(`HAProxy did not pass requests to a ready node in a minute:\n${proxy.errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function stop(started: Process, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill(signal);
  await started.exited;
}

/** Connections per module and node in `make cluster`: three nodes fit a server's usual 100. */
const POOL_SIZE = 1;

/** `make cluster`: three nodes and the proxy, until Ctrl-C. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/meetcute_cluster' },
      nats: { type: 'string', default: 'nats://127.0.0.1:4222' },
      port: { type: 'string', default: '3000' },
      data: { type: 'string', default: 'data/cluster' },
    },
  });
  const proxyPort = Number(values.port);
  const ports = [proxyPort + 1, proxyPort + 2, proxyPort + 3];
  const publicUrl = `http://localhost:${proxyPort}`;
  mkdirSync(values.data, { recursive: true });
  await ensureDatabase(values.database);
  await checkConnections(values.database, ports.length, POOL_SIZE);
  const running: Process[] = [];
  const stopAll = async () => {
    for (const started of running.reverse()) await stop(started);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
  const common = {
    databaseUrl: values.database,
    natsUrl: values.nats,
    publicUrl,
    dataDirectory: values.data,
    env: { MEETCUTE_DATABASE_POOL_SIZE: String(POOL_SIZE) },
  };
  try {
    // The first node migrates and seeds the demo community once; the others find it done.
    for (const [i, port] of ports.entries()) {
      const node = await startNode({ ...common, port, demo: i === 0 });
      running.push(node);
      process.stdout.write(`node ${i + 1} serves on ${node.url}\n`);
    }
    running.push(await startProxy(proxyPort, ports));
  } catch (error) {
    await stopAll();
    throw error;
  }
  process.stdout.write(
    `\nMeetcute is serving on ${publicUrl} through HAProxy (ops/haproxy.cfg), ` +
      `nodes on ${ports.join(', ')}, PostgreSQL ${values.database}, NATS ${values.nats}.\n` +
      `Log in as nancy@example.com / meetcute-demo. Ctrl-C stops everything.\n`,
  );
}

if (import.meta.main) await main();
