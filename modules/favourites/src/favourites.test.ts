// What spans several calls: the favourite toggle on Bob's profile following the
// list, and `rebuild favourites` restoring exactly the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { FavouriteAdded, FavouriteRemoved } from './events.ts';

/** The whole app, as server/test/harness.ts builds it for the use cases. */
// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<{ favourites: unknown[]; blocked: unknown[] }> {
  const db = t.app.channel('favourites').database.db;
  return {
    favourites: (await sql`select * from favourites order by member_id, favourite_id`.execute(db)).rows,
    blocked: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
  };
}

const databases = await testDatabases();
if (databases.skipped) test('favourites on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`favourites on ${dialect}`, () => {
    test('the button on Bob’s profile toggles, and the list and the API follow', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        const profile = `/members/${bob.memberId}`;
        const show = async () => (await t.call({ as: nancy.memberId, method: 'GET', url: profile })).body;
        const press = (action: string) =>
          t.call({
            as: nancy.memberId,
            method: 'POST',
            url: `${profile}/${action}`,
            form: true,
            body: { back: profile },
          });
        const status = async () =>
          (await t.call({ as: nancy.memberId, method: 'GET', url: `/api/v1/favourites/${bob.memberId}` }))
            .json;

        assert.ok((await show()).includes(`action="${profile}/favourite"`));
        assert.deepEqual(await status(), { favourite: false });
        const added = await press('favourite');
        assert.equal(added.status, 303);
        assert.equal(added.headers.location, `${profile}?favourite=added&to=${bob.memberId}`);
        const back = await t.call({ as: nancy.memberId, method: 'GET', url: added.headers.location });
        assert.ok(back.body.includes('Added to your favourites.'), 'it says what the button did');
        assert.ok((await show()).includes('Remove favourite'));
        assert.ok(!(await show()).includes('Added to your favourites.'), 'only right after the button');
        assert.deepEqual(await status(), { favourite: true });
        const list = await t.call({ as: nancy.memberId, method: 'GET', url: '/favourites' });
        assert.ok(list.body.includes(`href="${profile}"`));

        assert.equal((await press('unfavourite')).status, 303);
        assert.ok((await show()).includes('★ Favourite'));
        assert.deepEqual(await status(), { favourite: false });
        // Bob sees no button for himself.
        const own = await t.call({ as: bob.memberId, method: 'GET', url: '/favourites' });
        assert.ok(!own.body.includes('/favourite"'));
      } finally {
        await t.close();
      }
    });

    test('rebuilding favourites from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const fav = (memberId: string, favouriteId: string) =>
          given(FavouriteAdded, { memberId, favouriteId });
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          fav(nancy.memberId, bob.memberId),
          fav(nancy.memberId, eve.memberId),
          fav(bob.memberId, nancy.memberId),
          fav(eve.memberId, bob.memberId),
          given(FavouriteRemoved, { memberId: nancy.memberId, favouriteId: eve.memberId }),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
          fav(nancy.memberId, bob.memberId),
          given(MemberBlocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
          given(MemberUnblocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
        ]);
        // And some through the API, as members make them.
        t.clock.set('2026-06-01T11:00:00.000Z');
        const add = (as: string, memberId: string) =>
          t.call({ as, method: 'POST', url: '/api/v1/favourites', body: { memberId } });
        assert.equal((await add(nancy.memberId, eve.memberId)).status, 201);
        assert.equal((await add(bob.memberId, eve.memberId)).status, 201);
        assert.equal((await add(eve.memberId, nancy.memberId)).status, 201);
        assert.equal(
          (await t.call({ as: eve.memberId, method: 'DELETE', url: `/api/v1/favourites/${bob.memberId}` }))
            .status,
          204,
        );

        const before = await tables(t);
        assert.equal(before.favourites.length, 5, 'a block hides favourites and removes none');
        assert.equal(before.blocked.length, 1);
        await t.app.rebuild('favourites');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
