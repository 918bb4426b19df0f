import { sql } from 'kysely';
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

/**
 * Applies the module's migrations that have not run yet, in the order listed, each in
 * its own transaction with its record. We keep our own small table instead of a
 * generic migrator because a generic one inspects every table of the database to find
 * its own, which gets slow on a PostgreSQL shared by many module schemas.
 */
export async function migrate(m: ModuleDatabase, migrations: Migration[]): Promise<string[]> {
  const names = new Set<string>();
  for (const migration of migrations) {
    if (names.has(migration.name))
      throw new Error(`Migration ${migration.name} of ${m.name} is listed twice`);
    names.add(migration.name);
  }
  await ensureSchema(m);
  await sql`create table if not exists schema_migrations (name text primary key, applied_at text not null)`.execute(
    m.db,
  );
  const applied = new Set(
    ((await m.db.selectFrom('schema_migrations').select('name').execute()) as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    try {
      await m.db.transaction().execute(async (tx) => {
        await migration.up(tx, m.dialect);
        await tx
          .insertInto('schema_migrations')
          .values({ name: migration.name, applied_at: new Date().toISOString() })
          .execute();
      });
    } catch (error) {
      throw new Error(`Migration ${migration.name} of ${m.name} failed`, { cause: error });
    }
    done.push(migration.name);
  }
  return done;
}
