// What spans several calls: `rebuild diary` restoring exactly the same tables, and
// the text rules on their own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Problem } from '@meetcute/core';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from './events.ts';
import { checkText } from './rules.ts';

describe('diary rules', () => {
  test('a text is trimmed and counted in characters, not UTF-16 units', () => {
    assert.equal(checkText('  hej \n'), 'hej');
    assert.equal(checkText('😀'.repeat(2000)).length, 4000);
    assert.throws(
      () => checkText('😀'.repeat(2001)),
      (e: Problem) => e.status === 400 && e.errors?.[0]?.field === 'text',
    );
    assert.throws(
      () => checkText(' \t\n '),
      (e: Problem) => e.errors?.[0]?.field === 'text',
    );
  });
});

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

async function tables(t: TestApp): Promise<{ posts: unknown[]; blocked: unknown[] }> {
  const db = t.app.channel('diary').database.db;
  return {
    posts: (await sql`select * from posts order by post_id`.execute(db)).rows,
    blocked: (await sql`select * from blocked_pairs order by blocker_id, blocked_id`.execute(db)).rows,
  };
}

const databases = await testDatabases();
if (databases.skipped) test('diary on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`diary on ${dialect}`, () => {
    test('rebuilding the diary from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const P = (n: number) => `00000000-0000-7000-8000-0000000d000${n}`;
        await t.given([
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          given(DiaryPosted, { postId: P(1), memberId: nancy.memberId, text: 'One' }),
          given(DiaryPosted, { postId: P(2), memberId: bob.memberId, text: 'Two' }),
          given(DiaryPostEdited, { postId: P(1), memberId: nancy.memberId, text: 'One, edited' }),
          given(DiaryPosted, { postId: P(3), memberId: eve.memberId, text: 'Three' }),
          given(DiaryPostDeleted, { postId: P(3), memberId: eve.memberId }),
          given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
          given(MemberBlocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
          given(MemberUnblocked, { blockerId: eve.memberId, blockedId: nancy.memberId }),
        ]);
        t.clock.set('2026-06-01T11:00:00.000Z');
        const created = await t.call({
          as: eve.memberId,
          method: 'POST',
          url: '/api/v1/diary',
          body: { text: 'Sauna' },
        });
        assert.equal(created.status, 201);
        const { postId } = created.json as { postId: string };
        const changed = await t.call({
          as: eve.memberId,
          method: 'PUT',
          url: `/api/v1/diary/${postId}`,
          body: { text: 'Sauna, twice' },
        });
        assert.equal(changed.status, 200);
        assert.equal(
          (await t.call({ as: bob.memberId, method: 'DELETE', url: `/api/v1/diary/${P(2)}` })).status,
          204,
        );

        const before = await tables(t);
        assert.equal(before.posts.length, 2);
        assert.equal(before.blocked.length, 1);
        await t.app.rebuild('diary');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
