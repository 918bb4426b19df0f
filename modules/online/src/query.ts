import { notBlockedWith } from '@meetcute/block';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ageIn } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import type { Gender } from '@meetcute/registration/events';
import { birthdayRange, encodeCursor, onlineSince, type Filters } from './rules.ts';
import { toMember, type Member, type OnlineDb, type Tables } from './store.ts';

/** One online member, as the API returns it and the page shows it. */
export interface OnlineMember {
  memberId: string;
  nickname: string;
  /** Whole years today where the member lives. */
  age: number;
  gender: Gender;
  cityLabel: string;
  /** Great-circle from the viewer's city in whole km; null while the viewer's own approval is on its way. */
  distanceKm: number | null;
  /** Now for a member with a live channel open, else their last request. */
  lastSeenAt: string;
  connected: boolean;
}

export interface OnlinePage {
  members: OnlineMember[];
  nextCursor: string | null;
}

/** The module's tables with online_members as `m` and presence as `p`, as the list joins them. */
type Joined = Tables & { m: Tables['online_members']; p: Tables['presence'] };
type Where = (eb: ExpressionBuilder<Joined, 'm' | 'p'>) => Expression<SqlBool>;

/** A row of the list: the member's facts, when they were seen and whether a channel is open. */
type Row = Tables['online_members'] & { seen_at: string; connected: 0 | 1 };

/**
 * Every condition but distance, on `m` (online_members) joined with `p` (presence):
 * online, not the viewer, no block between them either way, the gender and the age.
 */
function conditions(viewerId: string, f: Filters, now: Date): Where[] {
  const born = birthdayRange(f.minAge, f.maxAge, now.toISOString().slice(0, 10));
  return [
    (eb) => eb.or([eb('p.connected', '=', 1), eb('p.last_seen_at', '>=', onlineSince(now))]),
    (eb) => eb('m.member_id', '<>', viewerId),
    // A blocked pair, in either direction, never sees each other (the block kit's one filter).
    notBlockedWith(viewerId, 'm.member_id'),
    (eb) => eb('m.gender', 'in', f.genders),
    (eb) => eb.and([eb('m.birthday', '<=', born.latest), eb('m.birthday', '>', born.after)]),
  ];
}

/**
 * Online members the viewer may see, most recently seen first (an open channel counts
 * as seen now), paged by keyset on (seen, member id). Distance is checked here, so
 * rows are read in chunks until a page is full. Seen moments move as members act, so
 * someone who acts between two pages may show twice or not at all; a list of who is
 * here now can live with that.
 */
export async function onlineMembers(
  db: OnlineDb,
  viewerId: string,
  viewer: Member | undefined,
  f: Filters,
  now: Date,
): Promise<OnlinePage> {
  const nowIso = now.toISOString();
  const seen = sql<string>`(case when p.connected = 1 then ${nowIso} else p.last_seen_at end)`;
  const where = conditions(viewerId, f, now);
  const chunk = (f.limit + 1) * 2;
  const found: Array<{ row: Row; distance: number | null }> = [];
  let after = f.cursor;
  for (;;) {
    let query = db
      .selectFrom('online_members as m')
      .innerJoin('presence as p', 'p.member_id', 'm.member_id')
      .selectAll('m')
      .select([seen.as('seen_at'), 'p.connected']);
    for (const w of where) query = query.where(w);
    if (after) {
      const { seenAt, memberId } = after;
      query = query
        .where(seen, '<=', seenAt)
        .where((eb) => eb.or([eb(seen, '<', seenAt), eb('m.member_id', '>', memberId)]));
    }
    const rows = await query.orderBy(seen, 'desc').orderBy('m.member_id').limit(chunk).execute();
    for (const row of rows) {
      const distance = viewer
        ? distanceKm(viewer, { latitude: row.latitude, longitude: row.longitude })
        : null;
      if (distance !== null && distance > f.maxDistanceKm) continue;
      found.push({ row, distance });
      if (found.length > f.limit) break;
    }
    const last = rows.at(-1);
    if (found.length > f.limit || rows.length < chunk || !last) break;
    after = { seenAt: last.seen_at, memberId: last.member_id };
  }

  const page = found.slice(0, f.limit);
  const end = page.at(-1);
  const nextCursor =
    found.length > f.limit && end
      ? encodeCursor({ seenAt: end.row.seen_at, memberId: end.row.member_id })
      : null;
  return {
    members: page.map(({ row, distance }) => {
      const m = toMember(row);
      return {
        memberId: m.memberId,
        nickname: m.nickname,
        age: ageIn(m.timeZone, m.birthday, now),
        gender: m.gender,
        cityLabel: m.cityLabel,
        distanceKm: distance === null ? null : Math.round(distance),
        lastSeenAt: row.seen_at,
        connected: row.connected === 1,
      };
    }),
    nextCursor,
  };
}
