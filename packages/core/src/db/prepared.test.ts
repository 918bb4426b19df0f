import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { testDatabases, testStorage } from '../testing/databases.ts';
import { prepared, preparedInsert } from './prepared.ts';
import { ensureSchema } from './storage.ts';

const databases = await testDatabases();
if (databases.skipped)
  test('prepared statements on PostgreSQL', { skip: databases.skipped }, () => undefined);

const insertNotes = preparedInsert<{ id: string }>('notes', ['id', 'body', 'n'], (query) =>
  query.onConflict((oc) => oc.column('id').doNothing()).returning('id'),
);
const noteBody = prepared((db, id: string) =>
  db.selectFrom('notes').select(['body', 'n']).where('id', '=', id),
);

for (const dialect of databases.dialects) {
  describe(`prepared statements on ${dialect}`, () => {
    test('rows of any count go in with their own values, the same statement reused; a repeated id adds nothing', async () => {
      const storage = testStorage(dialect, databases);
      const database = storage.open('prepared_test');
      const { db } = database;
      await ensureSchema(database);
      try {
        await sql`create table notes (id text primary key, body text not null, n integer not null)`.execute(
          db,
        );
        const rows = (from: number, count: number) =>
          Array.from({ length: count }, (_, i) => [`id-${from + i}`, `body ${from + i}`, from + i] as const);
        // Three row counts, each compiled once, then the first count again with other values.
        assert.deepEqual(
          (await insertNotes(db, rows(0, 3))).map((r) => r.id),
          ['id-0', 'id-1', 'id-2'],
        );
        assert.equal((await insertNotes(db, rows(3, 1))).length, 1);
        assert.equal((await insertNotes(db, rows(4, 40))).length, 40);
        assert.deepEqual(
          (await insertNotes(db, [...rows(44, 2), ['id-0', 'changed', 99]])).map((r) => r.id),
          ['id-44', 'id-45'],
          'the repeated id is left out',
        );
        assert.deepEqual(await insertNotes(db, []), []);
        const count = await db
          .selectFrom('notes')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(count.n), 46);
        for (const i of [0, 3, 27, 45]) {
          const [row] = await noteBody(db, `id-${i}`);
          assert.deepEqual(row && { body: row.body as string, n: Number(row.n) }, {
            body: `body ${i}`,
            n: i,
          });
        }
      } finally {
        // The table is this test's alone: a PostgreSQL schema is handed on to the next test.
        await sql`drop table if exists notes`.execute(db);
        await storage.destroy();
      }
    });
  });
}
