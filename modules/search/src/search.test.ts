// What spans several calls: walking every sort page by page, on the API and on the page,
// and `rebuild search` leaving the tables identical.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given, type Given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { distanceKm } from '@meetcute/cities';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { RegistrationApproved, type Application } from '@meetcute/registration/events';
import { PhotoApproved, PhotoDeleted, PhotoUploaded, PortraitChosen } from '@meetcute/photos/events';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy, signedUp, type CastMember } from '@meetcute/cast';
import { findMembers, type Found } from './query.ts';
import type { SearchDb } from './store.ts';
import { decodeCursor, LIMITS as FILTER_LIMITS, type Criteria } from './rules.ts';
import type { Applied } from './searches.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

const place = (id: number, name: string, latitude: number, longitude: number): Application['city'] => ({
  id,
  name,
  label: `${name}, Sweden`,
  country: 'SE',
  latitude,
  longitude,
  timeZone: 'Europe/Stockholm',
});
const PLACES = [
  bob.application.city,
  nancy.application.city,
  place(2716166, 'Enköping', 59.63607, 17.07768),
  place(2664454, 'Västerås', 59.61617, 16.55276),
  place(2679302, 'Sigtuna', 59.61731, 17.72361),
  place(2700199, 'Knivsta', 59.72564, 17.78753),
];

/**
 * Fifteen women Bob looks for, with ties on purpose: several share a place (equal
 * distance), an approval time (equal "newest") and a last-active time.
 */
const crowd: CastMember[] = Array.from({ length: 15 }, (_, i) => ({
  memberId: `00000000-0000-7000-8000-0000000007${String(i).padStart(2, '0')}`,
  email: `w${i}@example.com`,
  application: {
    nickname: `Woman${i}`,
    gender: 'woman',
    birthday: `${1992 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
    city: PLACES[i % PLACES.length]!,
    lookingFor: { genders: ['man'], minAge: 25, maxAge: 45, maxDistanceKm: 100 },
    aboutMe: '',
  },
}));
const approvedAt = (i: number) => `2026-05-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T08:00:00.000Z`;
const activeAt = (i: number) => `2026-05-${String(20 + (i % 4)).padStart(2, '0')}T12:00:00.000Z`;

function history(): Given[] {
  return [
    ...approved(bob),
    ...crowd.flatMap((m, i) => [
      ...signedUp(m),
      given(
        RegistrationApproved,
        { memberId: m.memberId, moderatorId: mo.memberId, application: m.application },
        { actorId: mo.memberId, at: approvedAt(i) },
      ),
      // Two in three do something after their approval.
      ...(i % 3 === 2
        ? []
        : [
            given(
              InterestAdded,
              { memberId: m.memberId, tag: `tag${i % 2}` },
              { actorId: m.memberId, at: activeAt(i) },
            ),
          ]),
    ]),
  ];
}

/** The order each sort must give, worked out here from the givens, ties broken by member id. */
function expected(sort: 'lastActive' | 'newest' | 'distance'): string[] {
  const key = (m: CastMember, i: number): string | number =>
    sort === 'distance'
      ? distanceKm(bob.application.city, m.application.city)
      : sort === 'newest'
        ? approvedAt(i)
        : i % 3 === 2
          ? approvedAt(i)
          : activeAt(i);
  return crowd
    .map((m, i) => ({ id: m.memberId, k: key(m, i) }))
    .sort((a, b) => {
      if (a.k !== b.k) return (sort === 'distance' ? a.k < b.k : a.k > b.k) ? -1 : 1;
      return a.id < b.id ? -1 : 1;
    })
    .map((x) => x.id);
}

interface Page {
  results: Array<{ memberId: string }>;
  nextCursor: string | null;
}

async function walk(t: TestApp, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/v1/search?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await t.call({ as: bob.memberId, method: 'GET', url });
    assert.equal(response.status, 200, response.body);
    const page = response.json as Page;
    ids.push(...page.results.map((r) => r.memberId));
    cursor = page.nextCursor;
    pages++;
    assert.ok(pages < 50, 'paging ends');
  } while (cursor);
  return { ids, pages };
}

const TABLES = ['searchable_members', 'member_interests', 'blocked_pairs', 'member_photos'];

const SIZES = {
  thumb: { width: 240, height: 240 },
  profile: { width: 640, height: 480 },
  full: { width: 1600, height: 1200 },
};
const photoId = (n: number) => `00000000-0000-7000-8000-b${String(n).padStart(11, '0')}`;
/** Photos of three members: a portrait approved, one still waiting, one deleted, one private. */
function photos(): Given[] {
  const [a, b, c] = [crowd[3]!.memberId, crowd[4]!.memberId, crowd[5]!.memberId];
  const upload = (ownerId: string, n: number, album: 'public' | 'private' = 'public') =>
    given(PhotoUploaded, { photoId: photoId(n), ownerId, album, sizes: SIZES }, { actorId: ownerId });
  const approve = (ownerId: string, n: number, album: 'public' | 'private' = 'public') =>
    given(PhotoApproved, { photoId: photoId(n), ownerId, album }, { actorId: mo.memberId });
  const portrait = (memberId: string, n: number | null) =>
    given(PortraitChosen, { memberId, photoId: n === null ? null : photoId(n) }, { actorId: memberId });
  return [
    upload(a, 1),
    portrait(a, 1),
    approve(a, 1),
    upload(a, 2),
    approve(a, 2),
    portrait(a, 2),
    upload(b, 3),
    portrait(b, 3),
    upload(c, 4),
    portrait(c, 4),
    approve(c, 4),
    given(PhotoDeleted, { photoId: photoId(4), ownerId: c }, { actorId: c }),
    upload(c, 5, 'private'),
    approve(c, 5, 'private'),
  ];
}
async function tables(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.app.channel('search').database.db;
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = (await sql`select * from ${sql.table(table)}`.execute(db)).rows;
  for (const rows of Object.values(out))
    rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return out;
}

const databases = await testDatabases();
if (databases.skipped) test('search on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`search on ${dialect}`, () => {
    test('every sort pages through all matches once, in a stable order, ties included', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(history());
        for (const sort of ['lastActive', 'newest', 'distance'] as const) {
          const all = expected(sort);
          const { ids, pages } = await walk(t, `sort=${sort}&limit=4`);
          assert.deepEqual(ids, all, `${sort}, four at a time`);
          assert.equal(pages, Math.ceil(all.length / 4));
          assert.deepEqual((await walk(t, `sort=${sort}&limit=1`)).ids, all, `${sort}, one at a time`);
          assert.deepEqual((await walk(t, `sort=${sort}&limit=50`)).ids, all, `${sort}, all at once`);
        }
        // A narrower circle: the box lets a few through that the exact distance drops, and pages stay full.
        const near = crowd
          .filter((m) => distanceKm(bob.application.city, m.application.city) <= 30)
          .map((m) => m.memberId);
        const { ids } = await walk(t, 'sort=lastActive&limit=2&maxDistanceKm=30');
        assert.deepEqual([...ids].sort(), [...near].sort());
        assert.deepEqual(
          ids,
          expected('lastActive').filter((id) => near.includes(id)),
        );
      } finally {
        await t.close();
      }
    });

    test('the page’s "Next page" links walk the same members as the API', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(history());
        const all = expected('distance');
        const seen: string[] = [];
        let url: string | null = '/search?sort=distance&limit=6';
        while (url) {
          const response = await t.call({ as: bob.memberId, method: 'GET', url });
          assert.equal(response.status, 200);
          for (const m of response.body.matchAll(/<h3><a href="\/members\/([0-9a-f-]+)">/g)) seen.push(m[1]!);
          const next = /<a rel="next" href="([^"]+)">/.exec(response.body)?.[1];
          url = next ? next.replaceAll('&amp;', '&') : null;
        }
        assert.deepEqual(seen, all);
      } finally {
        await t.close();
      }
    });

    test('the index in memory answers every search, page by page, as the tables do', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...history(),
          ...photos(),
          given(
            InterestAdded,
            { memberId: crowd[0]!.memberId, tag: 'tag1' },
            { actorId: crowd[0]!.memberId },
          ),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: crowd[1]!.memberId }),
          given(MemberBlocked, { blockerId: crowd[6]!.memberId, blockedId: bob.memberId }),
        ]);
        // The app holds each module's database untyped; this one holds search's tables.
        const db = t.app.channel('search').database.db as SearchDb;
        const queries = [
          'sort=lastActive&limit=4',
          'sort=newest&limit=3',
          'sort=distance&limit=2',
          'sort=distance&maxDistanceKm=30&limit=2',
          'hasPhoto=true',
          'interests=tag0&sort=newest&limit=2',
          'interests=tag0&interests=tag1',
          'minAge=30&maxAge=31&sort=distance',
          'gender=man&gender=woman&minAge=18&maxAge=99&limit=5',
        ];
        let pages = 0;
        for (const query of queries) {
          let cursor: string | null = null;
          do {
            const url: string = `/api/v1/search?${query}${cursor ? `&cursor=${cursor}` : ''}`;
            const response = await t.call({ as: bob.memberId, method: 'GET', url });
            assert.equal(response.status, 200, response.body);
            const { applied, ...memory } = response.json as Found & { applied: Applied };
            const criteria: Criteria = {
              ...applied,
              // These queries ask no property filters: the tables and the index agree on the rest.
              properties: { goal: [], children: [], smoking: [], languages: [] },
              origin: bob.application.city,
              cursor: cursor === null ? null : decodeCursor(cursor),
              limit: Number(/limit=(\d+)/.exec(query)?.[1] ?? FILTER_LIMITS.page.default),
            };
            const tables = await findMembers(db, bob.memberId, criteria, t.clock.now());
            assert.deepEqual(
              memory,
              JSON.parse(JSON.stringify(tables)),
              `${url} from memory and from the tables`,
            );
            assert.ok(
              !memory.results.some((r) => [crowd[1]!, crowd[6]!].some((m) => m.memberId === r.memberId)),
            );
            cursor = memory.nextCursor;
            pages++;
          } while (cursor);
        }
        assert.ok(pages > queries.length, 'some searches took several pages');
        const metrics = await t.call({ method: 'GET', url: '/metrics' });
        assert.match(metrics.body, /meetcute_searches_total \d+/);
        assert.match(metrics.body, /meetcute_searches_from_tables_total 0\b/, 'every search ran in memory');
      } finally {
        await t.close();
      }
    });

    test('rebuilding search from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...history(),
          ...approved(nancy),
          ...signedUp(eve),
          given(InterestAdded, { memberId: eve.memberId, tag: 'sauna' }, { actorId: eve.memberId }),
          given(InterestAdded, { memberId: nancy.memberId, tag: 'jazz' }, { actorId: nancy.memberId }),
          given(
            InterestRemoved,
            { memberId: crowd[0]!.memberId, tag: 'tag0' },
            { actorId: crowd[0]!.memberId },
          ),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: crowd[1]!.memberId }),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: bob.memberId }),
          given(MemberUnblocked, { blockerId: nancy.memberId, blockedId: bob.memberId }),
          // A re-approval keeps the first approval date and refreshes the facts.
          given(
            RegistrationApproved,
            {
              memberId: crowd[2]!.memberId,
              moderatorId: mo.memberId,
              application: { ...crowd[2]!.application, nickname: 'Renamed' },
            },
            { actorId: mo.memberId },
          ),
          ...photos(),
        ]);
        // And some through the other modules' commands, as members make them.
        t.clock.set('2026-06-01T11:00:00.000Z');
        const post = (as: string, url: string, body: unknown) => t.call({ as, method: 'POST', url, body });
        assert.equal((await post(nancy.memberId, '/api/v1/interests', { tag: 'Hiking' })).status, 201);
        assert.equal((await post(bob.memberId, '/api/v1/flirts', { memberId: nancy.memberId })).status, 201);

        const before = await tables(t);
        assert.equal(
          before.searchable_members!.length,
          crowd.length + 4,
          'the crowd, Bob, Nancy, Eve and Mo',
        );
        assert.equal(before.blocked_pairs!.length, 1);
        assert.equal(before.member_photos!.length, 3, 'public photos not deleted');
        const withPhoto = (
          await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/search?hasPhoto=true&limit=50' })
        ).json as { results: Array<{ memberId: string }> };
        assert.deepEqual(
          withPhoto.results.map((r) => r.memberId),
          [crowd[3]!.memberId],
          'only the approved portrait counts',
        );
        const bobs = (
          await t.call({ as: nancy.memberId, method: 'GET', url: '/api/v1/search?maxDistanceKm=100' })
        ).json as { results: Array<{ memberId: string; lastActiveAt: string }> };
        assert.deepEqual(
          bobs.results.map((r) => [r.memberId, r.lastActiveAt]),
          [[bob.memberId, '2026-06-01T11:00:00.000Z']],
          'Bob’s flirt made him active',
        );
        await t.app.rebuild('search');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
