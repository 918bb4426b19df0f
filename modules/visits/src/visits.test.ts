// What spans several calls: views made through the profile module turning into
// visits, and `rebuild visits` restoring exactly the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile/events';

/** The whole app, as server/test/harness.ts builds it for the use cases. */
// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<{ visits: unknown[]; blocked: unknown[] }> {
  const db = t.app.channel('visits').database.db;
  return {
    visits: (await sql`select * from visits order by member_id, visitor_id, day`.execute(db)).rows,
    blocked: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
  };
}

const databases = await testDatabases();
if (databases.skipped) test('visits on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`visits on ${dialect}`, () => {
    test('Nancy opens Bob’s profile page twice, a day apart once: his visitors page and API agree', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        const open = () => t.call({ as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` });
        const list = async () =>
          (await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/visitors' })).json as {
            visitors: Array<{ visitor: { memberId: string }; visitedAt: string }>;
          };
        t.clock.set('2026-06-01T10:00:00.000Z');
        assert.equal((await open()).status, 200);
        t.clock.set('2026-06-01T15:00:00.000Z');
        assert.equal((await open()).status, 200);
        assert.deepEqual(
          (await list()).visitors.map((v) => [v.visitor.memberId, v.visitedAt]),
          [[nancy.memberId, '2026-06-01T15:00:00.000Z']],
        );
        t.clock.set('2026-06-02T08:00:00.000Z');
        assert.equal((await open()).status, 200);
        assert.deepEqual(
          (await list()).visitors.map((v) => v.visitedAt),
          ['2026-06-02T08:00:00.000Z', '2026-06-01T15:00:00.000Z'],
        );
        const page = await t.call({ as: bob.memberId, method: 'GET', url: '/visitors' });
        assert.equal(page.status, 200);
        assert.equal(page.body.split('class="card member-card"').length - 1, 2);
        assert.ok(page.body.includes('Visited you just now'));
        assert.ok(page.body.includes('Visited you 17 h ago'));
        // Opening one's own profile is no visit.
        await t.call({ as: bob.memberId, method: 'GET', url: `/members/${bob.memberId}` });
        const own = (await t.call({ as: nancy.memberId, method: 'GET', url: '/api/v1/visitors' })).json;
        assert.deepEqual(own, { visitors: [], nextCursor: null });
      } finally {
        await t.close();
      }
    });

    test('rebuilding visits from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const view = (viewerId: string, memberId: string, at: string) =>
          given(ProfileViewed, { viewerId, memberId }, { actorId: viewerId, at });
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          view(nancy.memberId, bob.memberId, '2026-06-01T10:05:00.000Z'),
          view(nancy.memberId, bob.memberId, '2026-06-01T09:00:00.000Z'),
          view(nancy.memberId, bob.memberId, '2026-06-02T09:00:00.000Z'),
          view(eve.memberId, bob.memberId, '2026-06-01T11:00:00.000Z'),
          view(bob.memberId, eve.memberId, '2026-06-01T11:30:00.000Z'),
          view(eve.memberId, nancy.memberId, '2026-06-01T12:00:00.000Z'),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: eve.memberId }),
          view(eve.memberId, nancy.memberId, '2026-06-01T12:30:00.000Z'),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
          given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
          view(bob.memberId, nancy.memberId, '2026-06-02T12:00:00.000Z'),
        ]);
        t.clock.set('2026-06-02T13:00:00.000Z');
        assert.equal(
          (await t.call({ as: eve.memberId, method: 'GET', url: `/members/${bob.memberId}` })).status,
          200,
        );

        const before = await tables(t);
        assert.equal(
          before.visits.length,
          7,
          "a visitor's day each, blocked pairs' too: a block hides, removes none",
        );
        assert.equal(before.blocked.length, 1);
        await t.app.rebuild('visits');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
