import { sql } from 'kysely';
import { integer, nullable, text, type Migration, type ModuleContext } from '@meetcute/core';
import { AccountCreated, CityChanged, RegistrationApproved } from '@meetcute/registration/events';
import {
  EmailChanged,
  RoleGranted,
  RoleRevoked,
  TwoFactorDisabled,
  TwoFactorEnabled,
} from '@meetcute/auth/events';
import type { FlagSubject } from './rules.ts';
import type { FlagsDb, Tables } from './store.ts';

/**
 * The members as flags see them, from the events that say who they are: what a flag's
 * reach is counted over. A row per account; the email only to tell the roles the
 * operator's configuration gives (MEETCUTE_MODERATORS, MEETCUTE_OPERATORS).
 */
export const memberTables = {
  flags_members: {
    member_id: text(),
    email: text(),
    /** The roles given by events (JSON list); they hold only with a second factor. */
    roles: text(),
    second_factor: integer(),
    /** Where they live (ISO 3166-1 alpha-2), once approved. */
    country: nullable(text()),
    /** The language they signed up in: the best guess of what they read the site in. */
    language: nullable(text()),
  },
};

export const memberMigrations: Migration[] = [
  {
    name: '0003_flags_members',
    async up(db) {
      await sql`create table flags_members (
        member_id text primary key not null,
        email text not null,
        roles text not null,
        second_factor integer not null,
        country text,
        language text
      )`.execute(db);
    },
  },
];

export const memberProjections = ['flags_members'];

/** A member as a flag's targeting sees them (the email stays in the table). */
export interface FlagMember {
  memberId: string;
  /** Roles given by events or by the configuration, before the second factor is asked for. */
  granted: string[];
  secondFactor: boolean;
  country: string | null;
  language: string | null;
}

type Row = Tables['flags_members'];
export type ConfiguredRoles = { moderators: readonly string[]; operators: readonly string[] };

function memberOf(r: Row, configured: ConfiguredRoles): FlagMember {
  const granted = new Set(JSON.parse(r.roles) as string[]);
  if (configured.moderators.includes(r.email)) granted.add('moderator');
  if (configured.operators.includes(r.email)) granted.add('operator');
  return {
    memberId: r.member_id,
    granted: [...granted].sort(),
    secondFactor: r.second_factor === 1,
    country: r.country,
    language: r.language,
  };
}

/**
 * What the provider is told about the member when they ask: their roles as the viewer
 * has them (held back without a second factor, as auth does), their country, and the
 * language they signed up in.
 */
export function subjectOfMember(m: FlagMember): FlagSubject {
  return {
    memberId: m.memberId,
    roles: m.secondFactor ? m.granted : [],
    country: m.country ?? undefined,
    language: m.language ?? undefined,
  };
}

export async function memberById(
  db: FlagsDb,
  memberId: string,
  configured: ConfiguredRoles,
): Promise<FlagMember | undefined> {
  const row = await db
    .selectFrom('flags_members')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row && memberOf(row, configured);
}

export async function allMembers(db: FlagsDb, configured: ConfiguredRoles): Promise<FlagMember[]> {
  const rows = await db.selectFrom('flags_members').selectAll().orderBy('member_id').execute();
  return rows.map((r) => memberOf(r, configured));
}

/** The members table is a projection of registration's and auth's events about who members are. */
export function projectMembers(ctx: ModuleContext<Tables>): void {
  const change = async (tx: { db: FlagsDb }, memberId: string, values: Partial<Row>): Promise<void> => {
    await tx.db.updateTable('flags_members').set(values).where('member_id', '=', memberId).execute();
  };
  const roles = async (tx: { db: FlagsDb }, memberId: string, edit: (r: Set<string>) => void) => {
    const row = await tx.db
      .selectFrom('flags_members')
      .select('roles')
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (!row) return;
    const set = new Set(JSON.parse(row.roles) as string[]);
    edit(set);
    await change(tx, memberId, { roles: JSON.stringify([...set].sort()) });
  };
  ctx.on(AccountCreated, async ({ payload: p }, tx) => {
    await tx.db
      .insertInto('flags_members')
      .values({
        member_id: p.memberId,
        email: p.email.toLowerCase(),
        roles: '[]',
        second_factor: 0,
        country: null,
        language: p.language ?? null,
      })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .execute();
  });
  ctx.on(RegistrationApproved, ({ payload: p }, tx) =>
    change(tx, p.memberId, { country: p.application.city.country }),
  );
  ctx.on(CityChanged, ({ payload: p }, tx) => change(tx, p.memberId, { country: p.city.country }));
  ctx.on(EmailChanged, ({ payload: p }, tx) => change(tx, p.memberId, { email: p.email.toLowerCase() }));
  ctx.on(TwoFactorEnabled, ({ payload: p }, tx) => change(tx, p.memberId, { second_factor: 1 }));
  ctx.on(TwoFactorDisabled, ({ payload: p }, tx) => change(tx, p.memberId, { second_factor: 0 }));
  ctx.on(RoleGranted, ({ payload: p }, tx) => roles(tx, p.memberId, (r) => r.add(p.role)));
  ctx.on(RoleRevoked, ({ payload: p }, tx) => roles(tx, p.memberId, (r) => r.delete(p.role)));
}

/** The events that change a member's row, for the view that holds them. */
export const memberEvents = [
  AccountCreated,
  RegistrationApproved,
  CityChanged,
  EmailChanged,
  TwoFactorEnabled,
  TwoFactorDisabled,
  RoleGranted,
  RoleRevoked,
];
