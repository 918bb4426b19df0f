import { LIVE_HUB } from '@meetcute/live';
// What spans several calls: messages, typing and read receipts reaching the open pages
// of both members through the live hub, a block cutting every live path between them,
// and `rebuild chat` restoring exactly the same tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { type LiveNotification } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import type { LiveHub } from '@meetcute/live';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy, reinstated, suspended } from '@meetcute/cast';
import { given } from '@meetcute/core';
import { FlagCreated, FlagKilled } from '@meetcute/flags/events';

/** The operators' flag over "is typing", on for everyone (as if there were no flag). */
const typingFlag = given(
  FlagCreated,
  {
    key: 'chat.typing',
    description: 'Is typing',
    variants: [],
    ramp: 100,
    targeting: { members: [], roles: [], countries: [], languages: [] },
  },
  { actorId: mo.memberId },
);

// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

/** A page of the member that is open: what it heard, and closing it. */
async function openPage(
  t: TestApp,
  memberId: string,
): Promise<{ heard: LiveNotification[]; close: () => void }> {
  const hub = t.app.services.require<LiveHub>(LIVE_HUB);
  const heard: LiveNotification[] = [];
  const close = await hub.open(memberId, hub.latest(), (n) => heard.push(n));
  return { heard, close };
}

const say = (t: TestApp, from: string, to: string, body: string) =>
  t.call({ as: from, method: 'POST', url: `/api/v1/chats/${to}/messages`, body: { body } });

const kinds = (heard: LiveNotification[]) => heard.map((n) => [n.type, n.data] as const);

const databases = await testDatabases();
if (databases.skipped) test('chat on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`chat on ${dialect}`, () => {
    test('a message reaches Bob’s open page and Nancy’s other page; his read reaches hers', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        const bobPage = await openPage(t, bob.memberId);
        const nancyOtherPage = await openPage(t, nancy.memberId);
        try {
          const sent = await say(t, nancy.memberId, bob.memberId, 'Hi Bob!');
          assert.equal(sent.status, 201);
          const message = sent.json as { messageId: string; conversationId: string; seq: number };
          const wire = { ...message, senderId: nancy.memberId, recipientId: bob.memberId, body: 'Hi Bob!' };
          // Bob's is named for the notice his other pages show; Nancy knows whom she wrote to.
          assert.deepEqual(kinds(bobPage.heard), [
            [
              'chat.message',
              { ...wire, sentAt: (sent.json as { sentAt: string }).sentAt, senderNickname: 'Nancy' },
            ],
            ['counter', { name: 'chats', count: 1 }],
          ]);
          assert.deepEqual(kinds(nancyOtherPage.heard), [
            ['chat.message', { ...wire, sentAt: (sent.json as { sentAt: string }).sentAt }],
            ['counter', { name: 'chats', count: 0 }],
          ]);

          const read = await t.call({
            as: bob.memberId,
            method: 'POST',
            url: `/api/v1/chats/${nancy.memberId}/read`,
            body: {},
          });
          assert.equal(read.status, 200);
          const receipt = {
            conversationId: message.conversationId,
            readerId: bob.memberId,
            lastReadMessageId: message.messageId,
            seq: 1,
          };
          assert.deepEqual(kinds(nancyOtherPage.heard).at(-1), ['chat.read', receipt]);
          assert.deepEqual(kinds(bobPage.heard).slice(-2), [
            ['chat.read', receipt],
            ['counter', { name: 'chats', count: 0 }],
          ]);
          // Nothing of theirs went to Eve.
          const evePage = await openPage(t, eve.memberId);
          await say(t, nancy.memberId, bob.memberId, 'Still there?');
          assert.deepEqual(evePage.heard, []);
          evePage.close();
        } finally {
          bobPage.close();
          nancyOtherPage.close();
        }
      } finally {
        await t.close();
      }
    });

    test('“is typing” reaches Bob’s open page and is never kept', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        const hub = t.app.services.require<LiveHub>(LIVE_HUB);
        const before = hub.latest();
        const bobPage = await openPage(t, bob.memberId);
        try {
          const typing = await t.call({
            as: nancy.memberId,
            method: 'POST',
            url: `/api/v1/chats/${bob.memberId}/typing`,
            body: {},
          });
          assert.equal(typing.status, 204);
          assert.deepEqual(
            bobPage.heard.map((n) => [n.type, n.transient, (n.data as { memberId: string }).memberId]),
            [['chat.typing', true, nancy.memberId]],
          );
          // A page that opens later, or reconnects, never sees it.
          assert.deepEqual(await hub.missed(bob.memberId, before), []);
        } finally {
          bobPage.close();
        }
      } finally {
        await t.close();
      }
    });

    test('with the chat.typing flag killed, “is typing” is gone at once: no line on the page, nothing reaches Bob', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), typingFlag]);
        const page = () => t.call({ as: nancy.memberId, method: 'GET', url: `/chats/${bob.memberId}` });
        assert.match((await page()).body, /data-typing/, 'on for everyone: the page has its typing line');
        await t.given([given(FlagKilled, { key: 'chat.typing' }, { actorId: mo.memberId })]);
        const bobPage = await openPage(t, bob.memberId);
        try {
          const typing = await t.call({
            as: nancy.memberId,
            method: 'POST',
            url: `/api/v1/chats/${bob.memberId}/typing`,
            body: {},
          });
          assert.equal(typing.status, 204, 'an old page’s signal is taken and dropped');
          assert.deepEqual(bobPage.heard, []);
          const after = await page();
          assert.equal(after.status, 200);
          assert.doesNotMatch(after.body, /data-typing/);
        } finally {
          bobPage.close();
        }
      } finally {
        await t.close();
      }
    });

    test('from the moment Bob blocks Nancy, nothing of hers reaches his pages, not even typing, until he lifts it', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        assert.equal((await say(t, nancy.memberId, bob.memberId, 'Hi Bob!')).status, 201);
        const bobPage = await openPage(t, bob.memberId);
        const nancyPage = await openPage(t, nancy.memberId);
        try {
          const block = await t.call({
            as: bob.memberId,
            method: 'POST',
            url: '/api/v1/blocks',
            body: { memberId: nancy.memberId },
          });
          assert.equal(block.status, 201);
          const chatCounts = () =>
            bobPage.heard
              .filter((n) => n.type === 'counter' && (n.data as { name: string }).name === 'chats')
              .map((n) => n.data);
          // Only his own counter moved: her unread message is hidden with the conversation.
          assert.deepEqual(chatCounts(), [{ name: 'chats', count: 0 }]);
          const heardBefore = bobPage.heard.length;
          assert.equal((await say(t, nancy.memberId, bob.memberId, 'Why?')).status, 404);
          const typing = await t.call({
            as: nancy.memberId,
            method: 'POST',
            url: `/api/v1/chats/${bob.memberId}/typing`,
            body: {},
          });
          assert.equal(typing.status, 404);
          // A typing or read notice already on its way when the block landed is dropped by the hub.
          const hub = t.app.services.require<LiveHub>(LIVE_HUB);
          await hub.notify(bob.memberId, {
            type: 'chat.typing',
            data: { memberId: nancy.memberId },
            about: nancy.memberId,
            transient: true,
          });
          await hub.notify(bob.memberId, { type: 'chat.read', data: {}, about: nancy.memberId });
          assert.equal(bobPage.heard.length, heardBefore);
          assert.ok(nancyPage.heard.every((n) => n.type === 'counter'));
          // Lifting the block brings the conversation back, her unread message with it.
          const unblock = await t.call({
            as: bob.memberId,
            method: 'DELETE',
            url: `/api/v1/blocks/${nancy.memberId}`,
          });
          assert.equal(unblock.status, 204);
          assert.deepEqual(chatCounts(), [
            { name: 'chats', count: 0 },
            { name: 'chats', count: 1 },
          ]);
        } finally {
          bobPage.close();
          nancyPage.close();
        }
      } finally {
        await t.close();
      }
    });

    test('Nancy’s suspension takes her unread message off Bob’s counter, and its lift puts it back', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        assert.equal((await say(t, nancy.memberId, bob.memberId, 'Hi Bob!')).status, 201);
        const counter = async () =>
          (
            (await t.call({ as: bob.memberId, method: 'GET', url: '/api/v1/nav' })).json as {
              counters: Array<{ name: string; count: number }>;
            }
          ).counters.find((c) => c.name === 'chats')?.count;
        // Bob's count is in memory now, so the sanction has to move it.
        assert.equal(await counter(), 1);
        const bobPage = await openPage(t, bob.memberId);
        try {
          await t.given([suspended(nancy)]);
          assert.equal(await counter(), 0);
          await t.given([reinstated(nancy)]);
          assert.equal(await counter(), 1);
          const chatCounts = bobPage.heard.filter(
            (n) => n.type === 'counter' && (n.data as { name: string }).name === 'chats',
          );
          assert.deepEqual(kinds(chatCounts), [
            ['counter', { name: 'chats', count: 0 }],
            ['counter', { name: 'chats', count: 1 }],
          ]);
          await t.auditViews();
        } finally {
          bobPage.close();
        }
      } finally {
        await t.close();
      }
    });

    test('rebuilding chat from the event log leaves its tables identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        for (let i = 0; i < 5; i++) {
          await say(t, nancy.memberId, bob.memberId, `Nancy ${i}`);
          await say(t, bob.memberId, nancy.memberId, `Bob ${i}`);
        }
        await say(t, eve.memberId, bob.memberId, 'Hi from Eve');
        await say(t, nancy.memberId, bob.memberId, 'Unread');
        await t.call({
          as: bob.memberId,
          method: 'POST',
          url: `/api/v1/chats/${eve.memberId}/read`,
          body: {},
        });
        const list = (
          await t.call({ as: bob.memberId, method: 'GET', url: `/api/v1/chats/${eve.memberId}/messages` })
        ).json as { messages: Array<{ messageId: string }> };
        await t.call({
          as: bob.memberId,
          method: 'POST',
          url: `/api/v1/messages/${list.messages[0]!.messageId}/reports`,
          body: { reason: 'spam' },
        });
        // Eve and Nancy fall out and make up: what the block removed stays removed.
        await say(t, nancy.memberId, eve.memberId, 'Hi Eve');
        await t.call({
          as: eve.memberId,
          method: 'POST',
          url: '/api/v1/blocks',
          body: { memberId: nancy.memberId },
        });
        await t.call({ as: eve.memberId, method: 'DELETE', url: `/api/v1/blocks/${nancy.memberId}` });
        await say(t, eve.memberId, nancy.memberId, 'Sorry, new start');

        const db = t.app.channel('chat').database.db;
        const tables = async () => ({
          messages: (await sql`select * from chat_messages order by message_id`.execute(db)).rows,
          sides: (await sql`select * from chat_participants order by member_id, other_id`.execute(db)).rows,
          reports: (await sql`select * from chat_reports order by message_id`.execute(db)).rows,
          blocked: (await sql`select * from blocked_pairs order by blocker_id`.execute(db)).rows,
        });
        const before = await tables();
        assert.equal(before.messages.length, 14, 'a block hides messages and removes none');
        assert.equal(before.reports.length, 1);
        await t.app.rebuild('chat');
        assert.deepEqual(await tables(), before);
      } finally {
        await t.close();
      }
    });
  });
}
