import { LIVE_HUB } from '@meetcute/live';
// What spans several calls: `rebuild news` restoring the same feeds after a history of
// members, posts, edits, deletes, blocks and visits; the size of the back-fill; and the
// live counter that moves as items land and are seen.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given, type LiveNotification } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { NAV_COUNTERS, type NavCounter } from '@meetcute/web';
import type { LiveHub } from '@meetcute/live';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { DiaryPostDeleted, DiaryPostEdited } from '@meetcute/diary/events';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy } from '@meetcute/cast';
import { PhotoDeleted } from '@meetcute/photos/events';
import { adam, carl, photoAdded, photoId, posted, postId } from './use-cases.ts';
import { runsByMember } from './pages.ts';
import { feedReader, type NewsItem } from './views.ts';
import type { NewsDb } from './store.ts';
import { BACKFILL } from './rules.ts';

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

const TABLES = {
  members: 'member_id',
  items: 'item_id',
  hidden: 'viewer_id, author_id',
  seen: 'member_id',
  blocked_pairs: 'blocker_id, blocked_id',
} as const;

async function tables(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.app.channel('news').database.db;
  const all: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    all[table] = (await sql`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(db)).rows;
  }
  return all;
}

async function feedOf(t: TestApp, memberId: string, query = '?limit=50') {
  const response = await t.call({ as: memberId, method: 'GET', url: `/api/v1/news${query}` });
  assert.equal(response.status, 200, response.body);
  return response.json as {
    items: Array<{ itemId: string; kind: string; text?: string }>;
    nextCursor: string | null;
  };
}

/** Opens a live channel for the member, as a page would; `counts()` is what it was told about news. */
async function openPage(
  t: TestApp,
  memberId: string,
): Promise<{ counts: () => number[]; close: () => void }> {
  const hub = t.app.services.require<LiveHub>(LIVE_HUB);
  const seen: LiveNotification[] = [];
  const close = await hub.open(memberId, hub.latest(), (n) => seen.push(n));
  return {
    counts: () =>
      seen
        .filter((n) => n.type === 'counter' && (n.data as { name: string }).name === 'news')
        .map((n) => (n.data as { count: number }).count),
    close,
  };
}

const databases = await testDatabases();
if (databases.skipped) test('news on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`news on ${dialect}`, () => {
    test('rebuilding news from the event log gives every member the same feed', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          posted(nancy, 1, 'First post'),
          ...approved(bob),
          ...approved(eve),
          ...approved(adam),
          posted(nancy, 2, 'Second post'),
          posted(adam, 3, 'Adam writes'),
          posted(eve, 4, 'Eve writes'),
          given(DiaryPostEdited, { postId: postId(1), memberId: nancy.memberId, text: 'First post, edited' }),
          given(DiaryPostDeleted, { postId: postId(2), memberId: nancy.memberId }),
          given(MemberBlocked, { blockerId: nancy.memberId, blockedId: adam.memberId }),
          posted(nancy, 5, 'During the block'),
          given(MemberUnblocked, { blockerId: nancy.memberId, blockedId: adam.memberId }),
          posted(nancy, 6, 'After the block'),
          ...photoAdded(nancy, 1),
          ...photoAdded(nancy, 2),
          given(PhotoDeleted, { photoId: photoId(2), ownerId: nancy.memberId }),
          ...photoAdded(eve, 3, 'private'),
          ...approved(carl),
          ...approved(mo),
        ]);
        assert.equal(
          (await t.call({ as: bob.memberId, method: 'POST', url: '/api/v1/news/seen' })).status,
          200,
        );
        await t.given([posted(nancy, 7, 'Unseen by Bob')]);
        assert.equal((await t.call({ as: adam.memberId, method: 'GET', url: '/news' })).status, 200);

        const before = await tables(t);
        assert.deepEqual(
          (await feedOf(t, bob.memberId)).items.map((i) => i.text ?? i.kind),
          [
            'Unseen by Bob',
            'photo',
            'After the block',
            'During the block',
            'First post, edited',
            'new-member',
          ],
        );
        assert.deepEqual(
          (await feedOf(t, adam.memberId)).items.map((i) => i.text ?? i.kind),
          ['Unseen by Bob', 'photo', 'After the block'],
          'what the block removed stays gone',
        );
        assert.equal(before.seen?.length, 2);
        await t.app.rebuild('news');
        assert.deepEqual(await tables(t), before);
      } finally {
        await t.close();
      }
    });

    test(`a new member’s news starts with the ${BACKFILL} most recent items that fit them`, async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const many = Array.from({ length: BACKFILL + 10 }, (_, i) => posted(nancy, 100 + i, `Post ${i}`));
        await t.given([...approved(nancy), ...approved(eve), ...many, ...approved(bob)]);
        const first = await feedOf(t, bob.memberId);
        assert.equal(first.items.length, BACKFILL);
        assert.equal(first.items[0]?.text, `Post ${BACKFILL + 9}`);
        assert.equal(first.items.at(-1)?.text, 'Post 10');
        assert.equal(first.nextCursor, null);
      } finally {
        await t.close();
      }
    });

    test('a run of items by one member shows as one card with all of them', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(mo),
          ...approved(carl),
          posted(carl, 1, 'one', '2026-06-01T09:00:00.000Z'),
          posted(carl, 2, 'two', '2026-06-02T09:01:00.000Z'),
          ...photoAdded(carl, 1),
          posted(carl, 3, 'three', '2026-06-01T09:03:00.000Z'),
        ]);
        const page = await t.call({ as: mo.memberId, method: 'GET', url: '/news' });
        assert.equal(page.status, 200);
        const cards = page.body.split('class="card member-card news-item').slice(1);
        assert.equal(cards.length, 1, 'Carl once');
        for (const text of ['one', 'two', 'three'])
          assert.ok(cards[0]!.includes(`diary-text">${text}<`), text);
        assert.ok(cards[0]!.includes('class="news-photo"'), 'the photo in the same card');
      } finally {
        await t.close();
      }
    });

    test('a page that ends inside a member’s run takes the rest of it, so the next page opens with someone else', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(mo),
          ...approved(carl),
          ...approved(adam),
          posted(adam, 1, 'adam early', '2026-06-02T08:00:00.000Z'),
          posted(carl, 2, 'one', '2026-06-02T09:00:00.000Z'),
          posted(carl, 3, 'two', '2026-06-02T09:01:00.000Z'),
          posted(carl, 4, 'three', '2026-06-02T09:02:00.000Z'),
          posted(adam, 5, 'adam late', '2026-06-02T10:00:00.000Z'),
        ]);
        // Newest first: Adam, Carl three times, Adam again (and both joining, a day before).
        const cardsOf = (body: string) => body.split('class="card member-card news-item').slice(1);
        const first = await t.call({ as: mo.memberId, method: 'GET', url: '/news?limit=2' });
        assert.equal(first.status, 200);
        const cards = cardsOf(first.body);
        assert.equal(cards.length, 2, 'Adam, then Carl once');
        assert.ok(cards[0]!.includes('adam late'));
        for (const text of ['three', 'two', 'one'])
          assert.ok(cards[1]!.includes(`diary-text">${text}<`), `Carl's ${text} on the first page`);
        const next = /href="(\/news\?[^"]*cursor=[^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
        assert.ok(next, 'a link to older news');
        const second = await t.call({ as: mo.memberId, method: 'GET', url: next });
        const older = cardsOf(second.body);
        assert.ok(older.length > 0 && older[0]!.includes('adam early'), 'the next page opens with Adam');
        assert.ok(!second.body.includes('diary-text">one<'), 'Carl is not shown again');
      } finally {
        await t.close();
      }
    });

    test('every page of a feed read from memory is the page the tables give, after posts and deletes', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const at = (n: number) => new Date(Date.parse('2026-06-02T08:00:00.000Z') + n * 60_000).toISOString();
        // Bob's feed has Nancy's posts (60 of them) and not Eve's, who lives too far from him.
        const author = (n: number) => (n % 5 < 3 ? nancy : eve);
        await t.given([
          ...approved(nancy),
          ...approved(eve),
          ...approved(bob),
          ...Array.from({ length: 100 }, (_, n) => posted(author(n), n + 1, `post ${n + 1}`, at(n))),
        ]);
        const fromTables = feedReader(t.app.channel('news').database.db as NewsDb, () => new Date());
        const samePages = async (limit: number) => {
          let cursor: string | null = null;
          let pages = 0;
          do {
            const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
            const served = await feedOf(t, bob.memberId, query);
            const read = await fromTables(bob.memberId, cursor ?? undefined, limit);
            assert.deepEqual(
              served.items.map((i) => i.itemId),
              read.items.map((i) => i.itemId),
              `page ${pages + 1} of ${limit}`,
            );
            assert.equal(
              served.nextCursor,
              read.nextCursor,
              `the cursor after page ${pages + 1} of ${limit}`,
            );
            cursor = served.nextCursor;
            pages++;
          } while (cursor);
          return pages;
        };
        assert.ok((await samePages(7)) > 8, 'pages reach past the head into the tables');
        await samePages(20);
        // A post deleted inside the head, another added at its top: the head follows both.
        await t.given([
          given(DiaryPostDeleted, { postId: postId(98), memberId: nancy.memberId }),
          posted(nancy, 101, 'post 101', at(101)),
        ]);
        await samePages(7);
        await samePages(20);
        await samePages(41);
      } finally {
        await t.close();
      }
    });

    test('the news counter rises as items land, and drops to 0 when the news is seen', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const counter = t.app.services.contributions<NavCounter>(NAV_COUNTERS).find((c) => c.name === 'news');
        assert.ok(counter);
        assert.equal(counter.href, '/news');
        await t.given([...approved(nancy)]);
        const bobsPage = await openPage(t, bob.memberId);
        const nancysPage = await openPage(t, nancy.memberId);
        await t.given([...approved(eve), ...approved(bob)]);
        assert.equal(await counter.count(bob.memberId), 1, 'Nancy joining, back-filled');
        await t.given([posted(nancy, 1, 'one'), posted(nancy, 2, 'two')]);
        assert.equal(await counter.count(bob.memberId), 3);
        assert.equal(await counter.count(nancy.memberId), 0, 'Bob does not fit Nancy');
        // Bob's page hears the count as it stands after each delivery (one or two, as the batches fall).
        const heard = () => bobsPage.counts().at(-1);
        assert.equal(heard(), 3);

        const page = await t.call({ as: bob.memberId, method: 'GET', url: '/news' });
        assert.ok(page.body.includes('data-counter="news"'));
        assert.equal(await counter.count(bob.memberId), 0);
        assert.equal(heard(), 0);

        await t.given([posted(nancy, 3, 'three')]);
        assert.equal(await counter.count(bob.memberId), 1);
        assert.equal(heard(), 1);
        await t.given([given(DiaryPostDeleted, { postId: postId(3), memberId: nancy.memberId })]);
        assert.equal(await counter.count(bob.memberId), 0);
        assert.equal(heard(), 0);
        await t.given(photoAdded(nancy, 1));
        assert.equal(await counter.count(bob.memberId), 1, 'Nancy’s approved photo');
        assert.equal(heard(), 1);
        await t.given([given(PhotoDeleted, { photoId: photoId(1), ownerId: nancy.memberId })]);
        assert.equal(await counter.count(bob.memberId), 0);
        assert.equal(heard(), 0);
        assert.deepEqual(nancysPage.counts(), [], 'nothing landed in Nancy’s news');

        // Without an open page nothing is pushed; the next page load counts afresh.
        bobsPage.close();
        nancysPage.close();
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const latest = hub.latest();
        await t.given([posted(nancy, 4, 'four')]);
        assert.deepEqual(await hub.missed(bob.memberId, latest), []);
        assert.equal(await counter.count(bob.memberId), 1);
      } finally {
        await t.close();
      }
    });
  });
}

test('runs are consecutive items by one member: another member in between starts a new run', () => {
  const item = (memberId: string, n: number) =>
    ({ member: { memberId }, itemId: String(n) }) as unknown as NewsItem;
  const runs = runsByMember([
    item('a', 1),
    item('a', 2),
    item('b', 3),
    item('a', 4),
    item('a', 5),
    item('a', 6),
  ]);
  assert.deepEqual(
    runs.map((run) => run.map((i) => i.itemId)),
    [['1', '2'], ['3'], ['4', '5', '6']],
  );
  assert.deepEqual(runsByMember([]), []);
});
