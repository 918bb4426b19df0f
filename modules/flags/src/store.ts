import { sql, type Kysely } from 'kysely';
import { integer, nullable, text, type Migration, type ModuleContext, type TablesOf } from '@meetcute/core';
import { FlagCreated, FlagKilled, FlagRamped, FlagRevived, FlagTargeted } from './events.ts';
import { targetingChange, type Flag, type Targeting } from './rules.ts';
import { activityMigrations, experimentMigrations, experimentTables } from './experiment-store.ts';
import { memberMigrations, memberTables } from './member-store.ts';

export const tables = {
  /** One row per flag, as its events left it; targeting and variants are JSON. */
  flags_flags: {
    key: text(),
    description: text(),
    variants: text(),
    ramp: integer(),
    targeting: text(),
    killed: integer(),
    created_at: text(),
    changed_at: text(),
  },
  /** Every change to a flag: who, when, what (JSON of the fields it changed, before and after). */
  flags_audit: {
    event_id: text(),
    flag_key: text(),
    at: text(),
    actor_id: nullable(text()),
    action: text(),
    detail: text(),
  },
  ...experimentTables,
  ...memberTables,
};
export type Tables = TablesOf<typeof tables>;
export type FlagsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_flags',
    async up(db) {
      await sql`create table flags_flags (
        key text primary key not null,
        description text not null,
        variants text not null,
        ramp integer not null,
        targeting text not null,
        killed integer not null,
        created_at text not null,
        changed_at text not null
      )`.execute(db);
      await sql`create table flags_audit (
        event_id text primary key not null,
        flag_key text not null,
        at text not null,
        actor_id text,
        action text not null,
        detail text not null
      )`.execute(db);
      await sql`create index flags_audit_by_flag on flags_audit (flag_key, at)`.execute(db);
    },
  },
  ...experimentMigrations,
  ...memberMigrations,
  ...activityMigrations,
];

export const flagProjections = ['flags_flags', 'flags_audit'];

type FlagRow = Tables['flags_flags'];

function flagOf(row: FlagRow): Flag {
  return {
    key: row.key,
    description: row.description,
    variants: JSON.parse(row.variants) as string[],
    ramp: row.ramp,
    targeting: JSON.parse(row.targeting) as Targeting,
    killed: row.killed === 1,
    createdAt: row.created_at,
    changedAt: row.changed_at,
  };
}

export async function flagByKey(db: FlagsDb, key: string): Promise<Flag | undefined> {
  const row = await db.selectFrom('flags_flags').selectAll().where('key', '=', key).executeTakeFirst();
  return row && flagOf(row);
}

export async function allFlags(db: FlagsDb): Promise<Flag[]> {
  const rows = await db.selectFrom('flags_flags').selectAll().orderBy('key').execute();
  return rows.map(flagOf);
}

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** A flag's changes, newest first. */
export async function auditOf(db: FlagsDb, key: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('flags_audit')
    .select(['at', 'actor_id', 'action', 'detail', 'event_id'])
    .where('flag_key', '=', key)
    .orderBy('at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

/**
 * The flags and their audit are a projection of the flag events: each event changes the
 * row and leaves one audit entry saying what it changed (before and after).
 */
export function projectFlags(ctx: ModuleContext<Tables>): void {
  const audit = async (
    tx: { db: FlagsDb },
    e: { id: string; occurredAt: string; actorId?: string | null | undefined },
    key: string,
    action: string,
    detail: Record<string, unknown>,
  ) => {
    await tx.db
      .insertInto('flags_audit')
      .values({
        event_id: e.id,
        flag_key: key,
        at: e.occurredAt,
        actor_id: e.actorId ?? null,
        action,
        detail: JSON.stringify(detail),
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  };
  const change = (tx: { db: FlagsDb }, key: string, at: string, values: Partial<FlagRow>) =>
    tx.db
      .updateTable('flags_flags')
      .set({ ...values, changed_at: at })
      .where('key', '=', key)
      .execute();

  ctx.on(FlagCreated, async (e, tx) => {
    const { key, description, variants, ramp, targeting } = e.payload;
    await tx.db
      .insertInto('flags_flags')
      .values({
        key,
        description,
        variants: JSON.stringify(variants),
        ramp,
        targeting: JSON.stringify(targeting),
        killed: 0,
        created_at: e.occurredAt,
        changed_at: e.occurredAt,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await audit(tx, e, key, 'created', { description, variants, ramp, targeting });
  });
  ctx.on(FlagTargeted, async (e, tx) => {
    const before = await flagByKey(tx.db, e.payload.key);
    if (!before) return;
    await change(tx, e.payload.key, e.occurredAt, { targeting: JSON.stringify(e.payload.targeting) });
    await audit(tx, e, e.payload.key, 'targeted', targetingChange(before.targeting, e.payload.targeting));
  });
  ctx.on(FlagRamped, async (e, tx) => {
    await change(tx, e.payload.key, e.occurredAt, { ramp: e.payload.to });
    await audit(tx, e, e.payload.key, 'ramped', { ramp: { before: e.payload.from, after: e.payload.to } });
  });
  ctx.on(FlagKilled, async (e, tx) => {
    await change(tx, e.payload.key, e.occurredAt, { killed: 1 });
    await audit(tx, e, e.payload.key, 'killed', {});
  });
  ctx.on(FlagRevived, async (e, tx) => {
    await change(tx, e.payload.key, e.occurredAt, { killed: 0 });
    await audit(tx, e, e.payload.key, 'revived', {});
  });
}
