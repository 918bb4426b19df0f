import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { createApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { ManualClock } from '../clock.ts';
import { seededIdSource } from '../ids.ts';
import { defineEvent, InvalidEvent } from '../events.ts';
import { logHead, RebuildError } from './delivery.ts';
import { defineModule, type ModuleDefinition } from '../module.ts';
import { createLogger } from '../observability/logger.ts';
import { openStorage, type Db, type Storage } from '../db/storage.ts';
import type { View } from '../views.ts';
import { defineService } from '../services.ts';
import { integer, text } from '../db/tables.ts';
import type { EventEnvelope } from '../events.ts';
import { testDatabases, testStorage } from '../testing/databases.ts';

const NoteWritten = defineEvent({
  type: 'NoteWritten',
  module: 'notes',
  description: 'A note was written.',
  schema: Type.Object({ noteId: Type.String(), text: Type.String({ maxLength: 20 }) }),
});

const WRITE =
  defineService<(text: string) => Promise<EventEnvelope<{ noteId: string; text: string }>>>('write');
const TALLY = defineService<{ pushed: string[]; counts: View<number>; heldCounts: View<number> }>('tally');

const notes = defineModule({
  name: 'notes',
  description: 'Writes notes.',
  publishes: [NoteWritten],
  consumes: [NoteWritten],
  provides: [WRITE],
  tables: { notes: { note_id: text(), text: text() } },
  migrations: [
    {
      name: '0001',
      up: (db) =>
        sql`create table notes (note_id text primary key, text text not null)`
          .execute(db)
          .then(() => undefined),
    },
  ],
  projections: ['notes'],
  useCases: [],
  register(ctx) {
    ctx.on(NoteWritten, async (e, tx) => {
      await tx.db.insertInto('notes').values({ note_id: e.payload.noteId, text: e.payload.text }).execute();
    });
    ctx.services.provide(WRITE, (text: string) =>
      ctx.transaction((tx) =>
        tx.publish(NoteWritten, { noteId: ctx.ids.next(), text }, { actorId: 'writer' }),
      ),
    );
  },
});

/**
 * Counts notes; fails the first time it sees "flaky", while `fault.on` on "fragile" (a
 * passing fault, such as a locked table) and always on "poison" (an event it can never
 * apply), to exercise retries. Each count is also an in-memory view, and each counted
 * note is "pushed" after its commit (a list standing for the live channel), so retries
 * can be seen to push once.
 */
function tallyModule(fault = { on: false }): ModuleDefinition {
  let flaky = 0;
  const count = (db: Db, word: string) =>
    db
      .selectFrom('tally')
      .select('n')
      .where('word', '=', word)
      .executeTakeFirst()
      .then((r) => (r ? Number(r.n) : undefined));
  return defineModule({
    name: 'tally',
    provides: [TALLY],
    description: 'Counts notes.',
    publishes: [],
    consumes: [NoteWritten],
    tables: { tally: { word: text(), n: integer() } },
    migrations: [
      {
        name: '0001',
        up: (db) =>
          sql`create table tally (word text primary key, n integer not null)`
            .execute(db)
            .then(() => undefined),
      },
    ],
    projections: ['tally'],
    useCases: [],
    register(ctx) {
      const pushed: string[] = [];
      const counts = ctx.view<number>({ name: 'counts', load: (word) => count(ctx.db, word) });
      ctx.on(NoteWritten, async (e, tx) => {
        if (e.payload.text === 'flaky' && flaky++ === 0) throw new Error('flaky failure');
        if (e.payload.text === 'fragile' && fault.on) throw new Error('the disk is full');
        if (e.payload.text === 'poison') throw new InvalidEvent('a poison note can never be counted');
        await tx.db
          .insertInto('tally')
          .values({ word: e.payload.text, n: 1 })
          .onConflict((oc) => oc.column('word').doUpdateSet({ n: sql`tally.n + 1` }))
          .execute();
        tx.afterCommit(() => {
          pushed.push(e.payload.text);
        });
      });
      counts.on(NoteWritten, (e, changes) => {
        if (e.payload.text !== 'poison') changes.update(e.payload.text, (n) => (n ?? 0) + 1);
      });
      // The same counts, moved only where memory holds them (as the news feeds are).
      const heldCounts = ctx.view<number>({ name: 'held-counts', load: (word) => count(ctx.db, word) });
      heldCounts.on(NoteWritten, (e, changes) => {
        changes.unnamedKeys();
        if (e.payload.text !== 'poison' && heldCounts.held().includes(e.payload.text))
          changes.update(e.payload.text, (n) => (n ?? 0) + 1);
      });
      ctx.services.provide(TALLY, { pushed, counts, heldCounts });
    },
  });
}

async function build(storage: Storage, fault = { on: false }): Promise<App> {
  const clock = new ManualClock();
  return createApp({
    config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent' }),
    modules: [notes, tallyModule(fault)],
    storage,
    clock,
    ids: seededIdSource(clock),
    logger: createLogger('silent'),
  });
}

const write = (app: App, text: string) => app.services.require(WRITE)(text);
const count = async (app: App, word: string) => (await tally(app))[word];
const tally = async (app: App) =>
  Object.fromEntries(
    (
      (await app
        .channel('tally')
        .database.db.selectFrom('tally')
        .selectAll()
        .orderBy('word')
        .execute()) as Array<{ word: string; n: number }>
    ).map((r) => [r.word, Number(r.n)]),
  );

const tallyService = (app: App) => app.services.require(TALLY);

const databases = await testDatabases();
if (databases.skipped) test('delivery on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`delivery on ${dialect}`, () => {
    test('an event committed with its state reaches every consumer exactly once, even when delivered again', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        const event = await write(app, 'hello');
        await write(app, 'hello');
        await app.processAll();
        assert.deepEqual(await tally(app), { hello: 2 });
        // A redelivery changes nothing: two consumers of one module (two nodes, for a moment)
        // that both read the same events before either committed apply them once.
        const [row] = await app.dispatcher.log.db
          .selectFrom('events')
          .selectAll()
          .where('id', '=', event.id)
          .execute();
        assert.ok(row);
        await write(app, 'hello');
        await write(app, 'again');
        await app.channel('notes').relay(app.dispatcher.log);
        const log = app.dispatcher.log;
        const both = await Promise.all([
          app.channel('tally').consume(log),
          app.channel('tally').consume(log),
        ]);
        // On SQLite both read the batch before either commits; a pool may serialise them instead.
        assert.ok(both[0] + both[1] >= 2, 'the two new events were read');
        assert.deepEqual(await tally(app), { hello: 3, again: 1 });
        await app.processAll();
        assert.deepEqual(await tally(app), { hello: 3, again: 1 });
        assert.equal(row.actor_id, 'writer');
        assert.equal(await app.channel('notes').outboxDepth(), 0);
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a backlog taken in bulk (as an import does) is applied once, a failing event among it included', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        // More than one live batch's worth, with an event that fails once in the middle.
        const words = Array.from({ length: 600 }, (_, i) => (i === 300 ? 'flaky' : `w${i % 7}`));
        for (const word of words) await write(app, word);
        await app.processAll({ bulk: true });
        const expected: Record<string, number> = {};
        for (const word of words) expected[word] = (expected[word] ?? 0) + 1;
        assert.deepEqual(await tally(app), expected);
        assert.equal(tallyService(app).pushed.length, words.length, 'each pushed once');
        assert.equal(await app.channel('tally').checkpoint(), 600);
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('an event that can never apply is parked at once with its reason; the ones after it are applied', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        await write(app, 'flaky');
        await write(app, 'poison');
        await write(app, 'after');
        await app.processAll();
        // The flaky one succeeds on its retry; the poison one is parked without holding back the one after it.
        assert.deepEqual(await tally(app), { after: 1, flaky: 1 });
        const parked = await app.channel('tally').parked();
        assert.deepEqual(
          parked.map((p) => [p.type, p.error]),
          [['NoteWritten', 'a poison note can never be counted']],
        );
        const [state] = (await app.consumers()).filter((c) => c.module === 'tally');
        assert.deepEqual(state, { module: 'tally', behind: 0, retrying: false, parked: 1 });
        const ready = await app.http.inject({ method: 'GET', url: '/ready' });
        assert.equal(ready.statusCode, 200);
        assert.equal(ready.json<{ status: string }>().status, 'degraded');
        // Replaying it after a fix: here it still fails, so it stays parked with its reason.
        assert.deepEqual(await app.channel('tally').replayParked(app.dispatcher.log), {
          applied: 0,
          stillParked: 1,
        });
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a passing fault holds the consumer at the failing event, for as long as it lasts; nothing is skipped or parked', async () => {
      const storage = testStorage(dialect, databases);
      const fault = { on: true };
      const app = await build(storage, fault);
      try {
        for (const word of ['before', 'fragile', 'later']) await write(app, word);
        // Delivery passes while the fault lasts: far more than any fixed number of retries.
        for (let pass = 0; pass < 20; pass++) await app.processAll({ retries: false });
        assert.deepEqual(await tally(app), { before: 1 }, 'nothing after the failing event is applied');
        assert.deepEqual(await app.channel('tally').parked(), []);
        const held = (await app.consumers()).find((c) => c.module === 'tally');
        assert.deepEqual(held, { module: 'tally', behind: 2, retrying: true, parked: 0 });
        assert.equal(
          (await app.http.inject({ method: 'GET', url: '/ready' })).json<{ status: string }>().status,
          'degraded',
        );
        fault.on = false;
        await app.processAll();
        assert.deepEqual(await tally(app), { before: 1, fragile: 1, later: 1 });
        assert.equal(
          (await app.http.inject({ method: 'GET', url: '/ready' })).json<{ status: string }>().status,
          'ready',
        );
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a rebuild that cannot apply an event fails naming it, and leaves the tables as they were', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        for (const word of ['a', 'b', 'a']) await write(app, word);
        const poison = await write(app, 'poison');
        await app.processAll();
        const before = await tally(app);
        assert.deepEqual(before, { a: 2, b: 1 });
        await assert.rejects(app.rebuild('tally'), (error: Error) => {
          assert.ok(error instanceof RebuildError);
          assert.match(error.message, new RegExp(`stopped at event ${poison.id} \\(NoteWritten`));
          return true;
        });
        assert.deepEqual(await tally(app), before);
        assert.equal((await app.channel('tally').parked()).length, 1, 'what was parked stays parked');
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a batch that fails half-way and is retried one by one pushes each event once, after its commit', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        const { pushed, counts } = tallyService(app);
        // Held in memory before anything happens, so every change to them must apply exactly once.
        assert.equal(await counts.get('a'), undefined);
        assert.equal(await counts.get('b'), undefined);
        for (const word of ['a', 'flaky', 'b', 'a']) await write(app, word);
        await app.processAll();
        // The batch of four failed at "flaky" and rolled back; nothing it did left the process.
        assert.deepEqual(pushed, ['a', 'flaky', 'b', 'a']);
        assert.equal(await counts.get('a'), 2);
        assert.equal(await counts.get('b'), 1);
        assert.deepEqual(await counts.audit(), []);
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a view answers what its tables hold after any interleaving of writes and reads', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        const { counts, heldCounts } = tallyService(app);
        const words = ['a', 'b', 'c', 'd'];
        let seed = 7;
        // A linear congruential generator's high bits: its low ones repeat with short periods.
        const next = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return Math.floor((seed / 2 ** 31) * n);
        };
        for (let round = 0; round < 40; round++) {
          // Writes, reads and deliveries race one another, as requests do.
          const work: Array<Promise<unknown>> = [];
          for (let i = 0; i < 5; i++) {
            const word = words[next(words.length)]!;
            const read = next(2) === 0 ? counts : heldCounts;
            work.push(next(2) === 0 ? write(app, word) : read.get(word));
            if (next(4) === 0) work.push(app.processAll());
          }
          await Promise.all(work);
        }
        await app.processAll();
        assert.deepEqual(await counts.audit(), []);
        assert.deepEqual(await heldCounts.audit(), [], 'a view moved only where it holds keys');
        for (const word of words) {
          assert.equal(await counts.get(word), await count(app, word));
          assert.equal(await heldCounts.get(word), await count(app, word));
        }
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('the inbox holds only what a module applied before the log delivered it, and compacting changes no effect', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        for (const word of ['a', 'b', 'a']) await write(app, word);
        await app.processAll();
        const inbox = (module: string) =>
          app.channel(module).database.db.selectFrom('inbox').selectAll().execute();
        // Tally reads notes' events in log order: its checkpoint guards them, not an inbox row.
        // Notes applied its own as it published them, and took each row out as the log delivered it.
        assert.equal((await inbox('tally')).length, 0);
        assert.equal((await inbox('notes')).length, 0);
        // Written but not yet delivered: notes' own inbox holds it, and the log does not yet.
        await write(app, 'c');
        assert.equal((await inbox('notes')).length, 1);
        assert.equal(await app.channel('tally').compactInbox(app.dispatcher.log), 0);
        assert.equal(
          await app.channel('notes').compactInbox(app.dispatcher.log),
          0,
          'the undelivered one stays',
        );
        assert.equal((await inbox('notes')).length, 1);
        await app.processAll();
        assert.deepEqual(await tally(app), { a: 2, b: 1, c: 1 });
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a module reads back none of its own events that it applied as it published them, and applies one that reached the log another way', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        const log = app.dispatcher.log;
        const channel = app.channel('notes');
        const notesHeld = async () =>
          (
            (await channel.database.db
              .selectFrom('notes')
              .select('text')
              .orderBy('text')
              .execute()) as Array<{
              text: string;
            }>
          ).map((r) => r.text);
        const inbox = () => channel.database.db.selectFrom('inbox').selectAll().execute();
        // Caught up: the relay that moves its own event into the log moves its checkpoint past it.
        await write(app, 'own');
        await channel.relay(log, true);
        assert.equal(await channel.checkpoint(), await logHead(log));
        assert.equal((await inbox()).length, 0);
        // An event of its own type that reached the log by another way (an import) comes
        // first: the relay leaves the checkpoint, and the consumer applies that one and skips its own.
        const before = await channel.checkpoint();
        await app.dispatcher.append(
          [
            {
              id: '00000000-0000-7000-8000-00000000000a',
              type: 'NoteWritten',
              version: 1,
              occurredAt: '2026-01-01T00:00:00.000Z',
              actorId: null,
              traceparent: null,
              payload: { noteId: 'imported', text: 'imported' },
            },
          ],
          'notes',
        );
        await write(app, 'later');
        await channel.relay(log, true);
        assert.equal(await channel.checkpoint(), before, 'the imported event is not yet applied');
        await app.processAll();
        assert.deepEqual(await notesHeld(), ['imported', 'later', 'own']);
        assert.equal(await channel.checkpoint(), await logHead(log));
        assert.equal((await inbox()).length, 0);
        assert.deepEqual(await tally(app), { imported: 1, later: 1, own: 1 });
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('a retired event cannot be published: older logs may hold it, nothing new may', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        const retired = { ...NoteWritten, retired: 'NotesWritten took its place' };
        await assert.rejects(
          app.channel('notes').transaction((tx) => tx.publish(retired, { noteId: 'n1', text: 'old' })),
          /NoteWritten is retired: NotesWritten took its place/,
        );
        assert.equal(await app.channel('notes').outboxDepth(), 0);
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('an event that does not match its schema is refused and its transaction rolls back', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        await assert.rejects(write(app, 'x'.repeat(21)), /does not match its schema/);
        await app.processAll();
        assert.equal(await app.channel('notes').outboxDepth(), 0);
        const rows = await app.channel('notes').database.db.selectFrom('notes').selectAll().execute();
        assert.equal(rows.length, 0);
      } finally {
        await app.close();
        await storage.destroy();
      }
    });

    test('rebuilding a module from the event log ends in exactly the same state', async () => {
      const storage = testStorage(dialect, databases);
      const app = await build(storage);
      try {
        for (const word of ['a', 'b', 'a', 'c', 'a']) await write(app, word);
        await app.processAll();
        const before = {
          tally: await tally(app),
          notes: await app
            .channel('notes')
            .database.db.selectFrom('notes')
            .selectAll()
            .orderBy('note_id')
            .execute(),
        };
        await app.rebuild('tally');
        await app.rebuild('notes');
        const after = {
          tally: await tally(app),
          notes: await app
            .channel('notes')
            .database.db.selectFrom('notes')
            .selectAll()
            .orderBy('note_id')
            .execute(),
        };
        assert.deepEqual(after, before);
        assert.deepEqual(after.tally, { a: 3, b: 1, c: 1 });
      } finally {
        await app.close();
        await storage.destroy();
      }
    });
  });
}

test('events committed just before a crash are delivered when the app starts again', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'meetcute-crash-'));
  try {
    const first = openStorage({ kind: 'sqlite', directory });
    const app = await build(first);
    await write(app, 'survivor');
    // A crash: the process dies with the event in the outbox, before any delivery.
    await first.close();

    const second = openStorage({ kind: 'sqlite', directory });
    const restarted = await build(second);
    await restarted.processAll();
    assert.deepEqual(await tally(restarted), { survivor: 1 });
    await restarted.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
