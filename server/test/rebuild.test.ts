// Every module rebuilt from the event log ends in exactly the state it had: the
// demo community is made through the API, then each module is cleared and replayed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, testDatabases } from '@meetcute/core/testing';
import { seedDemo } from '../src/demo.ts';
import { testApp } from '../src/testing.ts';

const databases = await testDatabases();
if (databases.skipped) test('rebuild on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`rebuild on ${dialect}`, () => {
    test('every module rebuilt from the log has exactly the same read model', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        assert.equal(await seedDemo(t.app, () => undefined), true);
        const snapshot = async () => {
          const state: Record<string, unknown[]> = {};
          for (const module of t.app.modules) {
            for (const table of module.projections) {
              const db = t.app.channel(module.name).database.db;
              const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
              state[`${module.name}.${table}`] = rows.rows
                .map((r) => JSON.stringify(r, Object.keys(r).sort()))
                .sort();
            }
          }
          return state;
        };
        const before = await snapshot();
        assert.ok(Object.keys(before).length >= 3, 'several modules have read models');
        assert.ok(
          Object.values(before).some((rows) => rows.length >= 10),
          'the demo made real data',
        );
        for (const module of t.app.modules) await t.app.rebuild(module.name);
        assert.deepEqual(await snapshot(), before);
      } finally {
        await t.close();
      }
    });
  });
}
