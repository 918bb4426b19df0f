// What no single call shows: the service the news module uses (the one-way fit and
// the suggestions), and `rebuild matching` restoring exactly the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, nancy, signedUp } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { adam, carl, erik, frank } from './use-cases.cast.ts';
import { MATCHING, type Matching } from './service.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.app.channel('matching').database.db;
  return {
    members: (await sql`select * from members order by member_id`.execute(db)).rows,
    interests: (await sql`select * from member_interests order by member_id, tag`.execute(db)).rows,
    blocked: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
  };
}

const likes = (memberId: string, tag: string) => given(InterestAdded, { memberId, tag });

const databases = await testDatabases();
if (databases.skipped) test('matching on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`matching on ${dialect}`, () => {
    test('the service: one-way fit, and suggestions best first', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(adam),
          ...approved(carl),
          ...approved(frank),
          ...signedUp(erik),
          likes(nancy.memberId, 'jazz'),
          likes(carl.memberId, 'jazz'),
          given(MemberBlocked, { blockerId: frank.memberId, blockedId: adam.memberId }),
        ]);
        const matching = t.app.services.require<Matching>(MATCHING);
        // Bob looks for women 25–35 within 100 km: Nancy fits him; he is beyond her 50 km.
        assert.equal(await matching.fits(bob.memberId, nancy.memberId), true);
        assert.equal(await matching.fits(nancy.memberId, bob.memberId), false);
        // Frank is what Nancy looks for; she is not what he looks for.
        assert.equal(await matching.fits(nancy.memberId, frank.memberId), true);
        assert.equal(await matching.fits(frank.memberId, nancy.memberId), false);
        // Never oneself, never someone in review, never across a block (either way).
        assert.equal(await matching.fits(nancy.memberId, nancy.memberId), false);
        assert.equal(await matching.fits(nancy.memberId, erik.memberId), false);
        assert.equal(await matching.fits(adam.memberId, frank.memberId), false);
        assert.equal(await matching.fits(frank.memberId, adam.memberId), false);

        assert.deepEqual(await matching.suggestionsFor(nancy.memberId, 10), [
          { memberId: carl.memberId, sharedInterests: ['jazz'], distanceKm: 29 },
          { memberId: adam.memberId, sharedInterests: [], distanceKm: 0 },
        ]);
        assert.deepEqual(await matching.suggestionsFor(nancy.memberId, 1), [
          { memberId: carl.memberId, sharedInterests: ['jazz'], distanceKm: 29 },
        ]);
        assert.deepEqual(await matching.suggestionsFor(erik.memberId, 10), []);
        assert.deepEqual(await matching.suggestionsFor(eve.memberId, 10), []);
      } finally {
        await t.close();
      }
    });

    test('rebuilding matching from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          ...approved(adam),
          ...signedUp(carl),
          likes(nancy.memberId, 'jazz'),
          likes(nancy.memberId, 'sailing'),
          likes(adam.memberId, 'jazz'),
          given(InterestRemoved, { memberId: nancy.memberId, tag: 'jazz' }),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
          given(MemberBlocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
          given(MemberUnblocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
        ]);
        // And an interest through the API, as members add them.
        t.clock.set('2026-06-01T11:00:00.000Z');
        const added = await t.call({
          as: adam.memberId,
          method: 'POST',
          url: '/api/v1/interests',
          body: { tag: 'Chess' },
        });
        assert.ok(
          added.status === 201 || added.status === 200,
          `adding an interest answered ${added.status}`,
        );

        const before = await tables(t);
        assert.equal(before.members?.length, 4);
        assert.equal(before.blocked?.length, 1);
        await t.app.rebuild('matching');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
