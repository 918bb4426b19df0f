// Behaviour that spans several calls, restarts or the passing of time; single calls are use cases.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  given,
  CREDENTIALS,
  type Credentials,
  ManualClock,
  openStorage,
  SESSION_COOKIE,
  SESSIONS,
  type App,
  type Given,
  type Sessions,
  type StorageSpec,
} from '@meetcute/core';
import { startTestApp, testDatabases, USE_CASE_EPOCH, type TestAppFactory } from '@meetcute/core/testing';
import { testAppWith } from '@meetcute/server/testing';
import { approved, bob, mo, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { ROLES, TwoFactorEnabled, type Roles } from './index.ts';
import { codeAt, stepAt } from './totp.ts';
import { retryAfterSeconds, slowingWaitSeconds } from './rules.ts';
import { MAIL_OUTBOX, type MailOutbox } from '@meetcute/mail';
import type { KeptMail } from '@meetcute/mail';

const DAY = 24 * 3600 * 1000;
const NEW_PASSWORD = 'a brand new secret';

// Mail the tests cause (password-changed notices, reset links) is kept here, and read back.
const mailDirectory = mkdtempSync(join(tmpdir(), 'meetcute-auth-mail-'));
after(() => rmSync(mailDirectory, { recursive: true, force: true }));

// Mails are kept where the tests read them, across the restart below too.
const build = testAppWith({
  MEETCUTE_MAIL_DIRECTORY: mailDirectory,
  MEETCUTE_PUBLIC_URL: 'https://meetcute.example',
});
const factory: TestAppFactory = build;

/** The link in the newest mail kept for this address whose subject starts so. */
async function linkInMail(app: App, to: string, subject: string): Promise<string> {
  await app.processAll();
  await app.services.require<MailOutbox>(MAIL_OUTBOX).flush();
  const kept = (
    await Promise.all(
      readdirSync(mailDirectory)
        .filter((f) => f.endsWith('.json'))
        .map(async (f) => JSON.parse(await readFile(join(mailDirectory, f), 'utf8')) as KeptMail),
    )
  )
    .filter((m) => m.to === to && m.subject.startsWith(subject))
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const link = /https:\/\/meetcute\.example(\/\S+)/.exec(kept[0]?.text ?? '')?.[1];
  assert.ok(link, `a mail "${subject}…" to ${to} with a link`);
  return link;
}

/** Puts earlier events in the log, as the use-case runner does, and waits for every consumer. */
async function tell(app: App, clock: ManualClock, givens: Given[]): Promise<void> {
  for (const g of givens) {
    await app.dispatcher.append(
      [
        {
          id: crypto.randomUUID(),
          type: g.event.type,
          version: g.event.version,
          occurredAt: clock.now().toISOString(),
          actorId: g.actorId ?? null,
          traceparent: null,
          payload: g.payload,
        },
      ],
      g.event.module,
    );
  }
  await app.processAll();
}

async function logIn(app: App, email: string, password: string): Promise<{ status: number; token: string }> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password },
  });
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  return { status: response.statusCode, token };
}

function as(token: string): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

async function whoAmI(app: App, token: string): Promise<{ status: number; body: unknown }> {
  const response = await app.http.inject({
    method: 'GET',
    url: '/api/v1/sessions/current',
    headers: as(token),
  });
  return { status: response.statusCode, body: response.statusCode === 200 ? response.json() : undefined };
}

const databases = await testDatabases();
if (databases.skipped) test('auth on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`auth on ${dialect}`, () => {
    test('sessions and log-in failures survive a restart of the app on the same database', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'meetcute-auth-'));
      const spec: StorageSpec =
        dialect === 'sqlite'
          ? { kind: 'sqlite', directory }
          : {
              kind: 'postgres',
              url: databases.postgresUrl,
              schemaPrefix: `t${randomBytes(5).toString('hex')}_`,
              poolSize: 2,
            };
      const clock = new ManualClock(USE_CASE_EPOCH);
      let modules: string[] = [];
      try {
        const first = await build({ storage: openStorage(spec), clock });
        modules = first.modules.map((m) => m.name);
        await first.services.require<Credentials>(CREDENTIALS).store(withPassword(nancy, bob));
        await tell(first, clock, [...approved(nancy), ...approved(bob)]);
        const { status, token } = await logIn(first, nancy.email, PASSWORD);
        assert.equal(status, 200);
        for (let i = 0; i < 5; i++) assert.equal((await logIn(first, bob.email, `wrong ${i}`)).status, 401);
        await first.close();

        // Within the half minute five failures cost: the wait outlives the restart.
        clock.advance(10 * 1000);
        const second = await build({ storage: openStorage(spec), clock });
        try {
          assert.deepEqual(await whoAmI(second, token), {
            status: 200,
            body: { memberId: nancy.memberId, status: 'approved', roles: [] },
          });
          assert.equal((await logIn(second, bob.email, PASSWORD)).status, 429, 'the wait is remembered');
        } finally {
          await second.close();
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
        if (dialect === 'postgres') {
          // close() forgets which schemas were opened, so a fresh handle names them to drop.
          const cleanup = openStorage(spec);
          for (const name of [...modules, 'eventlog']) cleanup.open(name);
          await cleanup.destroy();
        }
      }
    });

    test('logging out everywhere ends every session of the member, and only theirs', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await t.keepPasswords(withPassword(nancy, bob));
        const phone = await logIn(t.app, nancy.email, PASSWORD);
        const laptop = await logIn(t.app, nancy.email, PASSWORD);
        const bobs = await logIn(t.app, bob.email, PASSWORD);
        // Their log-ins (SessionStarted) reach the log before the mark.
        await t.app.processAll();
        await t.mark();
        const response = await t.app.http.inject({
          method: 'DELETE',
          url: '/api/v1/sessions',
          headers: as(phone.token),
        });
        assert.equal(response.statusCode, 204);
        assert.equal(response.body, '');
        const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
        assert.equal(cleared?.value, '', 'the session cookie is cleared');
        await t.app.processAll();
        assert.deepEqual(
          (await t.newEvents()).map((e) => [e.type, e.payload]),
          [['LoggedOutEverywhere', { memberId: nancy.memberId }]],
        );
        assert.equal((await whoAmI(t.app, phone.token)).status, 401);
        assert.equal((await whoAmI(t.app, laptop.token)).status, 401);
        assert.equal((await whoAmI(t.app, bobs.token)).status, 200, "Bob's session is untouched");
      } finally {
        await t.close();
      }
    });

    test('two-factor: set up from the key, log in with the app’s codes or a recovery code once, turn off', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(mo)]);
        await t.keepPasswords(withPassword(nancy));
        const laptop = await logIn(t.app, nancy.email, PASSWORD);
        const phone = await logIn(t.app, nancy.email, PASSWORD);
        const call = async (token: string, method: 'POST' | 'DELETE', url: string, payload: object = {}) => {
          const response = await t.app.http.inject({ method, url, headers: as(token), payload });
          const json = response.body ? response.json<Record<string, unknown>>() : {};
          return { status: response.statusCode, json };
        };
        const setUp = await call(phone.token, 'POST', '/api/v1/account/two-factor/setup');
        assert.equal(setUp.status, 201);
        const secret = String(setUp.json.secret);
        assert.match(
          String(setUp.json.uri),
          /^otpauth:\/\/totp\/meetcute\.example:nancy%40example\.com\?secret=/,
        );
        const codeNow = () => codeAt(secret, stepAt(t.clock.now()));
        // A key from an earlier setup is not the one asked for: only the latest counts.
        const on = await call(phone.token, 'POST', '/api/v1/account/two-factor', { code: codeNow() });
        assert.equal(on.status, 201);
        const recoveryCodes = on.json.recoveryCodes as string[];
        assert.equal(recoveryCodes.length, 10);
        assert.equal(new Set(recoveryCodes).size, 10);
        await t.app.processAll();
        assert.equal((await whoAmI(t.app, phone.token)).status, 200, 'the session that turned it on stays');
        assert.equal(
          (await whoAmI(t.app, laptop.token)).status,
          401,
          'the others end: they had the password alone',
        );

        // Log-in now takes the password, then a code; the same code never twice.
        t.clock.advance(30_000);
        const password = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: nancy.email, password: PASSWORD },
        });
        assert.equal(password.statusCode, 202);
        assert.equal(password.cookies.length, 0, 'no session for the password alone');
        const ticket = String(password.json<{ ticket: string }>().ticket);
        const second = (code: string) =>
          t.app.http.inject({
            method: 'POST',
            url: '/api/v1/sessions/second-factor',
            payload: { ticket, code },
          });
        const code = codeNow();
        const loggedIn = await second(code);
        assert.equal(loggedIn.statusCode, 200);
        const token = loggedIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
        assert.equal((await whoAmI(t.app, token)).status, 200);
        assert.equal((await second(code)).statusCode, 401, 'a code works once');

        // Phone lost: a recovery code stands in for the app, once.
        assert.equal((await second(recoveryCodes[3]!.toUpperCase())).statusCode, 200);
        assert.equal((await second(recoveryCodes[3]!)).statusCode, 401, 'a recovery code works once');
        const state = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/account/two-factor',
          headers: as(token),
        });
        assert.deepEqual(state.json(), { enabled: true, recoveryCodesLeft: 9 });

        // New recovery codes replace the old ones.
        t.clock.advance(30_000);
        const renewed = await call(token, 'POST', '/api/v1/account/two-factor/recovery-codes', {
          code: codeNow(),
        });
        assert.equal(renewed.status, 201);
        assert.equal((await second(recoveryCodes[4]!)).statusCode, 401, 'the old codes are gone');
        assert.equal((await second((renewed.json.recoveryCodes as string[])[0]!)).statusCode, 200);

        // The ticket lasts ten minutes.
        t.clock.advance(11 * 60_000);
        assert.equal((await second(codeNow())).statusCode, 401);
        assert.equal(
          (await second(codeNow())).json<{ type: string }>().type,
          'https://meetcute.dev/problems/login-expired',
        );

        const off = await call(token, 'DELETE', '/api/v1/account/two-factor', {
          currentPassword: PASSWORD,
          code: codeNow(),
        });
        assert.equal(off.status, 204);
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 200, 'the password alone again');
        await t.app.processAll();
        assert.deepEqual(
          (await t.newEvents())
            .filter((e) => e.type.startsWith('TwoFactor') && e.actorId === nancy.memberId)
            .map((e) => e.type),
          ['TwoFactorEnabled', 'TwoFactorDisabled'],
        );
        // Secrets and codes are credentials: no event carries them.
        const log = await t.app.dispatcher.log.db.selectFrom('events').select('payload').execute();
        assert.ok(
          log.every((e) => !String(e.payload).includes(secret)),
          'the key is in no event',
        );
      } finally {
        await t.close();
      }
    });

    test('five wrong codes slow the account down like wrong passwords', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
        await t.keepPasswords([{ ...withPassword(nancy)[0]!, totp: { secret } }]);
        await t.given([given(TwoFactorEnabled, { memberId: nancy.memberId, sessionId: 'none' })]);
        const password = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: nancy.email, password: PASSWORD },
        });
        const ticket = password.json<{ ticket: string }>().ticket;
        const second = (code: string) =>
          t.app.http.inject({
            method: 'POST',
            url: '/api/v1/sessions/second-factor',
            payload: { ticket, code },
          });
        for (let i = 0; i < 5; i++) assert.equal((await second('000000')).statusCode, 401);
        const right = await second(codeAt(secret, stepAt(t.clock.now())));
        assert.equal(right.statusCode, 429, 'even the right code waits');
        assert.ok(Number(right.headers['retry-after']) > 0);
      } finally {
        await t.close();
      }
    });

    test('logging in again in the same browser ends the session it had', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await t.keepPasswords(withPassword(nancy, bob));
        const nancys = await logIn(t.app, nancy.email, PASSWORD);
        const response = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          headers: as(nancys.token),
          payload: { email: bob.email, password: PASSWORD },
        });
        assert.equal(response.statusCode, 200);
        assert.equal((await whoAmI(t.app, nancys.token)).status, 401);
      } finally {
        await t.close();
      }
    });

    test('after a password change the old password fails, the new one works, and other devices are out', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        const here = await logIn(t.app, nancy.email, PASSWORD);
        const elsewhere = await logIn(t.app, nancy.email, PASSWORD);
        const response = await t.app.http.inject({
          method: 'PUT',
          url: '/api/v1/account/password',
          headers: as(here.token),
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        });
        assert.equal(response.statusCode, 204);
        await t.app.processAll();
        assert.equal((await whoAmI(t.app, here.token)).status, 200, 'this session stays');
        assert.equal((await whoAmI(t.app, elsewhere.token)).status, 401, 'other sessions end');
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 401);
        assert.equal((await logIn(t.app, nancy.email, NEW_PASSWORD)).status, 200);
      } finally {
        await t.close();
      }
    });

    test('a forgotten password: the link arrives by mail, works once, and every session ends', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        // Mail of an earlier run (the other database, another link key) is not this one's.
        for (const f of readdirSync(mailDirectory)) rmSync(join(mailDirectory, f), { force: true });
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        const phone = await logIn(t.app, nancy.email, PASSWORD);
        const asked = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/password-resets',
          payload: { email: nancy.email },
        });
        assert.equal(asked.statusCode, 202);
        const link = await linkInMail(t.app, nancy.email, 'Choose a new Meetcute password');
        const token = new URL(link, 'https://meetcute.example').searchParams.get('token') ?? '';
        const redeem = () =>
          t.app.http.inject({
            method: 'POST',
            url: '/api/v1/password-resets/redeem',
            payload: { token, newPassword: NEW_PASSWORD },
          });
        assert.equal((await redeem()).statusCode, 204);
        await t.app.processAll();
        assert.equal((await whoAmI(t.app, phone.token)).status, 401, 'the session from before is over');
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 401);
        assert.equal((await logIn(t.app, nancy.email, NEW_PASSWORD)).status, 200);
        assert.equal((await redeem()).statusCode, 400, 'the link works once');
        // And she is told, in case it was not her.
        await linkInMail(t.app, nancy.email, 'Your Meetcute password was changed');
      } finally {
        await t.close();
      }
    });

    test('rebuilding auth from the event log keeps passwords, second factors and roles, and sessions stay open', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(mo)]);
        const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
        await t.keepPasswords([...withPassword(nancy, mo), { ...withPassword(bob)[0]!, totp: { secret } }]);
        await t.given([given(TwoFactorEnabled, { memberId: bob.memberId, sessionId: 'none' })]);
        const granted = await t.app.services.require<Roles>(ROLES).grant('BOB@example.com', 'moderator');
        assert.equal(granted, bob.memberId);
        assert.equal(
          await t.app.services.require<Roles>(ROLES).grant('nobody@example.com', 'moderator'),
          null,
        );
        const nancys = await logIn(t.app, nancy.email, PASSWORD);
        await t.app.http.inject({
          method: 'PUT',
          url: '/api/v1/account/password',
          headers: as(nancys.token),
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        });
        await t.app.processAll();

        await t.app.rebuild('auth');

        assert.equal((await logIn(t.app, nancy.email, NEW_PASSWORD)).status, 200);
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 401);
        // Bob's authenticator key is a credential, kept apart from what a rebuild replays.
        const password = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: bob.email, password: PASSWORD },
        });
        assert.equal(password.statusCode, 202);
        const code = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions/second-factor',
          payload: {
            ticket: password.json<{ ticket: string }>().ticket,
            code: codeAt(secret, stepAt(t.clock.now())),
          },
        });
        assert.equal(code.statusCode, 200);
        const bobs = { token: code.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' };
        assert.deepEqual((await whoAmI(t.app, bobs.token)).body, {
          memberId: bob.memberId,
          status: 'approved',
          roles: ['moderator'],
        });
        assert.equal((await whoAmI(t.app, nancys.token)).status, 200, 'sessions are not a projection');
      } finally {
        await t.close();
      }
    });

    test('a session used every day still ends 90 days after the log-in', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        const { token } = await logIn(t.app, nancy.email, PASSWORD);
        for (let day = 1; day < 90; day++) {
          t.clock.advance(DAY);
          assert.equal((await whoAmI(t.app, token)).status, 200, `day ${day}`);
        }
        t.clock.advance(DAY);
        assert.equal((await whoAmI(t.app, token)).status, 401, 'on day 90 it has ended');
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 200, 'a new log-in starts afresh');
      } finally {
        await t.close();
      }
    });

    test('a session lives 30 days after its last use, and its cookie slides along', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        const login = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: nancy.email, password: PASSWORD },
        });
        const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE);
        assert.ok(cookie);
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.sameSite, 'Lax');
        assert.equal(cookie.path, '/');
        assert.equal(cookie.maxAge, 30 * 24 * 3600);
        assert.equal(cookie.value.length, 43, '32 random bytes in base64url');

        t.clock.advance(29 * DAY);
        const used = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/sessions/current',
          headers: as(cookie.value),
        });
        assert.equal(used.statusCode, 200);
        const renewed = used.cookies.find((c) => c.name === SESSION_COOKIE);
        assert.ok(renewed, 'the cookie is renewed');
        assert.equal(renewed.value, cookie.value, 'the cookie is sent again with a fresh lifetime');
        assert.equal(renewed.maxAge, 30 * 24 * 3600);

        t.clock.advance(20 * 60 * 1000);
        const soonAfter = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/sessions/current',
          headers: as(cookie.value),
        });
        assert.equal(soonAfter.cookies.length, 0, 'within the hour the expiry is not written again');

        t.clock.advance(29 * DAY);
        assert.equal(
          (await whoAmI(t.app, cookie.value)).status,
          200,
          '29 days after the last use it still works',
        );
        t.clock.advance(30 * DAY);
        assert.equal((await whoAmI(t.app, cookie.value)).status, 401, '30 idle days end it');
      } finally {
        await t.close();
      }
    });

    test('forty guesses sent at once get the five checks the limit allows, the rest a 429', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        const guesses = await Promise.all(
          Array.from({ length: 40 }, (_, i) => logIn(t.app, nancy.email, `guess ${i}`)),
        );
        const statuses = guesses.map((g) => g.status);
        assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
        assert.equal(statuses.filter((s) => s === 429).length, 35);
        // The right password waits too.
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 429);
      } finally {
        await t.close();
      }
    });

    test('a slowed log-in tells clients when to retry, and the owner gets in once the wait is over', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        for (let i = 0; i < 5; i++) assert.equal((await logIn(t.app, nancy.email, `wrong ${i}`)).status, 401);
        t.clock.advance(10 * 1000);
        const locked = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: 'NANCY@example.com', password: PASSWORD },
        });
        assert.equal(locked.statusCode, 429);
        assert.match(String(locked.headers['content-type']), /^application\/problem\+json/);
        assert.equal(locked.headers['retry-after'], '20');
        assert.match(locked.json<{ detail: string }>().detail, /Try again in 1 minute\./);
        t.clock.advance(20 * 1000);
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 200, 'not locked out for long');
      } finally {
        await t.close();
      }
    });

    test('each failure past the free ones doubles the wait; the right password forgets them', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        for (let i = 0; i < 5; i++) assert.equal((await logIn(t.app, nancy.email, `wrong ${i}`)).status, 401);
        const waits: string[] = [];
        for (let i = 0; i < 3; i++) {
          const refused = await t.app.http.inject({
            method: 'POST',
            url: '/api/v1/sessions',
            payload: { email: nancy.email, password: `again ${i}` },
          });
          waits.push(String(refused.headers['retry-after']));
          t.clock.advance(Number(refused.headers['retry-after']) * 1000);
          assert.equal(
            (await logIn(t.app, nancy.email, `late ${i}`)).status,
            401,
            'checked once the wait is over',
          );
        }
        assert.deepEqual(waits, ['30', '60', '120']);
        t.clock.advance(240 * 1000);
        assert.equal((await logIn(t.app, nancy.email, PASSWORD)).status, 200);
        assert.equal((await logIn(t.app, nancy.email, 'wrong once more')).status, 401, 'free again');
      } finally {
        await t.close();
      }
    });

    test('sign-up can log a member in before auth has heard of the account; the status follows later', async () => {
      const t = await startTestApp(factory, dialect);
      try {
        const token = await t.app.services.require<Sessions>(SESSIONS).open(nancy.memberId, 'Firefox');
        assert.deepEqual((await whoAmI(t.app, token)).body, {
          memberId: nancy.memberId,
          status: 'submitted',
          roles: [],
        });
        await t.given(approved(nancy));
        await t.keepPasswords(withPassword(nancy));
        assert.deepEqual((await whoAmI(t.app, token)).body, {
          memberId: nancy.memberId,
          status: 'approved',
          roles: [],
        });
      } finally {
        await t.close();
      }
    });
  });
}

test('an account slows down: free failures, then waits doubling from the last one up to a cap', () => {
  const now = new Date('2026-06-01T10:00:00.000Z');
  const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
  assert.equal(slowingWaitSeconds([secondsAgo(50), secondsAgo(40)], 5, 900, now), 0, 'two of five free');
  const five = [100, 80, 60, 40, 20].map(secondsAgo);
  assert.equal(slowingWaitSeconds(five, 5, 900, now), 10, 'half a minute after the fifth');
  assert.equal(slowingWaitSeconds([...five, secondsAgo(5)], 5, 900, now), 55, 'a minute after the sixth');
  const many = Array.from({ length: 20 }, (_, i) => secondsAgo(100 + i));
  assert.equal(slowingWaitSeconds(many, 5, 900, now), 800, 'never more than the cap');
  assert.equal(slowingWaitSeconds(five, 5, 900, now, 1), 60, 'one under way counts as made now');
  const yesterday = Array.from({ length: 9 }, () => new Date(now.getTime() - 25 * 3600 * 1000).toISOString());
  assert.equal(slowingWaitSeconds(yesterday, 5, 900, now), 0, 'a day later they are forgotten');
});

test('log-ins under way count as failures made now until they are known not to be', () => {
  const now = new Date('2026-06-01T10:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  const failures = [minutesAgo(10), minutesAgo(5), minutesAgo(3)];
  assert.equal(
    retryAfterSeconds(failures, 5, 900, now, 1),
    0,
    'three failures and one under way: room for one',
  );
  // Five in all: the oldest, ten minutes ago, ages out of the 15-minute window in five.
  assert.equal(retryAfterSeconds(failures, 5, 900, now, 2), 5 * 60);
  // Seven in all: the three written must age out, the newest in 12 minutes.
  assert.equal(retryAfterSeconds(failures, 5, 900, now, 4), 12 * 60);
  // Eight: one under way must age out too, and it counts as made now.
  assert.equal(retryAfterSeconds(failures, 5, 900, now, 5), 15 * 60);
});
