// What the cluster suites share: why they cannot run here, a cluster of real nodes behind
// HAProxy (optionally reaching PostgreSQL through a TCP proxy the test owns), members as
// API clients, their live channels, and bounded waits.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '@meetcute/core/testing';
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
} from '../src/cluster.ts';
import { TcpProxy } from '../faults/tcp-proxy.ts';

export const NATS_URL = 'nats://127.0.0.1:4222';
/** One connection per module and node: three nodes beside the rest fit the server. */
const POOL_SIZE = 1;
const PASSWORD = 'meetcute-demo';

export const databases = await testDatabases();

/** Whether something listens on the port of 127.0.0.1. */
export function listening(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Why this machine cannot run a NATS of a suite's own (to restart under load), or null. */
export function noNatsServer(): string | null {
  try {
    execFileSync('nats-server', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'nats-server is not installed (make nats-server, or apt-get install -y nats-server): NATS cannot be restarted here, the shared one belongs to the machine';
  }
}

/** Why a cluster suite cannot run here, or null. */
export async function missing(): Promise<string | null> {
  if (!databases.dialects.includes('postgres')) return `PostgreSQL is not reachable (${databases.skipped})`;
  if (!(await listening(4222)))
    return 'NATS is not reachable at 127.0.0.1:4222 (start one with: nats-server -js)';
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'HAProxy is not installed (make haproxy)';
  }
  return null;
}

/**
 * Three nodes on a database of their own (the first seeds the demo community), behind
 * HAProxy. With `cuttable` the nodes reach PostgreSQL through a TCP proxy the test owns,
 * so it can cut the database off for the whole cluster without touching the server.
 */
export class Cluster {
  readonly nodes: Node[] = [];
  site = '';
  database: TcpProxy | null = null;
  /** The cluster's own NATS, when it runs one (`ownNats`): the suite may stop and start it. */
  nats: { port: number; process: Process | null } | null = null;
  readonly #databaseUrl: string;
  readonly #data = mkdtempSync(join(tmpdir(), 'meetcute-cluster-'));
  #proxy: Process | null = null;
  #common: Parameters<typeof startNode>[0] | null = null;

  constructor(name: string) {
    const url = new URL(databases.postgresUrl);
    url.pathname = `/meetcute_cluster_${name}_${process.pid}`;
    this.#databaseUrl = url.toString();
  }

  async start(
    options: { cuttable?: boolean; ownNats?: boolean; env?: Record<string, string> } = {},
  ): Promise<void> {
    await ensureDatabase(this.#databaseUrl);
    await checkConnections(this.#databaseUrl, 3, POOL_SIZE);
    let nodesDatabase = this.#databaseUrl;
    if (options.cuttable) {
      const direct = new URL(this.#databaseUrl);
      this.database = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      await this.database.listen();
      direct.port = String(this.database.port);
      nodesDatabase = direct.toString();
    }
    let natsUrl = NATS_URL;
    if (options.ownNats) {
      this.nats = { port: await freePort(), process: null };
      await this.startNats();
      natsUrl = `nats://127.0.0.1:${this.nats.port}`;
    }
    const ports = [await freePort(), await freePort(), await freePort()];
    const proxyPort = await freePort();
    this.site = `http://127.0.0.1:${proxyPort}`;
    this.#common = {
      port: 0,
      databaseUrl: nodesDatabase,
      natsUrl,
      publicUrl: this.site,
      dataDirectory: this.#data,
      env: {
        MEETCUTE_LOGIN_LIMIT_PER_IP: '100000',
        MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '100000',
        MEETCUTE_LOG_LEVEL: 'warn',
        // Three nodes' pools must fit the server's max_connections beside other suites.
        MEETCUTE_DATABASE_POOL_SIZE: String(POOL_SIZE),
        ...options.env,
      },
    };
    for (const [i, port] of ports.entries())
      this.nodes.push(await startNode({ ...this.#common, port, demo: i === 0 }));
    this.#proxy = await startProxy(proxyPort, ports);
  }

  /**
   * Starts the cluster's own NATS (nats-server with JetStream, its store under the suite's
   * directory so a restart keeps it) on its port; resolves once it listens.
   */
  async startNats(): Promise<void> {
    const nats = this.nats!;
    const args = ['-a', '127.0.0.1', '-p', String(nats.port), '-js', '-sd', join(this.#data, 'nats')];
    const child = spawn('nats-server', args, { stdio: 'ignore' });
    child.on('error', () => undefined);
    nats.process = { child, exited: new Promise((resolve) => child.once('exit', resolve)), errors: () => '' };
    for (let tries = 0; !(await listening(nats.port)); tries++) {
      if (tries > 100) throw new Error('nats-server did not listen in 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Kills the cluster's own NATS: every node loses its broker at once. */
  async stopNats(): Promise<void> {
    if (this.nats?.process) await stop(this.nats.process, 'SIGKILL');
  }

  /** Kills node i (0-based) with SIGKILL: no goodbye to anyone. */
  async kill(i: number): Promise<void> {
    const node = this.nodes[i]!;
    node.child.kill('SIGKILL');
    await node.exited;
  }

  /** Starts node i again on its port, if it is not running. */
  async revive(i: number): Promise<void> {
    const node = this.nodes[i]!;
    if (node.child.exitCode === null && node.child.signalCode === null) return;
    this.nodes[i] = await startNode({ ...this.#common!, port: node.port });
  }

  /** The node HAProxy sent a response to (ops/haproxy.cfg names it): 0, 1 or 2. */
  static servedBy(response: Response): number {
    const name = response.headers.get('x-meetcute-node') ?? '';
    const i = Number(/^node(\d)$/.exec(name)?.[1]) - 1;
    assert.ok(i >= 0 && i < 3, `HAProxy names the node that answered: ${name}`);
    return i;
  }

  async close(): Promise<void> {
    if (this.#proxy) await stop(this.#proxy);
    for (const node of this.nodes) await stop(node);
    await this.database?.close();
    await this.stopNats();
    await dropDatabase(this.#databaseUrl);
    rmSync(this.#data, { recursive: true, force: true });
  }
}

/** A member's API client: a session cookie and the CSRF header, against one node or the proxy. */
export class Member {
  cookie = '';
  memberId = '';
  base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call(method: string, path: string, body?: unknown, base = this.base): Promise<Response> {
    const send = () =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: this.cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A kept-alive connection the proxy closed as a node went away: sent again on a new
    // one, as a browser does.
    return send().catch(send);
  }

  async logIn(email: string): Promise<this> {
    // Through the proxy just after a node died or came back, a first try may meet a 502.
    const response = await eventually('a log-in the proxy passes on', async () => {
      const tried = await this.call('POST', '/api/v1/sessions', { email, password: PASSWORD });
      return tried.status === 502 ? undefined : tried;
    });
    assert.equal(response.status, 200, await response.clone().text());
    this.cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.memberId = ((await response.json()) as { memberId: string }).memberId;
    return this;
  }
}

export interface Alerts {
  items?: Array<{ kind: string; actor?: { memberId: string } | null }>;
}

export interface Heard {
  type: string;
  data: unknown;
}

/** A stretch of a live channel: where it was served, and when it opened and ended (ms since the epoch). */
export interface Stretch {
  node: number | null;
  openedAt: number;
  endedAt: number | null;
}

/** Reads one SSE response, calling `heard` with each notification and its id; resolves when it ends. */
async function readEvents(response: Response, heard: (n: Heard, id: string | null) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        lines
          .filter((line) => line.startsWith(`${name}: `))
          .map((line) => line.slice(name.length + 2))
          .join('\n');
      const data = field('data');
      if (data) heard(JSON.parse(data) as Heard, field('id') || null);
    }
  }
}

/**
 * A member's live channel (SSE) on one node or through the proxy: what it hears, and a
 * way to wait for something. With `reconnect`, it opens again when it ends, resuming
 * after the last notification it heard, as a browser's EventSource does.
 */
export function listen(member: Member, base: string, options: { reconnect?: boolean } = {}) {
  const heard: Heard[] = [];
  const stretches: Stretch[] = [];
  const waiting: Array<{ test: (n: Heard) => boolean; resolve: (n: Heard) => void }> = [];
  const controller = new AbortController();
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  // From now on only (ids count microseconds): what it hears was pushed, not replayed.
  let after = String(Date.now() * 1000);
  const hear = (n: Heard, id: string | null) => {
    if (id) after = id;
    heard.push(n);
    for (const w of [...waiting]) {
      if (!w.test(n)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(n);
    }
  };
  const once = async () => {
    const response = await fetch(`${base}/live/events?after=${after}`, {
      headers: { cookie: member.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    const stretch: Stretch = {
      node: response.headers.has('x-meetcute-node') ? Cluster.servedBy(response) : null,
      openedAt: Date.now(),
      endedAt: null,
    };
    stretches.push(stretch);
    open();
    await readEvents(response, hear).catch(() => undefined);
    stretch.endedAt = Date.now();
  };
  const ended = (async () => {
    do {
      await once().catch(async () => {
        // Refused while the proxy has not yet seen the node go: try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
    } while (options.reconnect && !controller.signal.aborted);
  })().catch(() => undefined);
  return {
    heard,
    stretches,
    /** Resolves once a node holds the channel. */
    opened,
    /** Resolves with the first notification (heard already, or to come) that passes the test. */
    next(test: (n: Heard) => boolean): Promise<Heard> {
      const found = heard.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ test, resolve }));
    },
    ended,
    close: () => controller.abort(),
  };
}

/** Waits (bounded) until `check` holds, asking again every 100 ms. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Bounded: a test in these suites never waits for ever. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms),
    ),
  ]);
}
