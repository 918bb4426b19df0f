import { sql, type ExpressionBuilder } from 'kysely';
import {
  integer,
  nullable,
  text,
  type FieldProblem,
  type Migration,
  type ModuleContext,
} from '@meetcute/core';
import {
  CHOICES,
  CHOICE_NAMES,
  HEIGHT_CM,
  ProfilePropertiesChanged,
  SPOKEN,
  type Properties,
} from '@meetcute/profile/events';
import { single, values, whole, type RawQuery } from './filters.ts';
import type { SearchDb, SearchTables } from './store.ts';

/**
 * Searching by profile properties (height, what they look for, children, smoking,
 * languages spoken), whose lists the profile module defines. A filter asks for members
 * who tell a value asked for; a member who keeps a property to themselves does not
 * match a filter on it.
 */
export const propertyTables = {
  /** What each member tells; languages as ",sv,en," so one LIKE finds a code on both databases. */
  member_properties: {
    member_id: text(),
    height_cm: nullable(integer()),
    goal: nullable(text()),
    children: nullable(text()),
    smoking: nullable(text()),
    languages: text(),
  },
};

export const propertiesMigration: Migration = {
  name: '0003_member_properties',
  async up(db) {
    await sql`create table member_properties (
      member_id text primary key,
      height_cm integer,
      goal text,
      children text,
      smoking text,
      languages text not null
    )`.execute(db);
  },
};

/** `touch` is the store's "last active", passed in because the store imports this file's tables. */
export function projectProperties(
  ctx: ModuleContext<SearchTables>,
  touch: (db: SearchDb, memberId: string | null, at: string) => Promise<void>,
): void {
  ctx.on(ProfilePropertiesChanged, async (e, tx) => {
    const p = e.payload.properties;
    const row = {
      height_cm: p.heightCm ?? null,
      goal: p.goal ?? null,
      children: p.children ?? null,
      smoking: p.smoking ?? null,
      languages: p.languages?.length ? `,${p.languages.join(',')},` : '',
    };
    await tx.db
      .insertInto('member_properties')
      .values({ member_id: e.payload.memberId, ...row })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
      .execute();
    // Telling something is being active, as the index counts it (index-view.ts).
    await touch(tx.db, e.actorId, e.occurredAt);
  });
}

/** Properties by member, as the index holds them. */
export async function readProperties(
  db: SearchDb,
  ids?: readonly string[],
): Promise<Map<string, Properties>> {
  let query = db.selectFrom('member_properties').selectAll();
  if (ids) query = query.where('member_id', 'in', ids);
  const found = new Map<string, Properties>();
  for (const row of await query.execute()) {
    const p: Properties = {};
    if (row.height_cm !== null) p.heightCm = Number(row.height_cm);
    for (const name of CHOICE_NAMES) {
      const value = row[name];
      if (value !== null) Object.assign(p, { [name]: value });
    }
    const spoken = row.languages.split(',').filter(Boolean) as Properties['languages'];
    if (spoken?.length) p.languages = spoken;
    found.set(row.member_id, p);
  }
  return found;
}

/** The property filters of a search: empty lists and absent bounds ask nothing. */
export interface PropertyFilters {
  minHeight?: number;
  maxHeight?: number;
  goal: string[];
  children: string[];
  smoking: string[];
  languages: string[];
}

export type PropertyMessage = 'badHeight' | 'badProperty';

/** Reads the property filters; each mistake is added to `errors`, naming its parameter. */
export function readPropertyFilters(
  raw: RawQuery,
  say: (key: PropertyMessage, vars?: Record<string, string | number>) => string,
  errors: FieldProblem[],
): PropertyFilters {
  const height = (name: 'minHeight' | 'maxHeight'): number | undefined => {
    const text = single(raw, name);
    if (text === undefined) return undefined;
    const n = whole(text, HEIGHT_CM.min, HEIGHT_CM.max);
    if (Number.isNaN(n)) errors.push({ field: name, message: say('badHeight', HEIGHT_CM) });
    return n;
  };
  const listed = (name: string, allowed: readonly string[]): string[] => {
    const asked = [...new Set(values(raw, name, true))];
    const unknown = asked.filter((v) => !allowed.includes(v));
    if (unknown.length > 0)
      errors.push({ field: name, message: say('badProperty', { value: unknown.join(', ') }) });
    return asked;
  };
  const filters: PropertyFilters = {
    goal: listed('goal', CHOICES.goal),
    children: listed('children', CHOICES.children),
    smoking: listed('smoking', CHOICES.smoking),
    languages: listed('language', SPOKEN),
  };
  const minHeight = height('minHeight');
  const maxHeight = height('maxHeight');
  if (minHeight !== undefined) filters.minHeight = minHeight;
  if (maxHeight !== undefined) filters.maxHeight = maxHeight;
  return filters;
}

const asksNothing = (f: PropertyFilters) =>
  f.minHeight === undefined &&
  f.maxHeight === undefined &&
  CHOICE_NAMES.every((name) => f[name].length === 0) &&
  f.languages.length === 0;

/** Whether what a member tells meets the filters (the index's pass). */
export function meets(p: Properties | undefined, f: PropertyFilters): boolean {
  if (asksNothing(f)) return true;
  if (!p) return false;
  if (f.minHeight !== undefined && (p.heightCm === undefined || p.heightCm < f.minHeight)) return false;
  if (f.maxHeight !== undefined && (p.heightCm === undefined || p.heightCm > f.maxHeight)) return false;
  for (const name of CHOICE_NAMES) {
    const value: string | undefined = p[name];
    if (f[name].length > 0 && (value === undefined || !f[name].includes(value))) return false;
  }
  return f.languages.length === 0 || f.languages.some((code) => p.languages?.some((c) => c === code));
}

type Eb = ExpressionBuilder<SearchTables & { m: SearchTables['searchable_members'] }, 'm'>;

/** The same filters as one SQL condition on the `m` row (the tables' path), or none. */
export function propertyCondition(f: PropertyFilters): ((eb: Eb) => ReturnType<Eb['exists']>) | undefined {
  if (asksNothing(f)) return undefined;
  return (eb) => {
    let q = eb
      .selectFrom('member_properties as p')
      .select('p.member_id')
      .whereRef('p.member_id', '=', 'm.member_id');
    if (f.minHeight !== undefined) q = q.where('p.height_cm', '>=', f.minHeight);
    if (f.maxHeight !== undefined) q = q.where('p.height_cm', '<=', f.maxHeight);
    for (const name of CHOICE_NAMES) if (f[name].length > 0) q = q.where(`p.${name}`, 'in', f[name]);
    if (f.languages.length > 0)
      q = q.where((w) => w.or(f.languages.map((code) => w('p.languages', 'like', `%,${code},%`))));
    return eb.exists(q);
  };
}
