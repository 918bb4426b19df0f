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
  await m.db.transaction().execute(async (tx) => {
    await oneAtATime(tx, m);
    await ensureSchema({ ...m, db: tx });
    await sql`create table if not exists schema_migrations (name text primary key, applied_at text not null)`.execute(
      tx,
    );
  });
  const applied = new Set(
    ((await m.db.selectFrom('schema_migrations').select('name').execute()) as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    try {
      const ran = await m.db.transaction().execute(async (tx) => {
        // Another node may have run it while this one waited for the lock.
        if (await oneAtATime(tx, m)) {
          const found = await tx
            .selectFrom('schema_migrations')
            .select('name')
            .where('name', '=', migration.name)
            .executeTakeFirst();
          if (found) return false;
        }
        await migration.up(tx, m.dialect);
        await tx
          .insertInto('schema_migrations')
          .values({ name: migration.name, applied_at: new Date().toISOString() })
          .execute();
        return true;
      });
      if (!ran) continue;
    } catch (error) {
      throw new Error(`Migration ${migration.name} of ${m.name} failed`, { cause: error });
    }
    done.push(migration.name);
  }
  return done;
}

/**
 * Nodes of a cluster start together: on PostgreSQL one migrates a module while the others
 * wait (a transaction lock per module, waited for longer than a request would), then find
 * the work done. True when it took the lock (PostgreSQL).
 */
async function oneAtATime(tx: Db, m: ModuleDatabase): Promise<boolean> {
  if (m.dialect !== 'postgres') return false;
  await sql`set local lock_timeout = '60s'`.execute(tx);
  await sql`select pg_advisory_xact_lock(hashtext(${`meetcute.migrate.${m.name}`}))`.execute(tx);
  return true;
}
