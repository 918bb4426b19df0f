// Three real nodes on one PostgreSQL database and one NATS, behind HAProxy
// (ops/haproxy.cfg), as `make cluster` runs them. What a member on one node does reaches a
// member on another live; a session ended on one node is ended on all; when the node that
// runs the consumers is killed, another takes them over and nothing committed is lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
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

const NATS_URL = 'nats://127.0.0.1:4222';
/** One connection per module and node: three nodes beside the rest fit the server. */
const POOL_SIZE = 1;
const PASSWORD = 'meetcute-demo';

const databases = await testDatabases();

/** Why the suite cannot run here, or null. */
async function missing(): Promise<string | null> {
  if (!databases.dialects.includes('postgres')) return `PostgreSQL is not reachable (${databases.skipped})`;
  const nats = await new Promise<boolean>((resolve) => {
    const socket = connect(4222, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (!nats) return 'NATS is not reachable at 127.0.0.1:4222 (start one with: nats-server -js)';
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'HAProxy is not installed (make haproxy)';
  }
  return null;
}

const why = await missing();
if (why) {
  process.stderr.write(`The cluster suite needs PostgreSQL, NATS and HAProxy: ${why}\n`);
  test(`the cluster (skipped: ${why})`, { skip: why }, () => undefined);
}

/** A member's API client: a session cookie and the CSRF header, against one node or the proxy. */
class Member {
  cookie = '';
  memberId = '';
  base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call(method: string, path: string, body?: unknown, base = this.base): Promise<Response> {
    return fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async logIn(email: string): Promise<this> {
    const response = await this.call('POST', '/api/v1/sessions', { email, password: PASSWORD });
    assert.equal(response.status, 200, await response.clone().text());
    this.cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.memberId = ((await response.json()) as { memberId: string }).memberId;
    return this;
  }
}

interface Alerts {
  items?: Array<{ kind: string; actor?: { memberId: string } | null }>;
}

interface Heard {
  type: string;
  data: unknown;
}

/** A member's live channel (SSE) on one node: what it hears, and a way to wait for something. */
function listen(member: Member, base: string) {
  const heard: Heard[] = [];
  const waiting: Array<{ test: (n: Heard) => boolean; resolve: (n: Heard) => void }> = [];
  const controller = new AbortController();
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const ended = (async () => {
    // From now on only (ids count microseconds): what it hears was pushed, not replayed.
    const response = await fetch(`${base}/live/events?after=${Date.now() * 1000}`, {
      headers: { cookie: member.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    open();
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (!data) continue;
        const n = JSON.parse(data) as Heard;
        heard.push(n);
        for (const w of [...waiting]) {
          if (w.test(n)) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(n);
          }
        }
      }
    }
  })().catch(() => undefined);
  return {
    heard,
    /** Resolves once the node holds the channel. */
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
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Bounded: a test in this suite never waits for ever. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms),
    ),
  ]);
}

describe('three nodes behind HAProxy on PostgreSQL and NATS', { skip: why ?? false }, () => {
  const databaseUrl = (() => {
    const url = new URL(databases.postgresUrl);
    url.pathname = `/meetcute_cluster_test_${process.pid}`;
    return url.toString();
  })();
  const data = mkdtempSync(join(tmpdir(), 'meetcute-cluster-'));
  const nodes: Node[] = [];
  let proxy: Process | null = null;
  let site = '';
  let common: Parameters<typeof startNode>[0];

  before(async () => {
    await ensureDatabase(databaseUrl);
    await checkConnections(databaseUrl, 3, POOL_SIZE);
    const ports = [await freePort(), await freePort(), await freePort()];
    const proxyPort = await freePort();
    site = `http://127.0.0.1:${proxyPort}`;
    common = {
      port: 0,
      databaseUrl,
      natsUrl: NATS_URL,
      publicUrl: site,
      dataDirectory: data,
      // Three nodes' pools must fit the server's max_connections beside other suites.
      env: {
        MEETCUTE_LOGIN_LIMIT_PER_IP: '100000',
        MEETCUTE_LOG_LEVEL: 'warn',
        MEETCUTE_DATABASE_POOL_SIZE: String(POOL_SIZE),
      },
    };
    for (const [i, port] of ports.entries()) nodes.push(await startNode({ ...common, port, demo: i === 0 }));
    proxy = await startProxy(proxyPort, ports);
  });

  after(async () => {
    if (proxy) await stop(proxy);
    for (const node of nodes) await stop(node);
    await dropDatabase(databaseUrl);
    rmSync(data, { recursive: true, force: true });
  });

  test('a member on node 2 sees, live, a flirt sent by a member on node 3', async () => {
    // Node 1 started first and runs every consumer: the flirt is sent on node 3, made an
    // alert on node 1, and pushed to her page on node 2.
    const nancy = await new Member(nodes[1]!.url).logIn('nancy@example.com');
    // Oskar has not flirted with her in the demo.
    const oskar = await new Member(nodes[2]!.url).logIn('oskar@example.com');
    const channel = listen(nancy, nodes[1]!.url);
    await within(15_000, 'her live channel on node 2', channel.opened);
    try {
      const flirt = await oskar.call('POST', '/api/v1/flirts', { memberId: nancy.memberId });
      assert.equal(flirt.status, 201, await flirt.clone().text());
      const alert = await within(
        15_000,
        'the flirt alert on node 2',
        channel.next((n) => n.type === 'alert'),
      );
      assert.equal((alert.data as { kind: string; actorId: string }).actorId, oskar.memberId);
      // And every node answers the same: her alerts through the proxy list it.
      const listed = await eventually('the alert through the proxy', async () => {
        const response = await nancy.call('GET', '/api/v1/alerts', undefined, site);
        const body = (await response.json()) as Alerts;
        return body.items?.some((a) => a.actor?.memberId === oskar.memberId && a.kind === 'flirt')
          ? body
          : undefined;
      });
      assert.ok(listed);
    } finally {
      channel.close();
    }
  });

  test('logging out on one node ends the session on every node at once', async () => {
    const eve = await new Member(nodes[1]!.url).logIn('eve@example.com');
    for (const node of nodes) {
      const response = await eve.call('GET', '/api/v1/sessions/current', undefined, node.url);
      assert.equal(response.status, 200, `signed in on ${node.url}`);
    }
    const channel = listen(eve, nodes[2]!.url);
    const out = await eve.call('DELETE', '/api/v1/sessions/current', undefined, nodes[0]!.url);
    assert.equal(out.status, 204, await out.clone().text());
    // Every node's in-memory sessions heard it: no node still lets the cookie in.
    for (const node of nodes) {
      const response = await eve.call('GET', '/api/v1/sessions/current', undefined, node.url);
      assert.equal(response.status, 401, `signed out on ${node.url}`);
    }
    // And her live channel on node 3 ended.
    await within(15_000, 'the channel on node 3 to end', channel.ended);
  });

  test('killing the node that runs the consumers: another takes them over, nothing committed is lost', async () => {
    const nancy = await new Member(site).logIn('nancy@example.com');
    // Sami has done nothing to her in the demo: any alert from him comes from this test.
    const sami = await new Member(nodes[1]!.url).logIn('sami@example.com');
    // Node 1 started first and holds every lease; kill -9 it.
    nodes[0]!.child.kill('SIGKILL');
    await nodes[0]!.exited;
    const sent = await sami.call('POST', '/api/v1/favourites', { memberId: nancy.memberId });
    assert.ok(sent.status < 300, await sent.clone().text());
    // Sami's favourite is committed on node 2; the alerts consumer must still project it
    // into Nancy's alerts once another node has taken the leases.
    await eventually(
      'the favourite alert after the takeover',
      async () => {
        const response = await nancy.call('GET', '/api/v1/alerts', undefined, nodes[2]!.url);
        const body = (await response.json()) as Alerts;
        return body.items?.some((a) => a.actor?.memberId === sami.memberId) ? true : undefined;
      },
      20_000,
    );
    // Through the proxy the site still answers: HAProxy took node 1 out.
    const ready = await eventually('the proxy to answer', async () => {
      const response = await fetch(`${site}/ready`).catch(() => null);
      return response?.status === 200 ? response : undefined;
    });
    assert.equal(ready.status, 200);
  });
});
