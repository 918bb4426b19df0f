// Ghost mode (packages/core/src/ghost.ts): a module's projection built beside the live one
// while members keep writing, compared with it, and switched in; on both databases. The
// command line's ghost mode beside a serving site is in cli.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildGhost, dropGhost, GhostError, switchGhost, type GhostReport } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { testApp } from '../src/testing.ts';

const MODULE = 'favourites';
const quiet = () => undefined;

const databases = await testDatabases();
if (databases.skipped) test('ghost mode on PostgreSQL', { skip: databases.skipped }, () => undefined);

/**
 * Members keep adding and removing favourites (the module's own events) and blocking and
 * unblocking (another module's events it projects) until `until` settles, and at least
 * `rounds` times; every answer is a success.
 */
async function keepWriting(t: TestApp, until: Promise<unknown>, rounds: number): Promise<number> {
  let done = false;
  void until.finally(() => (done = true)).catch(quiet);
  const pairs = [
    [nancy, bob],
    [bob, eve],
    [eve, nancy],
    [nancy, eve],
  ] as const;
  let round = 0;
  for (; round < rounds || !done; round++) {
    const [a, b] = pairs[round % pairs.length]!;
    const calls = [
      { as: a.memberId, method: 'POST' as const, url: '/api/v1/favourites', body: { memberId: b.memberId } },
      round % 3 === 0
        ? {
            as: eve.memberId,
            method: 'POST' as const,
            url: '/api/v1/blocks',
            body: { memberId: bob.memberId },
          }
        : { as: eve.memberId, method: 'DELETE' as const, url: `/api/v1/blocks/${bob.memberId}` },
      ...(round % 2 === 0
        ? [{ as: b.memberId, method: 'DELETE' as const, url: `/api/v1/favourites/${a.memberId}` }]
        : []),
    ];
    for (const call of calls) {
      const answer = await t.call(call);
      assert.ok(
        answer.status < 400 || answer.status === 404,
        `${call.method} ${call.url}: ${answer.status} ${answer.body}`,
      );
    }
  }
  return round;
}

/** Eve lets Bob be again (a blocked pair's favourites are listed by neither), and every event is applied. */
async function unblock(t: TestApp): Promise<void> {
  await t.call({ as: eve.memberId, method: 'DELETE', url: `/api/v1/blocks/${bob.memberId}` });
  await t.app.processAll();
}

/** Every row of the module's read model, in a stable order. */
async function tablesOf(t: TestApp): Promise<Record<string, string[]>> {
  const db = t.app.channel(MODULE).database.db;
  const state: Record<string, string[]> = {};
  for (const table of t.app.modules.find((m) => m.name === MODULE)!.projections) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    state[table] = rows.rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return state;
}

function differencesOf(report: GhostReport): Record<string, [number, number, number]> {
  return Object.fromEntries(report.tables.map((d) => [d.table, [d.onlyLive, d.onlyGhost, d.differing]]));
}

async function favouritesOf(t: TestApp, memberId: string): Promise<string[]> {
  const answer = await t.call({ as: memberId, method: 'GET', url: '/api/v1/favourites' });
  assert.equal(answer.status, 200, answer.body);
  const { favourites } = answer.json as { favourites: Array<{ member: { memberId: string } }> };
  return favourites.map((f) => f.member.memberId).sort();
}

for (const dialect of databases.dialects) {
  describe(`ghost mode on ${dialect}`, () => {
    test('a ghost built while members write agrees with the live tables, sees what was changed behind its back, and a switch applies every event once', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        await keepWriting(t, Promise.resolve(), 8);

        // Built while the writes go on: at one position, the same rows.
        const building = buildGhost(t.app, MODULE, quiet);
        const written = await keepWriting(t, building, 6);
        const report = await building;
        assert.ok(written >= 6 && report.events > 0, 'the ghost replayed events while members wrote');
        assert.deepEqual(differencesOf(report), { favourites: [0, 0, 0], blocked_pairs: [0, 0, 0] });
        assert.ok(
          report.tables.find((d) => d.table === 'favourites')!.live > 0,
          'there were favourites to compare',
        );
        await assert.rejects(buildGhost(t.app, MODULE, quiet), /A ghost of favourites is there already/);
        assert.deepEqual(await dropGhost(t.app, MODULE), { ghost: true, previous: false });

        // The live tables altered behind the projection's back: one favourite lost, one made up, one's time changed.
        await unblock(t);
        const db = t.app.channel(MODULE).database.db;
        const [lost, changed] = (await db
          .selectFrom('favourites')
          .selectAll()
          .orderBy('member_id')
          .orderBy('favourite_id')
          .execute()) as Array<{ member_id: string; favourite_id: string }>;
        assert.ok(lost && changed, 'two favourites to alter');
        await db
          .deleteFrom('favourites')
          .where('member_id', '=', lost.member_id)
          .where('favourite_id', '=', lost.favourite_id)
          .execute();
        await db
          .insertInto('favourites')
          .values({ member_id: 'made-up', favourite_id: bob.memberId, added_at: '2020-01-01T00:00:00.000Z' })
          .execute();
        await db
          .updateTable('favourites')
          .set({ added_at: '2020-01-01T00:00:00.000Z' })
          .where('member_id', '=', changed.member_id)
          .where('favourite_id', '=', changed.favourite_id)
          .execute();
        const altered = await buildGhost(t.app, MODULE, quiet);
        assert.deepEqual(differencesOf(altered), { favourites: [1, 1, 1], blocked_pairs: [0, 0, 0] });
        const samples = altered.tables.find((d) => d.table === 'favourites')!.samples;
        assert.ok(samples.includes(`only live ["made-up","${bob.memberId}"]`), samples.join('; '));
        assert.ok(
          samples.includes(`only in the ghost ${JSON.stringify([lost.member_id, lost.favourite_id])}`),
          samples.join('; '),
        );
        assert.ok(
          samples.includes(`differing ${JSON.stringify([changed.member_id, changed.favourite_id])}`),
          samples.join('; '),
        );
        assert.ok(
          !(await favouritesOf(t, lost.member_id)).includes(lost.favourite_id),
          'the lost favourite is not listed',
        );

        // Switched while members write: the result is what a plain rebuild from the log makes.
        const switching = switchGhost(t.app, MODULE, quiet);
        await keepWriting(t, switching, 4);
        const { position } = await switching;
        assert.ok(position > 0);
        await unblock(t);
        const switched = await tablesOf(t);
        assert.ok(!switched.favourites!.some((row) => row.includes('made-up')), 'the made-up row is gone');
        assert.ok(
          (await favouritesOf(t, lost.member_id)).includes(lost.favourite_id),
          'the lost favourite is listed again',
        );
        await t.app.rebuild(MODULE);
        assert.deepEqual(await tablesOf(t), switched, 'every event applied exactly once');
        await t.auditViews();

        // The replaced tables are kept until dropped; a new ghost waits for that.
        await assert.rejects(
          buildGhost(t.app, MODULE, quiet),
          /still keeps the tables its last switch replaced/,
        );
        await assert.rejects(switchGhost(t.app, MODULE, quiet), /has no ghost to switch to/);
        assert.deepEqual(await dropGhost(t.app, MODULE), { ghost: false, previous: true });

        // A module that is not there, or has no projection, is refused naming those that have one.
        await assert.rejects(buildGhost(t.app, 'nosuch', quiet), (error: Error) => {
          assert.ok(error instanceof GhostError);
          assert.match(error.message, /No module named nosuch; modules with projections: .*favourites/);
          return true;
        });
        await assert.rejects(
          buildGhost(t.app, 'cities', quiet),
          /cities has no projection to build a ghost of/,
        );
      } finally {
        await t.close();
      }
    });
  });
}
