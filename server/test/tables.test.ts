// Each module's declared tables (`tables` in its definition, which types its queries)
// match what its migrations make, column by column, on every database the suite runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkTables, type TableSpecs } from '@meetcute/core';
import { startTestApp, testDatabases } from '@meetcute/core/testing';
import { testApp } from '../src/testing.ts';

const databases = await testDatabases();
if (databases.skipped) test('declared tables on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`declared tables on ${dialect}`, () => {
    test('every module declares exactly the tables and columns its migrations make', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        const problems: string[] = [];
        for (const module of t.app.modules) {
          // The app holds its modules without their tables' types.
          const declared = module.tables as TableSpecs | undefined;
          if (!declared) {
            problems.push(`${module.name}: declares no tables`);
            continue;
          }
          const database = t.app.channel(module.name).database;
          for (const m of await checkTables(declared, { ...database, db: database.db })) {
            problems.push(`${module.name}.${m.table}${m.column ? `.${m.column}` : ''}: ${m.problem}`);
          }
        }
        assert.deepEqual(problems, []);
      } finally {
        await t.close();
      }
    });
  });
}
