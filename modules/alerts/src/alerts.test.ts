import { LIVE_HUB } from '@meetcute/live';
// What spans several calls: an alert reaching Bob's open pages through the live hub
// with the new unread count, reading through the page, and `rebuild alerts` restoring
// exactly the same tables, read markers included.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given, type LiveNotification } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import type { LiveHub } from '@meetcute/live';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy, reinstated, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { ProfileViewed } from '@meetcute/profile/events';
import { PhotoApproved, PhotoDeleted, PhotoLiked } from '@meetcute/photos/events';

/** The whole app, as server/test/harness.ts builds it for the use cases. */
// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.app.channel('alerts').database.db;
  return {
    alerts: (await sql`select * from alerts order by alert_id`.execute(db)).rows,
    read: (await sql`select * from alerts_read order by member_id`.execute(db)).rows,
    blocked: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
    photos: (await sql`select * from alert_photos order by alert_id, photo_id`.execute(db)).rows,
  };
}

/** The members read their welcome alert (every approved member's first), so what follows starts from none unread. */
async function welcomed(t: TestApp, ...memberIds: string[]): Promise<void> {
  for (const memberId of memberIds) {
    const read = await t.call({ as: memberId, method: 'POST', url: '/api/v1/alerts/read' });
    assert.equal(read.status, 200);
  }
  await t.app.processAll();
}

const photoId = (n: number) => `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`;
const flirtId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const databases = await testDatabases();
if (databases.skipped) test('alerts on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`alerts on ${dialect}`, () => {
    test('Nancy flirts with Bob: his open page hears the alert and the new count, then the read count', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await welcomed(t, nancy.memberId, bob.memberId);
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const heard: LiveNotification[] = [];
        const close = await hub.open(bob.memberId, hub.latest(), (n) => heard.push(n));
        const nancyHeard: LiveNotification[] = [];
        const closeNancy = await hub.open(nancy.memberId, hub.latest(), (n) => nancyHeard.push(n));
        try {
          const flirt = await t.call({
            as: nancy.memberId,
            method: 'POST',
            url: '/api/v1/flirts',
            body: { memberId: bob.memberId },
          });
          assert.equal(flirt.status, 201);
          await t.app.processAll();
          assert.deepEqual(
            heard.map((n) => [n.type, n.data]),
            [
              [
                'alert',
                { kind: 'flirt', actorId: nancy.memberId, at: (flirt.json as { sentAt: string }).sentAt },
              ],
              ['counter', { name: 'alerts', count: 1 }],
            ],
          );
          // Bob's page shows the counter in the top bar too.
          const page = await t.call({ as: bob.memberId, method: 'GET', url: '/alerts' });
          assert.match(page.body, /data-counter="alerts"[^]*?<span class="badge"\s*>1<\/span>/);

          const done = await t.call({
            as: bob.memberId,
            method: 'POST',
            url: '/alerts/read',
            form: true,
            body: {},
          });
          assert.equal(done.status, 303);
          assert.deepEqual(heard.at(-1)?.data, { name: 'alerts', count: 0 });
          // Nothing of Bob's alerts went to Nancy.
          assert.deepEqual(nancyHeard, []);
        } finally {
          close();
          closeNancy();
        }
      } finally {
        await t.close();
      }
    });

    test('Nancy’s suspension takes her flirt off Bob’s count and page held in memory, and its lift puts it back', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await welcomed(t, bob.memberId);
        await t.given([
          given(FlirtSent, { flirtId: flirtId(1), senderId: nancy.memberId, recipientId: bob.memberId }),
          // What the site decided about her photo: hers whatever her standing.
          given(
            PhotoApproved,
            { photoId: photoId(1), ownerId: nancy.memberId, album: 'public' },
            { actorId: mo.memberId },
          ),
        ]);
        const count = async () =>
          (
            (await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/alerts/unread' })).json as {
              count: number;
            }
          ).count;
        const kinds = async () =>
          (
            (await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/alerts' })).json as {
              items: Array<{ kind: string }>;
            }
          ).items.map((i) => i.kind);
        // Bob's count, first page and Nancy's own alerts are in memory now, so the sanction has to move them.
        assert.equal(await count(), 1);
        assert.deepEqual(await kinds(), ['flirt', 'registration-approved']);
        await t.primeViews([nancy.memberId, bob.memberId]);
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const heard: LiveNotification[] = [];
        const close = await hub.open(bob.memberId, hub.latest(), (n) => heard.push(n));
        try {
          await t.given([suspended(nancy)]);
          await t.auditViews();
          assert.equal(await count(), 0);
          assert.deepEqual(await kinds(), ['registration-approved']);
          await t.given([reinstated(nancy)]);
          await t.auditViews();
          assert.equal(await count(), 1);
          assert.deepEqual(await kinds(), ['flirt', 'registration-approved']);
          assert.deepEqual(
            heard
              .filter((n) => n.type === 'counter' && (n.data as { name: string }).name === 'alerts')
              .map((n) => n.data),
            [
              { name: 'alerts', count: 0 },
              { name: 'alerts', count: 1 },
            ],
          );
        } finally {
          close();
        }
      } finally {
        await t.close();
      }
    });

    test('rebuilding alerts from the event log leaves its tables identical, read markers included', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const flirt = (n: number, senderId: string, recipientId: string, at: string) =>
          given(FlirtSent, { flirtId: flirtId(n), senderId, recipientId }, { actorId: senderId, at });
        const view = (viewerId: string, memberId: string, at: string) =>
          given(ProfileViewed, { viewerId, memberId }, { actorId: viewerId, at });
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          flirt(1, nancy.memberId, bob.memberId, '2026-05-01T08:00:00.000Z'),
          view(nancy.memberId, bob.memberId, '2026-05-01T09:00:00.000Z'),
          view(nancy.memberId, bob.memberId, '2026-05-01T10:00:00.000Z'),
          view(eve.memberId, bob.memberId, '2026-05-02T09:00:00.000Z'),
          given(FavouriteAdded, { memberId: eve.memberId, favouriteId: nancy.memberId }),
          view(bob.memberId, eve.memberId, '2026-05-02T11:00:00.000Z'),
          given(MemberBlocked, { blockerId: eve.memberId, blockedId: bob.memberId }),
          view(bob.memberId, eve.memberId, '2026-05-02T12:00:00.000Z'),
          given(MemberUnblocked, { blockerId: eve.memberId, blockedId: bob.memberId }),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: eve.memberId }),
          // Bob likes three of Nancy's photos in a day (one alert) and she deletes one of them.
          ...[1, 2, 3].map((n) =>
            given(
              PhotoLiked,
              { photoId: photoId(n), ownerId: nancy.memberId, memberId: bob.memberId },
              { actorId: bob.memberId, at: '2026-05-03T09:00:00.000Z' },
            ),
          ),
          given(PhotoDeleted, { photoId: photoId(2), ownerId: nancy.memberId }, { actorId: nancy.memberId }),
        ]);
        // Bob reads; then a visit from before his mark arrives late (read) and a new flirt (unread).
        t.clock.set('2026-06-01T11:00:00.000Z');
        assert.equal(
          (await t.call({ as: bob.memberId, method: 'POST', url: '/api/v1/alerts/read' })).status,
          200,
        );
        await t.given([
          view(eve.memberId, bob.memberId, '2026-05-01T08:30:00.000Z'),
          flirt(2, eve.memberId, bob.memberId, '2026-06-01T11:30:00.000Z'),
        ]);
        const count = await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/alerts/unread' });
        assert.deepEqual(count.json, { count: 1 });

        const before = await tables(t);
        assert.equal(
          before.alerts?.length,
          11,
          "eight of what members did (a block hides a pair's alerts, removes none), and each one's welcome",
        );
        assert.equal(before.photos?.length, 2, 'the like alert stands for the two photos left');
        assert.equal(before.read?.length, 1);
        assert.equal(before.blocked?.length, 1);
        await t.app.rebuild('alerts');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
