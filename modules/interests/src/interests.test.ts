// What spans several calls: paging through a tag with cursors, the service and the
// profile section other modules use, and `rebuild interests` restoring the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { given, type Viewer } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { PROFILE_SECTIONS, type ProfileSection } from '@meetcute/web';
import { MemberBlocked } from '@meetcute/block';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy, signedUp, type CastMember } from '@meetcute/cast';
import { InterestAdded } from './events.ts';
import { INTERESTS, type InterestDirectory } from './index.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

const added = (m: CastMember, tag: string) =>
  given(InterestAdded, { memberId: m.memberId, tag }, { actorId: m.memberId });

async function json(t: TestApp, ...args: Parameters<TestApp['call']>) {
  const response = await t.call(...args);
  return { status: response.status, body: response.json as Record<string, unknown> };
}

async function tables(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.app.channel('interests').database.db;
  const all: Record<string, unknown[]> = {};
  for (const table of ['interests', 'approved_members', 'blocked_pairs']) {
    all[table] = (await sql`select * from ${sql.table(table)}`.execute(db)).rows
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return all;
}

/** A request as a profile page would pass it to a section: only who is looking and their language. */
function requestAs(member: CastMember): FastifyRequest {
  const viewer: Viewer = { memberId: member.memberId, sessionId: 's', status: 'approved', roles: [] };
  return { viewer, headers: {}, cookies: {} } as unknown as FastifyRequest;
}

const databases = await testDatabases();
if (databases.skipped) test('interests on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`interests on ${dialect}`, () => {
    test('Eve pages through everyone who likes jazz, newest first, with nobody twice or missing', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve), ...approved(mo)]);
        // Three add at the same instant (a tie the cursor must break), one later.
        for (const m of [nancy, bob, mo]) {
          const r = await t.call({
            as: m.memberId,
            method: 'POST',
            url: '/api/v1/interests',
            body: { tag: 'Jazz' },
          });
          assert.equal(r.status, 201);
        }
        t.clock.advance(1000);
        await t.call({ as: eve.memberId, method: 'POST', url: '/api/v1/interests', body: { tag: 'jazz' } });

        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : '?limit=1';
          const page = await json(t, {
            as: bob.memberId,
            method: 'GET',
            url: `/api/v1/interests/jazz/members${query}`,
          });
          assert.equal(page.status, 200);
          seen.push(...(page.body.members as Array<{ memberId: string }>).map((m) => m.memberId));
          cursor = page.body.nextCursor as string | null;
          pages++;
        } while (cursor && pages < 10);
        assert.equal(seen[0], eve.memberId, 'Eve added it last');
        assert.deepEqual([...seen].sort(), [eve.memberId, mo.memberId, nancy.memberId].sort());
        assert.equal(pages, 3);
      } finally {
        await t.close();
      }
    });

    test('search and matching read a member’s interests through the service', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), added(nancy, 'öl'), added(nancy, 'jazz'), ...signedUp(eve)]);
        const directory = t.app.services.require<InterestDirectory>(INTERESTS);
        assert.deepEqual(await directory.of(nancy.memberId), ['jazz', 'öl']);
        assert.deepEqual(await directory.of(eve.memberId), []);
      } finally {
        await t.close();
      }
    });

    test('profiles show a member’s interests as links, with Edit on one’s own, and nothing across a block', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          added(nancy, 'jazz'),
          added(nancy, 'segling i skärgården'),
        ]);
        const sections = t.app.services.contributions<ProfileSection>(PROFILE_SECTIONS);
        assert.ok(sections.length > 0, 'interests contribute a profile section');
        // Other modules add sections of their own (photos); only the interests one is looked at.
        const render = async (viewer: CastMember, member: CastMember) =>
          (await Promise.all(sections.map((s) => s(requestAs(viewer), member.memberId))))
            .filter((h) => h !== null)
            .map((h) => h.value)
            .filter((section) => section.includes('aria-labelledby="interests"'))
            .join('');

        const ownView = await render(nancy, nancy);
        assert.match(ownView, /href="\/interests\/jazz"/);
        assert.match(ownView, /href="\/interests\/segling%20i%20sk%C3%A4rg%C3%A5rden">segling i skärgården</);
        assert.match(ownView, /href="\/interests">Edit</);

        const bobsView = await render(bob, nancy);
        assert.match(bobsView, /href="\/interests\/jazz"/);
        assert.doesNotMatch(bobsView, /Edit/);

        assert.equal(await render(nancy, bob), '', 'Bob has no interests to show');
        assert.match(await render(bob, bob), /No interests yet\./, 'his own profile invites him to add some');

        await t.given([given(MemberBlocked, { blockerId: nancy.memberId, blockedId: eve.memberId })]);
        assert.equal(await render(eve, nancy), '', 'a block hides them');
      } finally {
        await t.close();
      }
    });

    test('rebuilding interests from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          added(nancy, 'jazz'),
          added(bob, 'jazz'),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: eve.memberId }),
        ]);
        t.clock.set('2026-06-01T11:00:00.000Z');
        const call = (as: string, method: 'POST' | 'DELETE', url: string, body?: unknown) =>
          t.call({ as, method, url, body });
        assert.equal((await call(nancy.memberId, 'POST', '/api/v1/interests', { tag: 'Öl' })).status, 201);
        assert.equal((await call(eve.memberId, 'POST', '/api/v1/interests', { tag: 'sauna' })).status, 201);
        assert.equal((await call(bob.memberId, 'DELETE', '/api/v1/interests/jazz')).status, 204);
        assert.equal((await call(bob.memberId, 'POST', '/api/v1/interests', { tag: 'jazz' })).status, 201);

        const before = await tables(t);
        assert.equal(before.interests?.length, 4);
        assert.equal(before.approved_members?.length, 3);
        await t.app.rebuild('interests');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
