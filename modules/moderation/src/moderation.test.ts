// Sanctions over time and across modules: sessions that end at once, a suspension that runs out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE, SESSIONS, type App, type Sessions } from '@meetcute/core';
import { startTestApp, testDatabases } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { approved, bob, mo, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { SANCTIONS, type Sanctions } from './index.ts';

async function logIn(app: App, email: string): Promise<{ status: number; cookie: string }> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  return { status: response.statusCode, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Mo's session, opened as a log-in with the password and the app's code would. */
async function moderatorSession(app: App): Promise<{ cookie: string }> {
  const token = await app.services.require<Sessions>(SESSIONS).open(mo.memberId);
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

function call(
  app: App,
  cookie: string,
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return payload === undefined
    ? app.http.inject({ method, url, headers: { cookie } })
    : app.http.inject({ method, url, headers: { cookie }, payload });
}

const databases = await testDatabases();
if (databases.skipped) test('moderation on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`moderation on ${dialect}`, () => {
    test('a suspension ends the member’s sessions at once, and when it runs out they are back', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(mo), ...approved(nancy), ...approved(bob)]);
        await t.keepPasswords(withPassword(nancy, bob));
        const bobs = await logIn(t.app, bob.email);
        const mos = await moderatorSession(t.app);
        const nancys = await logIn(t.app, nancy.email);
        const search = () => call(t.app, nancys.cookie, 'GET', '/api/v1/search?maxDistanceKm=100');
        const found = async () =>
          (await search()).json<{ results: Array<{ memberId: string }> }>().results.map((r) => r.memberId);
        assert.deepEqual(await found(), [bob.memberId]);

        const suspended = await call(
          t.app,
          mos.cookie,
          'PUT',
          `/api/v1/moderation/members/${bob.memberId}/suspension`,
          {
            reason: 'Asked to stop and did not',
            days: 3,
          },
        );
        assert.equal(suspended.statusCode, 200);
        await t.app.processAll();
        assert.equal(
          (await call(t.app, bobs.cookie, 'GET', '/api/v1/sessions/current')).statusCode,
          401,
          'his session is over',
        );
        assert.equal((await logIn(t.app, bob.email)).status, 403);
        assert.deepEqual(await found(), [], 'gone from search');

        const sweep = t.app.services.require<Sanctions>(SANCTIONS);
        assert.equal(await sweep.liftEnded(), 0, 'nothing ends before its time');
        t.clock.advance(3 * 24 * 3600 * 1000);
        assert.equal(await sweep.liftEnded(), 1);
        assert.equal(await sweep.liftEnded(), 0, 'lifted once');
        await t.app.processAll();
        assert.equal((await logIn(t.app, bob.email)).status, 200);
        assert.deepEqual(await found(), [bob.memberId], 'seen again');

        const log = await call(
          t.app,
          mos.cookie,
          'GET',
          `/api/v1/moderation/log?memberId=${bob.memberId}&limit=2`,
        );
        assert.deepEqual(
          log
            .json<{ items: Array<{ action: string; moderatorId: string | null }> }>()
            .items.map((i) => [i.action, i.moderatorId]),
          [
            ['lifted', null],
            ['suspended', mo.memberId],
          ],
        );
      } finally {
        await t.close();
      }
    });

    test('rebuilding every module from the log keeps a suspended member hidden and logged out', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(mo), ...approved(nancy), ...approved(bob)]);
        await t.keepPasswords(withPassword(nancy, bob));
        const mos = await moderatorSession(t.app);
        await call(t.app, mos.cookie, 'PUT', `/api/v1/moderation/members/${bob.memberId}/suspension`, {
          reason: 'Spam, again',
          days: null,
        });
        await t.app.processAll();
        for (const module of ['auth', 'search', 'moderation']) await t.app.rebuild(module);
        const nancys = await logIn(t.app, nancy.email);
        const found = await call(t.app, nancys.cookie, 'GET', '/api/v1/search?maxDistanceKm=100');
        const results = found.json<{ results: unknown[] }>();
        assert.deepEqual(results.results, []);
        assert.equal((await logIn(t.app, bob.email)).status, 403);
      } finally {
        await t.close();
      }
    });
  });
}
