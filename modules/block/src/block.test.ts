// A temporary block over time: it holds until its hour, then lifts itself once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SESSION_COOKIE, type App } from '@meetcute/core';
import { startTestApp, testDatabases } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
import { approved, bob, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { BLOCK_SWEEP, type BlockSweep } from './index.ts';

async function cookieOf(app: App, email: string): Promise<string> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  return `${SESSION_COOKIE}=${response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
}

const databases = await testDatabases();
if (databases.skipped) test('block on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`block on ${dialect}`, () => {
    test('a block for a day holds for the day, then lifts itself once', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await t.keepPasswords(withPassword(nancy, bob));
        const bobs = await cookieOf(t.app, bob.email);
        const profile = () =>
          t.app.http.inject({
            method: 'GET',
            url: `/api/v1/profiles/${nancy.memberId}`,
            headers: { cookie: bobs },
          });
        const blocked = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/blocks',
          headers: { cookie: bobs },
          payload: { memberId: nancy.memberId, hours: 24 },
        });
        assert.equal(blocked.statusCode, 201);
        await t.app.processAll();
        assert.equal((await profile()).statusCode, 404, 'blocked: as if absent');

        const sweep = t.app.services.require<BlockSweep>(BLOCK_SWEEP);
        t.clock.advance(23 * 3600 * 1000);
        assert.equal(await sweep.liftEnded(), 0, 'not before its time');
        t.clock.advance(3600 * 1000);
        assert.equal(await sweep.liftEnded(), 1);
        assert.equal(await sweep.liftEnded(), 0, 'lifted once');
        await t.app.processAll();
        assert.equal((await profile()).statusCode, 200, 'seen again');
        const list = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/blocks',
          headers: { cookie: bobs },
        });
        assert.deepEqual(list.json<{ blocks: unknown[] }>().blocks, []);
      } finally {
        await t.close();
      }
    });
  });
}
