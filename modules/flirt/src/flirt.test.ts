// What spans several calls: `rebuild flirt` restoring the same tables after flirts and
// blocks, and the flirt button on a member, which no single page call shows on its own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { MEMBER_ACTIONS, memberActions, type MemberAction } from '@meetcute/web';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy } from '@meetcute/cast';
import { FlirtSent } from './events.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<{ flirts: unknown[]; pairs: unknown[] }> {
  const db = t.app.channel('flirt').database.db;
  return {
    flirts: (await sql`select * from flirts order by flirt_id`.execute(db)).rows,
    pairs: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
  };
}

/** Just enough of a request for the member actions: who looks, from which page. */
function requestAs(memberId: string, url = '/search'): FastifyRequest {
  return {
    viewer: { memberId, sessionId: 's', status: 'approved', roles: [] },
    url,
    query: {},
    routeOptions: { url },
    csrfToken: 'token',
    headers: {},
    cookies: {},
  } as unknown as FastifyRequest;
}

async function actions(t: TestApp, viewerId: string, memberId: string): Promise<string> {
  const items = t.app.services.contributions<MemberAction>(MEMBER_ACTIONS);
  return (await memberActions(items, requestAs(viewerId), [memberId], 'card'))(memberId).value;
}

const databases = await testDatabases();
if (databases.skipped) test('flirt on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`flirt on ${dialect}`, () => {
    test('rebuilding flirt from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          ...approved(mo),
          given(FlirtSent, {
            flirtId: '00000000-0000-7000-8000-f00000000001',
            senderId: eve.memberId,
            recipientId: nancy.memberId,
          }),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: eve.memberId }),
        ]);
        const flirt = (as: string, memberId: string) =>
          t.call({ as, method: 'POST', url: '/api/v1/flirts', body: { memberId } });
        assert.equal((await flirt(nancy.memberId, bob.memberId)).status, 201);
        assert.equal((await flirt(mo.memberId, bob.memberId)).status, 201);
        assert.equal((await flirt(bob.memberId, nancy.memberId)).status, 201);
        assert.equal((await flirt(mo.memberId, nancy.memberId)).status, 201);
        assert.equal((await flirt(eve.memberId, nancy.memberId)).status, 404, 'Nancy blocked Eve');
        await t.given([
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: mo.memberId }),
          given(MemberUnblocked, { blockerId: bob.memberId, blockedId: mo.memberId }),
        ]);
        t.clock.set('2026-06-02T10:00:00.000Z');
        assert.equal((await flirt(nancy.memberId, bob.memberId)).status, 201, 'a new day');

        const before = await tables(t);
        assert.equal(before.flirts.length, 6, 'a block hides flirts and removes none');
        assert.equal(before.pairs.length, 1);
        await t.app.rebuild('flirt');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });

    test('two flirts to Bob sent at the same moment: one goes out, the other hits the limit', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await t.signIn(nancy.memberId);
        await t.mark();
        const flirt = () =>
          t.call({
            as: nancy.memberId,
            method: 'POST',
            url: '/api/v1/flirts',
            body: { memberId: bob.memberId },
          });
        const statuses = (await Promise.all([flirt(), flirt(), flirt()])).map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, 429, 429]);
        assert.deepEqual(
          (await t.newEvents()).map((e) => e.type),
          ['FlirtSent'],
        );
      } finally {
        await t.close();
      }
    });

    test('the flirt button: on others, not on yourself, "Flirted today" once used, gone across a block', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        const form = `action="/members/${bob.memberId}/flirt"`;
        assert.ok((await actions(t, nancy.memberId, bob.memberId)).includes(form));
        assert.ok(
          (await actions(t, nancy.memberId, bob.memberId)).includes(
            `name="back" value="/search#member-${bob.memberId}"`,
          ),
        );
        assert.ok(!(await actions(t, nancy.memberId, nancy.memberId)).includes('/flirt"'));

        await t.call({
          as: nancy.memberId,
          method: 'POST',
          url: '/api/v1/flirts',
          body: { memberId: bob.memberId },
        });
        const used = await actions(t, nancy.memberId, bob.memberId);
        assert.ok(used.includes('Flirted today') && !used.includes(form));
        assert.ok(
          (await actions(t, bob.memberId, nancy.memberId)).includes(`/members/${nancy.memberId}/flirt"`),
        );

        await t.given([given(MemberBlocked, { blockerId: eve.memberId, blockedId: nancy.memberId })]);
        assert.ok(!(await actions(t, nancy.memberId, eve.memberId)).includes('/flirt"'));
        assert.ok(!(await actions(t, eve.memberId, nancy.memberId)).includes('/flirt"'));

        // A page asks once for all its members and gets each one's buttons.
        const page = await memberActions(
          t.app.services.contributions<MemberAction>(MEMBER_ACTIONS),
          requestAs(nancy.memberId),
          [bob.memberId, eve.memberId, nancy.memberId],
          'card',
        );
        assert.ok(page(bob.memberId).value.includes('Flirted today'));
        assert.ok(!page(eve.memberId).value.includes('/flirt"'), 'hidden across the block');
        assert.ok(!page(nancy.memberId).value.includes('/flirt"'), 'not on yourself');

        t.clock.set('2026-06-02T10:00:00.000Z');
        assert.ok((await actions(t, nancy.memberId, bob.memberId)).includes(form), 'a new day');
      } finally {
        await t.close();
      }
    });
  });
}
