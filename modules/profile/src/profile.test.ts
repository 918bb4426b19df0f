// What spans several calls: a change travelling through review end to end, the
// service other modules use, and `rebuild profile` restoring the same table.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { RegistrationApproved } from '@meetcute/registration';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, eve, mo, nancy, signedUp } from '@meetcute/cast';
import { AboutMeApproved, AboutMeRejected, AboutMeSubmitted } from './events.ts';
import { PROFILES, type ProfileDirectory } from './index.ts';

/** The whole app, as server/test/harness.ts builds it for the use cases. */
// The whole site as members use it (server/src/testing.ts).
const factory = testApp;

const OLD = nancy.application.aboutMe;
const NEW = 'Sailing, jazz and tango on Sundays.';

async function json(
  t: TestApp,
  ...args: Parameters<TestApp['call']>
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await t.call(...args);
  return { status: response.status, body: response.json as Record<string, unknown> };
}

async function profilesTable(t: TestApp): Promise<unknown[]> {
  const db = t.app.channel('profile').database.db;
  return (await sql`select * from profiles order by member_id`.execute(db)).rows;
}

const databases = await testDatabases();
if (databases.skipped) test('profile on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`profile on ${dialect}`, () => {
    test('others see Nancy’s old about-me until Mo approves the new one, then the new one', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...signedUp(mo), ...approved(nancy), ...approved(bob)]);
        const edit = {
          as: nancy.memberId,
          method: 'PUT',
          url: '/api/v1/profiles/me/about-me',
          body: { text: NEW },
        } as const;
        const bobReads = {
          as: bob.memberId,
          method: 'GET',
          url: `/api/v1/profiles/${nancy.memberId}`,
        } as const;

        assert.deepEqual(await json(t, edit), { status: 202, body: { pending: true } });
        assert.equal((await json(t, bobReads)).body.aboutMe, OLD);
        const own = await json(t, { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' });
        assert.equal(own.body.aboutMe, OLD);
        assert.equal(own.body.pendingAboutMe, NEW);
        assert.deepEqual(
          await json(t, edit),
          { status: 202, body: { pending: true } },
          'the same text again keeps its place',
        );

        const queue = await json(t, { as: mo.memberId, method: 'GET', url: '/api/v1/review/about-me' });
        assert.deepEqual(
          (queue.body.changes as Array<{ memberId: string; proposed: string }>).map((c) => [
            c.memberId,
            c.proposed,
          ]),
          [[nancy.memberId, NEW]],
        );
        const approve = {
          as: mo.memberId,
          method: 'POST',
          url: `/api/v1/review/about-me/${nancy.memberId}/approve`,
        } as const;
        assert.equal((await json(t, approve)).status, 200);
        assert.equal((await json(t, bobReads)).body.aboutMe, NEW);
        assert.equal((await json(t, approve)).status, 409, 'nothing is left to review');
        assert.deepEqual(
          (await json(t, { as: mo.memberId, method: 'GET', url: '/api/v1/review/about-me' })).body,
          { changes: [] },
        );
      } finally {
        await t.close();
      }
    });

    test('other modules get an approved member’s public facts, never a waiting change', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...approved(nancy),
          ...signedUp(bob),
          given(AboutMeSubmitted, { memberId: nancy.memberId, text: NEW }),
        ]);
        const profiles = t.app.services.require<ProfileDirectory>(PROFILES);
        assert.deepEqual(await profiles.get(nancy.memberId), {
          memberId: nancy.memberId,
          nickname: 'Nancy',
          gender: 'woman',
          age: 31,
          city: nancy.application.city,
          aboutMe: OLD,
          // She has stated none of the optional facts (height, goal, …).
          properties: {},
        });
        assert.equal(await profiles.get(bob.memberId), undefined, 'Bob is still in review');
      } finally {
        await t.close();
      }
    });

    test('rebuilding profile from the event log leaves the profiles table identical', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([
          ...signedUp(mo),
          ...approved(nancy),
          ...approved(bob),
          ...approved(eve),
          given(AboutMeSubmitted, { memberId: nancy.memberId, text: 'First edit.' }),
          given(AboutMeApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, text: 'First edit.' }),
          given(AboutMeSubmitted, { memberId: bob.memberId, text: 'Call me on 555-0100.' }),
          given(AboutMeRejected, {
            memberId: bob.memberId,
            moderatorId: mo.memberId,
            reason: 'No phone numbers, please.',
          }),
          given(RegistrationApproved, {
            memberId: eve.memberId,
            moderatorId: mo.memberId,
            application: { ...eve.application, nickname: 'EveK', aboutMe: 'Architect.' },
          }),
        ]);
        // And some through the commands, as members and moderators make them.
        t.clock.set('2026-06-01T11:00:00.000Z');
        const put = (as: string, text: string) =>
          t.call({ as, method: 'PUT', url: '/api/v1/profiles/me/about-me', body: { text } });
        assert.equal((await put(eve.memberId, 'Architect, sauna enthusiast, new in Stockholm.')).status, 202);
        assert.equal((await put(nancy.memberId, 'Second edit.')).status, 202);
        assert.equal((await put(nancy.memberId, 'Second edit, better.')).status, 202);
        assert.equal((await put(bob.memberId, '')).status, 202);
        t.clock.set('2026-06-01T12:00:00.000Z');
        const review = (memberId: string, action: string, body?: unknown) =>
          t.call({
            as: mo.memberId,
            method: 'POST',
            url: `/api/v1/review/about-me/${memberId}/${action}`,
            body,
          });
        assert.equal((await review(eve.memberId, 'approve')).status, 200);
        assert.equal(
          (await review(bob.memberId, 'reject', { reason: 'Please keep a few words.' })).status,
          200,
        );

        const before = await profilesTable(t);
        assert.equal(before.length, 3);
        await t.app.rebuild('profile');
        assert.deepEqual(await profilesTable(t), before);
      } finally {
        await t.close();
      }
    });
  });
}
