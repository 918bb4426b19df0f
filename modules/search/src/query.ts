import { meets, propertyCondition } from './properties.ts';
import type { Expression, ExpressionBuilder, NotNull, SqlBool } from 'kysely';
import { ageIn } from '@meetcute/core';
import { notBlockedWith } from '@meetcute/block';
import { distanceKm } from '@meetcute/cities';
import type { Gender } from '@meetcute/registration/events';
import { birthdayRange, boundingBox, encodeCursor, type Criteria } from './rules.ts';
import {
  interestsOf,
  toMember,
  type Approved,
  type Member,
  type SearchDb,
  type SearchTables,
} from './store.ts';
import type { Searchable } from './index-view.ts';

/** One member found, as the API returns it and the page shows it. */
export interface Hit {
  memberId: string;
  nickname: string;
  /** Whole years today where the member lives. */
  age: number;
  gender: Gender;
  city: { id: number; label: string };
  /** Great-circle, from the search's place, in whole km. */
  distanceKm: number;
  interests: string[];
  lastActiveAt: string;
}

export interface Found {
  results: Hit[];
  nextCursor: string | null;
}

/** A condition on the `m` row of searchable_members, which may ask the other tables too. */
type Where = (
  eb: ExpressionBuilder<SearchTables & { m: SearchTables['searchable_members'] }, 'm'>,
) => Expression<SqlBool>;

/** The latitude/longitude box around the search's place: an index range, checked exactly after. */
function near(origin: Criteria['origin'], km: number): Where[] {
  const box = boundingBox(origin, km);
  const longitudes = box.longitudes;
  const lat: Where = (eb) => eb.between('m.latitude', box.minLat, box.maxLat);
  if (!longitudes) return [lat];
  return [lat, (eb) => eb.or(longitudes.map(([lo, hi]) => eb.between('m.longitude', lo, hi)))];
}

/**
 * Every condition a member must meet but distance, one clause each, all on the `m` row
 * of searchable_members. A new filter ("has photo", "online now") is one more entry.
 */
function conditions(viewerId: string, c: Criteria, at: Date, online: readonly string[]): Where[] {
  // Against today's UTC date; ages shown are counted where each member lives (see README).
  const born = birthdayRange(c.minAge, c.maxAge, at.toISOString().slice(0, 10));
  return [
    // Rows without an approval are members we heard act but who are not (yet) approved.
    (eb) => eb('m.approved_at', 'is not', null),
    (eb) => eb('m.member_id', '<>', viewerId),
    // A blocked pair, in either direction, never sees each other; nor anyone a suspended member.
    notBlockedWith(viewerId, 'm.member_id'),
    (eb) => eb('m.gender', 'in', c.genders),
    (eb) => eb.and([eb('m.birthday', '<=', born.latest), eb('m.birthday', '>', born.after)]),
    // Online now: presence is the online module's, asked for at search time.
    ...(c.onlineOnly
      ? [
          (eb: Parameters<Where>[0]) =>
            online.length > 0 ? eb('m.member_id', 'in', [...online]) : eb.val(false),
        ]
      : []),
    // Has a photo: an approved portrait, so every card found shows a photo (see README).
    ...(c.hasPhoto
      ? [
          (eb: Parameters<Where>[0]) =>
            eb.exists(
              eb
                .selectFrom('member_photos as p')
                .select('p.photo_id')
                .whereRef('p.member_id', '=', 'm.member_id')
                .where('p.portrait', '=', 1)
                .where('p.approved', '=', 1),
            ),
        ]
      : []),
    // Members who tell what the property filters ask for.
    ...[propertyCondition(c.properties)].filter((w) => w !== undefined),
    // Members with every tag asked for.
    ...c.interests.map(
      (tag): Where =>
        (eb) =>
          eb.exists(
            eb
              .selectFrom('member_interests as i')
              .select('i.tag')
              .whereRef('i.member_id', '=', 'm.member_id')
              .where('i.tag', '=', tag),
          ),
    ),
  ];
}

interface Candidate {
  memberId: string;
  distance: number;
  key: string | number;
}

function candidates(db: SearchDb, where: Where[]) {
  let query = db
    .selectFrom('searchable_members as m')
    .select(['m.member_id', 'm.latitude', 'm.longitude'])
    // Every search's conditions ask for approved members, whose place the approval filled in.
    .$narrowType<{ latitude: NotNull; longitude: NotNull }>();
  for (const w of where) query = query.where(w);
  return query;
}

interface Located {
  latitude: number;
  longitude: number;
}

const at = (row: Located) => ({ latitude: Number(row.latitude), longitude: Number(row.longitude) });

/**
 * Sorted by a column, newest first, paged by keyset in SQL. The box lets through a few
 * members outside the circle, so pages are read in chunks until one is full.
 */
async function byColumn(db: SearchDb, where: Where[], c: Criteria): Promise<Candidate[]> {
  const column = c.sort === 'newest' ? 'm.approved_at' : 'm.last_active_at';
  const chunk = (c.limit + 1) * 2;
  const found: Candidate[] = [];
  let after = c.cursor ? { key: String(c.cursor.value), memberId: c.cursor.memberId } : null;
  for (;;) {
    let query = candidates(db, [...where, ...near(c.origin, c.maxDistanceKm)])
      .select(`${column} as sort_key`)
      // Both dates are set on approval, and only approved members are candidates.
      .$narrowType<{ sort_key: NotNull }>();
    if (after) {
      const { key, memberId } = after;
      // The first condition is a range the index can seek to; the second settles ties on the value.
      query = query
        .where(column, '<=', key)
        .where((eb) => eb.or([eb(column, '<', key), eb('m.member_id', '>', memberId)]));
    }
    const rows = await query.orderBy(column, 'desc').orderBy('m.member_id').limit(chunk).execute();
    for (const row of rows) {
      const distance = distanceKm(c.origin, at(row));
      if (distance > c.maxDistanceKm) continue;
      found.push({ memberId: row.member_id, distance, key: row.sort_key });
      if (found.length > c.limit) return found;
    }
    const last = rows.at(-1);
    if (rows.length < chunk || !last) return found;
    after = { key: last.sort_key, memberId: last.member_id };
  }
}

/** The first ring a distance sort reads beyond its cursor; each further ring is four times wider. */
const FIRST_RING_KM = 25;

/**
 * Sorted by distance, then member id so equal distances page stably. SQL narrows to a
 * box; the exact distance and the order are worked out here. Rather than read every
 * member within the full distance, it reads a circle just past the cursor and widens it
 * until it holds a page: whoever lies outside a circle is farther than all inside it.
 */
async function byDistance(db: SearchDb, where: Where[], c: Criteria): Promise<Candidate[]> {
  const cursor = c.cursor;
  const from = cursor ? Number(cursor.value) : 0;
  const afterCursor = (r: Candidate) =>
    !cursor || r.distance > from || (r.distance === from && r.memberId > cursor.memberId);
  let step = FIRST_RING_KM;
  for (;;) {
    const radius = Math.min(c.maxDistanceKm, from + step);
    const rows = await candidates(db, [...where, ...near(c.origin, radius)]).execute();
    const found = rows
      .map((row) => {
        const distance = distanceKm(c.origin, at(row));
        return { memberId: row.member_id, distance, key: distance };
      })
      .filter((r) => r.distance <= radius && afterCursor(r));
    if (found.length > c.limit || radius >= c.maxDistanceKm) {
      return found
        .sort((a, b) => a.distance - b.distance || (a.memberId < b.memberId ? -1 : 1))
        .slice(0, c.limit + 1);
    }
    step *= 4;
  }
}

/** Approved members matching the criteria, as `viewerId` may see them: one page and where the next starts. */
export async function findMembers(
  db: SearchDb,
  viewerId: string,
  c: Criteria,
  at: Date,
  online: readonly string[] = [],
): Promise<Found> {
  const where = conditions(viewerId, c, at, online);
  const found = c.sort === 'distance' ? await byDistance(db, where, c) : await byColumn(db, where, c);
  const { page, nextCursor } = pageOf(found, c);
  if (page.length === 0) return { results: [], nextCursor };

  const ids = page.map((p) => p.memberId);
  const rows = await db
    .selectFrom('searchable_members')
    .selectAll()
    .where('member_id', 'in', ids)
    // The page holds approved members only (the conditions' first clause).
    .$narrowType<Approved>()
    .execute();
  const members = new Map(rows.map((r) => [r.member_id, toMember(r)]));
  const tags = await interestsOf(db, ids);
  const results: Hit[] = [];
  for (const p of page) {
    const m = members.get(p.memberId);
    if (m) results.push(hit(m, tags.get(m.memberId) ?? [], p.distance, at));
  }
  return { results, nextCursor };
}

function hit(m: Member, interests: string[], distance: number, at: Date): Hit {
  return {
    memberId: m.memberId,
    nickname: m.nickname,
    age: ageIn(m.city.timeZone, m.birthday, at),
    gender: m.gender,
    city: { id: m.city.id, label: m.city.label },
    distanceKm: Math.round(distance),
    interests,
    lastActiveAt: m.lastActiveAt,
  };
}

function pageOf<C extends Candidate>(found: C[], c: Criteria): { page: C[]; nextCursor: string | null } {
  const page = found.slice(0, c.limit);
  const last = page.at(-1);
  const nextCursor =
    found.length > c.limit && last
      ? encodeCursor({ sort: c.sort, value: last.key, memberId: last.memberId })
      : null;
  return { page, nextCursor };
}

/** Who is hidden from the searcher and who is online, for a search over the index. */
export interface Around {
  hidden: ReadonlySet<string>;
  online: ReadonlySet<string>;
}

/**
 * The same search as `findMembers`, over every searchable member in memory: one pass
 * checks each against the conditions and keeps the best `limit + 1` in order, so a page
 * costs the same whatever the sort and however deep the cursor. Same conditions, same
 * order, same cursors: the search tests hold the two to identical answers.
 */
export function searchMembers(
  index: Iterable<Searchable>,
  viewerId: string,
  c: Criteria,
  at: Date,
  around: Around,
): Found {
  const born = birthdayRange(c.minAge, c.maxAge, at.toISOString().slice(0, 10));
  const genders = new Set<string>(c.genders);
  const keyOf = (m: Searchable, distance: number): string | number =>
    c.sort === 'distance' ? distance : c.sort === 'newest' ? m.approvedAt : m.lastActiveAt;
  // Distance ascending, the dates newest first; equal keys by member id, as in SQL.
  const before = (a: Candidate, b: Candidate): boolean =>
    a.key === b.key ? a.memberId < b.memberId : c.sort === 'distance' ? a.key < b.key : a.key > b.key;
  // The cursor is the last member of the page before, as a candidate to compare with.
  const previous = c.cursor ? { key: c.cursor.value, memberId: c.cursor.memberId, distance: 0 } : null;

  const best: Array<Candidate & { member: Searchable }> = [];
  const keep = c.limit + 1;
  for (const m of index) {
    if (m.memberId === viewerId || around.hidden.has(m.memberId) || !genders.has(m.gender)) continue;
    if (m.birthday > born.latest || m.birthday <= born.after) continue;
    if (c.onlineOnly && !around.online.has(m.memberId)) continue;
    if (c.hasPhoto && !m.hasPhoto) continue;
    if (!c.interests.every((tag) => m.interests.includes(tag))) continue;
    if (!meets(m.properties, c.properties)) continue;
    const distance = distanceKm(c.origin, m.city);
    if (distance > c.maxDistanceKm) continue;
    const candidate = { memberId: m.memberId, distance, key: keyOf(m, distance), member: m };
    if (previous && !before(previous, candidate)) continue;
    if (best.length === keep && !before(candidate, best[keep - 1]!)) continue;
    // Insertion into a short sorted list: a page is tens of members, the index thousands.
    let i = best.length;
    while (i > 0 && before(candidate, best[i - 1]!)) i--;
    best.splice(i, 0, candidate);
    if (best.length > keep) best.pop();
  }
  const { page, nextCursor } = pageOf(best, c);
  return { results: page.map((p) => hit(p.member, p.member.interests, p.distance, at)), nextCursor };
}
