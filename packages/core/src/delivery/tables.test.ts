import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrate } from '../db/migrations.ts';
import type { Db } from '../db/storage.ts';
import { testDatabases, testStorage } from '../testing/databases.ts';
import { deliveryMigrations, eventLogMigrations } from './tables.ts';

const databases = await testDatabases();
if (databases.skipped) test('event tables on PostgreSQL', { skip: databases.skipped }, () => undefined);

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';

/** Rows as an older version wrote them, with password hashes in their payloads. */
async function writeOld(db: Db, table: 'events' | 'outbox'): Promise<void> {
  const rows: Array<[string, string, Record<string, unknown>]> = [
    [
      '1',
      'AccountCreated',
      { memberId: 'm1', email: 'nancy@example.com', passwordHash: HASH, language: 'sv' },
    ],
    ['2', 'PasswordChanged', { memberId: 'm1', passwordHash: HASH }],
    ['3', 'PasswordUpgraded', { memberId: 'm1', passwordHash: HASH }],
    // Another type's field of the same name is that module's business, and stays.
    ['4', 'NoteWritten', { noteId: 'n1', passwordHash: 'not a credential' }],
  ];
  for (const [id, type, payload] of rows) {
    const module = table === 'events' ? sql`, module` : sql``;
    const moduleValue = table === 'events' ? sql`, ${'auth'}` : sql``;
    await sql`insert into ${sql.table(table)} (id, type, version, occurred_at, payload${module})
      values (${id}, ${type}, 1, ${'2026-01-01T00:00:00.000Z'}, ${JSON.stringify(payload)}${moduleValue})`.execute(
      db,
    );
  }
}

async function payloads(db: Db, table: 'events' | 'outbox'): Promise<Record<string, unknown>> {
  const { rows } = await sql<{ type: string; payload: string }>`select type, payload from ${sql.table(
    table,
  )} order by id`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.type, JSON.parse(r.payload) as unknown]));
}

for (const dialect of databases.dialects) {
  describe(`event tables on ${dialect}`, () => {
    for (const [table, all] of [
      ['events', eventLogMigrations],
      ['outbox', deliveryMigrations],
    ] as const) {
      test(`upgrading erases the password hashes older versions put in the ${table}, and nothing else`, async () => {
        const storage = testStorage(dialect, databases);
        const m = storage.open('upgrade');
        try {
          const before = all.filter((migration) => !migration.name.endsWith('_no_password_hashes'));
          await migrate(m, before);
          await writeOld(m.db, table);
          await migrate(m, all);
          assert.deepEqual(await payloads(m.db, table), {
            AccountCreated: { memberId: 'm1', email: 'nancy@example.com', language: 'sv' },
            PasswordChanged: { memberId: 'm1' },
            PasswordUpgraded: { memberId: 'm1' },
            NoteWritten: { noteId: 'n1', passwordHash: 'not a credential' },
          });
        } finally {
          await storage.destroy();
        }
      });
    }
  });
}
