import { Migrator, type Migration as KyselyMigration } from 'kysely';
import type { Db, Dialect, ModuleDatabase } from './storage.ts';
import { ensureSchema } from './storage.ts';

/** A module migration. The dialect is passed in for the few places SQL differs. */
export interface Migration {
  name: string;
  up(db: Db, dialect: Dialect): Promise<void>;
}

/** The column type for an auto-numbered position, which is the one DDL difference we need. */
export function serialPrimaryKey(dialect: Dialect): string {
  return dialect === 'sqlite' ? 'integer primary key autoincrement' : 'bigserial primary key';
}

export async function migrate(m: ModuleDatabase, migrations: Migration[]): Promise<string[]> {
  await ensureSchema(m);
  const record: Record<string, KyselyMigration> = {};
  for (const migration of migrations) {
    if (record[migration.name]) throw new Error(`Migration ${migration.name} of ${m.name} is listed twice`);
    record[migration.name] = { up: (db) => migration.up(db, m.dialect) };
  }
  const migrator = new Migrator({
    db: m.db,
    provider: { getMigrations: () => Promise.resolve(record) },
    // Names sort in the order they are listed; we prefix them with numbers.
    allowUnorderedMigrations: false,
    // Kysely looks for its own tables across all schemas unless told which one is ours.
    ...(m.schema ? { migrationTableSchema: m.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error(`Migrating ${m.name} failed`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
