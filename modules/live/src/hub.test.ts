// The live mailbox written behind: a database that fails while it prunes must not end the
// process (nothing awaits the timer's write) nor stop the writes that follow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { createLogger, ManualClock, migrate, openStorage, soloBroker } from '@meetcute/core';
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
