import { sql } from 'kysely';
import { serialPrimaryKey, type Migration } from '../db/migrations.ts';
import type { Db, Dialect } from '../db/storage.ts';

/**
 * Events that once carried a password hash. Credentials now live only in the auth
 * module's own table (its migration 0005 moves the hashes its accounts held), so the
 * copies in the log and in outboxes not yet relayed are erased. An upgrade stopped with
 * a password change not yet applied by auth loses that change: the member logs in with
 * the password before it, or asks for a reset link.
 */
async function eraseOldPasswordHashes(db: Db, dialect: Dialect, table: 'events' | 'outbox'): Promise<void> {
  const without =
    dialect === 'sqlite'
      ? sql`json_remove(payload, '$.passwordHash')`
      : sql`(payload::jsonb - 'passwordHash')::text`;
  await sql`update ${sql.table(table)} set payload = ${without}
    where type in ('AccountCreated', 'PasswordChanged', 'PasswordUpgraded')`.execute(db);
}

/**
 * Every module database carries its own outbox (events written in the same
 * transaction as the state change), checkpoint (how far into the event log it has read
 * and applied, moved in the transaction of the effects) and inbox (the ids of its own
 * events it applied when it published them, until the log delivers them).
 */
export const deliveryMigrations: Migration[] = [
  {
    name: '0000_delivery',
    async up(db, dialect) {
      await sql`create table outbox (
        position ${sql.raw(serialPrimaryKey(dialect))},
        id text not null unique,
        type text not null,
        version integer not null,
        occurred_at text not null,
        actor_id text,
        traceparent text,
        payload text not null
      )`.execute(db);
      await sql`create table inbox (event_id text primary key)`.execute(db);
      await sql`create table checkpoint (consumer text primary key, position bigint not null)`.execute(db);
      await sql`create table parked_events (
        event_id text primary key,
        position bigint not null,
        type text not null,
        error text not null,
        parked_at text not null
      )`.execute(db);
    },
  },
  {
    name: '0001_no_password_hashes',
    up: (db, dialect) => eraseOldPasswordHashes(db, dialect, 'outbox'),
  },
];

/** The event log: every event ever published, in the order the relay saw it. */
export const eventLogMigrations: Migration[] = [
  {
    name: '0001_event_log',
    async up(db, dialect) {
      await sql`create table events (
        position ${sql.raw(serialPrimaryKey(dialect))},
        id text not null unique,
        module text not null,
        type text not null,
        version integer not null,
        occurred_at text not null,
        actor_id text,
        traceparent text,
        payload text not null
      )`.execute(db);
      await sql`create index events_type on events (type, position)`.execute(db);
    },
  },
  {
    name: '0002_health_probe',
    async up(db) {
      // One row `/ready` writes to when writes were failing, to learn whether they work again.
      await sql`create table health_probe (id integer primary key, at text not null)`.execute(db);
    },
  },
  {
    name: '0003_idempotency',
    async up(db) {
      // Answers kept for retries of API POSTs that carried an Idempotency-Key (http/idempotency.ts).
      await sql`create table idempotency (
        key text primary key,
        fingerprint text not null,
        state text not null,
        status integer,
        content_type text,
        body text,
        started_at text not null
      )`.execute(db);
      await sql`create index idempotency_age on idempotency (started_at)`.execute(db);
    },
  },
  {
    name: '0004_site_secrets',
    async up(db) {
      // Keys the site makes once and every node shares (app.ts `siteSecret`), such as the form key.
      await sql`create table site_secrets (name text primary key, value text not null)`.execute(db);
    },
  },
  {
    name: '0005_erasures',
    async up(db) {
      // Deleted members whose events leave the log once every consumer has applied them (erasure.ts).
      await sql`create table erasures (member_id text primary key, pseudonym text not null, keep text not null, requested_at text not null)`.execute(
        db,
      );
    },
  },
  {
    name: '0006_no_password_hashes',
    up: (db, dialect) => eraseOldPasswordHashes(db, dialect, 'events'),
  },
];
