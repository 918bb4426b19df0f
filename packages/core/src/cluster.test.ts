// The parts a cluster adds to one node: views that hear what other nodes changed, the
// broker between nodes (core NATS), and the consumer leases (PostgreSQL advisory locks).
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { describe, test } from 'node:test';
import { natsBroker, NobodyAnswered, type Broker } from './cluster.ts';
import { PostgresLeases, PostgresSharedLeases } from './delivery/leases.ts';
import type { Tx } from './delivery/delivery.ts';
import { createLogger } from './observability/logger.ts';
import { testDatabases } from './testing/databases.ts';
import { MemoryView } from './views.ts';

const logger = createLogger('silent');

/** A view over a Map standing for its table, counting the reads that reach the "table". */
function viewOver(table: Map<string, number>) {
  const told: Array<readonly string[] | null> = [];
  let reads = 0;
  const view = new MemoryView<number>(
    {
      name: 'counts',
      load: (key) => {
        reads++;
        return Promise.resolve(table.get(key));
      },
      warm: () => Promise.resolve([...table]),
    },
    { addViewHandler: () => undefined, changed: (keys) => told.push(keys) },
  );
  return { view, told, reads: () => reads };
}

/** A transaction that ends when the test says. */
function transaction(): { tx: Tx; end(committed: boolean): void } {
  const finishers: Array<(committed: boolean) => void> = [];
  const tx = { afterFinish: (done: (committed: boolean) => void) => finishers.push(done) } as unknown as Tx;
  return { tx, end: (committed) => finishers.forEach((done) => done(committed)) };
}

/** Waits (bounded) until `check` holds. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('views in a cluster', () => {
  test('a commit tells the other nodes which keys it changed, once; a rollback tells nothing', async () => {
    const { view, told } = viewOver(new Map([['ann', 1]]));
    await view.warm();
    const first = transaction();
    view.changes(first.tx).set('ann', 2);
    view.changes(first.tx).update('ben', () => 1);
    assert.deepEqual(told, [], 'nothing before the commit');
    first.end(true);
    assert.deepEqual(told, [['ann', 'ben']]);
    const second = transaction();
    view.changes(second.tx).set('ann', 3);
    second.end(false);
    assert.deepEqual(told, [['ann', 'ben']], 'a rollback changed nothing anywhere');
    const wide = transaction();
    view.changes(wide.tx).unnamedKeys();
    wide.end(true);
    assert.deepEqual(told.at(-1), null, 'keys it did not name: any key may have changed');
  });

  test('a key another node changed is read again, and a complete view stays complete', async () => {
    const table = new Map([
      ['ann', 1],
      ['ben', 1],
    ]);
    const { view, reads } = viewOver(table);
    await view.warm();
    assert.equal(await view.get('ann'), 1);
    table.set('ann', 5); // another node's commit
    view.forgetChanged(['ann']);
    assert.equal(await view.get('ann'), 5);
    await eventually('the view to hold every key again', () => view.entries() !== undefined);
    assert.deepEqual([...view.entries()!].sort(), [1, 5]);
    const before = reads();
    assert.equal(await view.get('ann'), 5);
    assert.equal(reads(), before, 'answered from memory again');
  });

  test('unnamed changes on another node empty the view: reads go to the tables', async () => {
    const table = new Map([['ann', 1]]);
    const { view } = viewOver(table);
    await view.warm();
    table.set('ann', 2);
    table.set('cat', 7);
    view.forgetChanged(null);
    assert.equal(view.entries(), undefined, 'it no longer knows every key');
    assert.equal(await view.get('ann'), 2);
    assert.equal(await view.get('cat'), 7);
  });

  test('while the broker is away nothing is kept; when it is back the view is warm again', async () => {
    const table = new Map([['ann', 1]]);
    const { view, reads } = viewOver(table);
    await view.warm();
    view.pause();
    const before = reads();
    assert.equal(await view.get('ann'), 1);
    assert.equal(await view.get('ann'), 1);
    assert.equal(reads(), before + 2, 'every read went to the table');
    table.set('ann', 3);
    await view.resume();
    const after = reads();
    assert.equal(await view.get('ann'), 3);
    assert.equal(reads(), after, 'warm again: from memory');
  });
});

const natsUp = await new Promise<boolean>((resolve) => {
  const socket = connect(4222, '127.0.0.1');
  socket.once('connect', () => {
    socket.destroy();
    resolve(true);
  });
  socket.once('error', () => resolve(false));
});
const noNats = natsUp ? false : 'NATS is not reachable at 127.0.0.1:4222 (nats-server -js)';
if (noNats) process.stderr.write(`The broker tests are skipped: ${noNats}\n`);

describe('the broker between nodes (core NATS)', { skip: noNats }, () => {
  test('what one node publishes reaches the others, not itself', async () => {
    const a: Broker = await natsBroker('nats://127.0.0.1:4222', logger);
    const b: Broker = await natsBroker('nats://127.0.0.1:4222', logger);
    try {
      const subject = `meetcute.test.${a.nodeId}`;
      const heardByA: unknown[] = [];
      const heardByB: unknown[] = [];
      a.subscribe(subject, (data) => heardByA.push(data));
      b.subscribe(subject, (data) => heardByB.push(data));
      // A subscription is known to the server once a round trip has passed: publish until heard.
      await eventually('b to hear a', () => {
        a.publish(subject, { hello: 'from a' });
        return heardByB.length > 0;
      });
      assert.deepEqual(heardByB[0], { hello: 'from a' });
      assert.deepEqual(heardByA, [], 'a node does not hear itself');
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a request reaches one of the nodes that serve its subject, and says at once when none does', async () => {
    const a: Broker = await natsBroker('nats://127.0.0.1:4222', logger);
    const b: Broker = await natsBroker('nats://127.0.0.1:4222', logger);
    const c: Broker = await natsBroker('nats://127.0.0.1:4222', logger);
    try {
      const subject = `meetcute.test.serve.${a.nodeId}`;
      await assert.rejects(a.request(subject, 1, 5000), (e) => e instanceof NobodyAnswered && !e.served);
      const answered: string[] = [];
      const serve = (node: Broker, name: string) =>
        node.serve(subject, (data) => {
          answered.push(name);
          return Promise.resolve({ doubled: (data as number) * 2, by: name });
        });
      const stopB = serve(b, 'b');
      serve(c, 'c');
      let reply: unknown;
      await eventually('b and c to serve', async () => {
        reply = await a.request(subject, 21, 5000).catch(() => null);
        return reply !== null;
      });
      assert.equal((reply as { doubled: number }).doubled, 42);
      answered.length = 0;
      for (let i = 0; i < 20; i++) await a.request(subject, i, 5000);
      assert.equal(answered.length, 20, 'each request was answered once, by one node');
      stopB();
      await eventually('only c to answer', async () => {
        const { by } = (await a.request(subject, 0, 5000)) as { by: string };
        return by === 'c';
      });
    } finally {
      await a.close();
      await b.close();
      await c.close();
    }
  });
});

/** A nats-server of this test's own on a free port, to stop under the brokers; null without the binary. */
async function ownNats(): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void> } | null> {
  try {
    execFileSync('nats-server', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  let child: ChildProcess | null = null;
  const listening = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  const nats = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      await eventually('nats-server to listen', listening);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
  await nats.start();
  return nats;
}

describe('the broker while NATS is away', () => {
  test('a request is refused at once, as not sent, and requests are answered again once NATS is back', async (t) => {
    const nats = await ownNats();
    if (!nats) return t.skip('nats-server is not installed (apt-get install -y nats-server)');
    const a = await natsBroker(nats.url, logger);
    const b = await natsBroker(nats.url, logger);
    try {
      const subject = `meetcute.test.away.${a.nodeId}`;
      b.serve(subject, (data) => Promise.resolve(data));
      await eventually('b to serve', async () => (await a.request(subject, 1, 5000).catch(() => null)) === 1);
      const lost = new Promise<void>((resolve) => a.onConnection((up) => up || resolve()));
      await nats.stop();
      await lost;
      await assert.rejects(a.request(subject, 2, 60_000), (e) => e instanceof NobodyAnswered && e.away);
      await nats.start();
      await eventually(
        'an answer after NATS is back',
        async () => (await a.request(subject, 3, 5000).catch(() => null)) === 3,
        30_000,
      );
    } finally {
      await a.close();
      await b.close();
      await nats.stop();
    }
  });
});

const databases = await testDatabases();
const noPostgres = databases.dialects.includes('postgres') ? false : (databases.skipped ?? 'no PostgreSQL');

describe('consumer leases (PostgreSQL advisory locks)', { skip: noPostgres }, () => {
  test('one node holds each lease; when it stops, another takes them over', async () => {
    const modules = [`lease_test_${process.pid}_a`, `lease_test_${process.pid}_b`];
    const first = new PostgresLeases(databases.postgresUrl, modules, logger, () => undefined);
    const second = new PostgresLeases(databases.postgresUrl, modules, logger, () => undefined);
    try {
      first.start();
      await eventually('the first node to take the leases', () => modules.every((m) => first.holds(m)));
      second.start();
      // The second looks every second: after two looks it still holds nothing.
      await eventually('two looks of the second node', () => second.rounds >= 2);
      assert.deepEqual(
        modules.filter((m) => second.holds(m)),
        [],
      );
      await first.stop();
      assert.equal(first.holds(modules[0]!), false);
      await eventually('the second node to take over', () => modules.every((m) => second.holds(m)));
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe('shared leases (numbered, spread over the nodes)', { skip: noPostgres }, () => {
  test('each node holds its share; a node that joins gets one, and one that stops leaves its share to the rest', async () => {
    const name = `lease_test_${process.pid}_groups`;
    const node = (id: string) =>
      new PostgresSharedLeases(
        { url: databases.postgresUrl, name, count: 8, nodeId: id },
        logger,
        () => undefined,
      );
    const [a, b, c] = [node('a'), node('b'), node('c')];
    const all = [a, b, c];
    /** Every number held by exactly one node of `nodes`, each holding its share. */
    const shared = (nodes: PostgresSharedLeases[], share: number) => () => {
      const held = nodes.flatMap((n) => n.held()).sort((x, y) => x - y);
      return held.join() === '0,1,2,3,4,5,6,7' && nodes.every((n) => Math.abs(n.held().length - share) <= 1);
    };
    try {
      a.start();
      await eventually('a alone to hold all eight', () => a.held().length === 8);
      b.start();
      await eventually('a and b to hold four each', shared([a, b], 4), 15_000);
      c.start();
      await eventually('three nodes to share the eight', shared(all, 8 / 3), 15_000);
      for (let i = 0; i < 8; i++) assert.ok(all.filter((n) => n.holds(i)).length <= 1, `${i} has one holder`);
      await b.stop();
      assert.deepEqual(b.held(), []);
      await eventually('a and c to take over what b held', shared([a, c], 4), 15_000);
    } finally {
      for (const n of all) await n.stop();
    }
  });
});
