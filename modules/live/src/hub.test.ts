// The live mailbox written behind: a database that fails while it prunes must not end the
// process (nothing awaits the timer's write) nor stop the writes that follow; and in a
// cluster, what a node made for a member just before their page opened on another node
// reaches that page, once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import {
  createLogger,
  ManualClock,
  migrate,
  openStorage,
  soloBroker,
  type Broker,
  type LiveNotification,
} from '@meetcute/core';
import { LiveHub } from './hub.ts';
import { migrations, type LiveDb } from './store.ts';

test('a prune that fails (the database went away) is logged; the writes before and after it are kept', async () => {
  const storage = openStorage({ kind: 'sqlite', directory: ':memory:' });
  const database = storage.open('live');
  await migrate(database, migrations);
  let deletesFail = false;
  // Only deletes fail, as a connection lost just as the prune ran.
  const lostOnDelete: KyselyPlugin = {
    transformQuery(args) {
      if (deletesFail && args.node.kind === 'DeleteQueryNode')
        throw new Error('Connection terminated unexpectedly');
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const db = database.db.withPlugin(lostOnDelete) as unknown as LiveDb;
  const clock = new ManualClock();
  const hub = new LiveHub(db, clock, createLogger('silent'), () => Promise.resolve(false), soloBroker());
  await hub.start();
  try {
    deletesFail = true;
    // A day and a minute on: this flush prunes.
    clock.advance(24 * 60 * 60 * 1000 + 60_000);
    await hub.notify('nancy', { type: 'alert', data: { n: 1 } });
    await hub.flush();
    deletesFail = false;
    await hub.notify('nancy', { type: 'alert', data: { n: 2 } });
    await hub.flush();
    const rows = await db.selectFrom('notifications').select('data').orderBy('position').execute();
    assert.deepEqual(
      rows.map((r) => JSON.parse(String(r.data)) as unknown),
      [{ n: 1 }, { n: 2 }],
    );
  } finally {
    await hub.close();
    await storage.close();
  }
});

/** Brokers of nodes on one in-process bus: each hears what the others publish, at once. */
function bus(): (nodeId: string) => Broker {
  const subscriptions: Array<{
    nodeId: string;
    subject: string;
    on: (data: unknown, subject: string) => void;
  }> = [];
  return (nodeId) => ({
    nodeId,
    clustered: true,
    publish(subject, data) {
      for (const s of [...subscriptions])
        if (s.nodeId !== nodeId && s.subject === subject) s.on(structuredClone(data), subject);
    },
    subscribe(subject, on) {
      const entry = { nodeId, subject, on };
      subscriptions.push(entry);
      return () => void subscriptions.splice(subscriptions.indexOf(entry), 1);
    },
    request: () => Promise.reject(new Error('no requests in this test')),
    serve: () => () => undefined,
    onConnection: () => undefined,
    close: () => Promise.resolve(),
  });
}

test('an alert made on one node as the member’s page opens on another reaches that page once, written behind or not', async () => {
  const storage = openStorage({ kind: 'sqlite', directory: ':memory:' });
  const database = storage.open('live');
  await migrate(database, migrations);
  const db = database.db as unknown as LiveDb;
  const clock = new ManualClock();
  const node = bus();
  const hubs = ['a', 'b'].map(
    (id) => new LiveHub(db, clock, createLogger('silent'), () => Promise.resolve(false), node(id)),
  );
  const [a, b] = hubs as [LiveHub, LiveHub];
  for (const hub of hubs) await hub.start();
  try {
    const resumeFrom = b.latest();
    // Node a makes the alert while Nancy is between nodes: no node holds her page, and the
    // mailbox row waits for the next write behind.
    await a.notify('nancy', { type: 'alert', data: { from: 'sami' } });
    const heard: LiveNotification[] = [];
    const close = await b.open('nancy', resumeFrom, (n) => heard.push(n));
    // Whatever the write behind did meanwhile, a later one changes nothing for the page.
    await a.flush();
    close();
    assert.deepEqual(
      heard.map((n) => n.data),
      [{ from: 'sami' }],
    );
  } finally {
    for (const hub of hubs) await hub.close();
    await storage.close();
  }
});
