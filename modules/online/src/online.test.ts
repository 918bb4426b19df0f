import { LIVE_HUB } from '@meetcute/live';
// What spans several calls or reaches past HTTP: live channels opening and closing,
// the once-a-minute write, the order of the list over time, and `rebuild online`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import type { LiveHub } from '@meetcute/live';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { ONLINE, type Presence } from './index.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

const START = Date.parse('2026-06-01T10:00:00.000Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

const status = async (t: TestApp, as: string, memberId: string): Promise<boolean> => {
  const response = await t.call({ as, method: 'GET', url: `/api/v1/members/${memberId}/online` });
  assert.equal(response.status, 200, response.body);
  return (response.json as { online: boolean }).online;
};

const listed = async (t: TestApp, as: string, query: string) => {
  const response = await t.call({ as, method: 'GET', url: `/api/v1/online${query}` });
  assert.equal(response.status, 200, response.body);
  return response.json as {
    members: Array<{ memberId: string; lastSeenAt: string }>;
    nextCursor: string | null;
  };
};

// Plain objects: SQLite's rows have no prototype, and deepEqual compares prototypes.
const presenceRows = async (t: TestApp) =>
  (
    await sql<{
      member_id: string;
      last_seen_at: string;
      connected: number;
    }>`select member_id, last_seen_at, connected from presence order by member_id`.execute(
      t.app.channel('online').database.db,
    )
  ).rows.map((r) => ({ ...r, connected: Number(r.connected) }));

const databases = await testDatabases();
if (databases.skipped) test('online on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`online on ${dialect}`, () => {
    test('an open live channel keeps a member online without requests; closed, they go after five minutes', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        t.clock.set(at(0));
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const presence = t.app.services.require<Presence>(ONLINE);
        assert.equal(await presence.isOnline(bob.memberId), false, 'not here yet');

        const close = await hub.open(bob.memberId, 0, () => {});
        assert.equal(await status(t, nancy.memberId, bob.memberId), true, 'his page is open');
        t.clock.set(at(30));
        assert.equal(await status(t, nancy.memberId, bob.memberId), true, 'half an hour later, still open');
        assert.ok((await presence.onlineIds()).has(bob.memberId));
        const seen = await listed(t, nancy.memberId, '?maxDistanceKm=100');
        assert.deepEqual(
          seen.members.map((m) => [m.memberId, m.lastSeenAt]),
          [[bob.memberId, at(30)]],
          'an open page counts as seen now',
        );

        close();
        t.clock.set(at(34));
        assert.equal(await status(t, nancy.memberId, bob.memberId), true, 'four minutes after closing');
        t.clock.set(at(36));
        assert.equal(await status(t, nancy.memberId, bob.memberId), false, 'six minutes after closing');
        assert.equal(await presence.isOnline(bob.memberId), false);
        assert.ok(!(await presence.onlineIds()).has(bob.memberId));
      } finally {
        await t.close();
      }
    });

    test('two pages: closing one keeps the member online while the other is open', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        t.clock.set(at(0));
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const first = await hub.open(bob.memberId, 0, () => {});
        const second = await hub.open(bob.memberId, 0, () => {});
        first();
        t.clock.set(at(20));
        assert.equal(await status(t, nancy.memberId, bob.memberId), true);
        second();
        t.clock.set(at(26));
        assert.equal(await status(t, nancy.memberId, bob.memberId), false);
      } finally {
        await t.close();
      }
    });

    test('requests are written at most once a minute per member', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        const visit = () => t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/online' });
        t.clock.set(at(0));
        await visit();
        t.clock.set(new Date(START + 30_000).toISOString());
        await visit();
        await (t.app.services.require(ONLINE) as Presence & { settled(): Promise<void> }).settled();
        assert.deepEqual(await presenceRows(t), [
          { member_id: bob.memberId, last_seen_at: at(0), connected: 0 },
        ]);
        t.clock.set(at(1));
        await visit();
        await status(t, nancy.memberId, bob.memberId);
        const rows = await presenceRows(t);
        assert.deepEqual(
          rows.find((r) => r.member_id === bob.memberId),
          { member_id: bob.memberId, last_seen_at: at(1), connected: 0 },
        );
      } finally {
        await t.close();
      }
    });

    test('the list: most recently seen first, page by page', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        const visit = (as: string) => t.call({ as, method: 'GET', url: '/api/v1/online?limit=1' });
        t.clock.set(at(0));
        await visit(nancy.memberId);
        t.clock.set(at(2));
        await visit(eve.memberId);
        t.clock.set(at(3));
        const first = await listed(t, bob.memberId, '?maxDistanceKm=1000&limit=1');
        assert.deepEqual(
          first.members.map((m) => [m.memberId, m.lastSeenAt]),
          [[eve.memberId, at(2)]],
        );
        assert.ok(first.nextCursor);
        const second = await listed(
          t,
          bob.memberId,
          `?maxDistanceKm=1000&limit=1&cursor=${first.nextCursor}`,
        );
        assert.deepEqual(
          second.members.map((m) => [m.memberId, m.lastSeenAt]),
          [[nancy.memberId, at(0)]],
        );
        assert.equal(second.nextCursor, null);
      } finally {
        await t.close();
      }
    });

    test('rebuilding online from the event log leaves its projections identical and presence untouched', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: eve.memberId }),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: eve.memberId }),
          given(MemberUnblocked, { blockerId: bob.memberId, blockedId: eve.memberId }),
        ]);
        await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/online' });
        await (t.app.services.require(ONLINE) as Presence & { settled(): Promise<void> }).settled();
        const db = t.app.channel('online').database.db;
        const tables = async () => ({
          members: (await sql`select * from online_members order by member_id`.execute(db)).rows,
          pairs: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
          presence: await presenceRows(t),
        });
        const before = await tables();
        assert.equal(before.members.length, 3);
        assert.equal(before.pairs.length, 1);
        assert.equal(before.presence.length, 1);
        await t.app.rebuild('online');
        assert.deepEqual(await tables(), before);
      } finally {
        await t.close();
      }
    });
  });
}
