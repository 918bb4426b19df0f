// An anonymous form's token (sign-up, log-in) is bound to the browser's form cookie under
// the site's own key: someone who plants a form cookie of their choosing in a victim's
// browser still cannot make a token the site takes.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { approved, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { csrfFor, readConfig } from '@meetcute/core';
import { buildApp } from '../src/app.ts';
import { startTestApp } from '@meetcute/core/testing';
import { testApp } from '../src/testing.ts';

const PLANTED = 'a-form-cookie-the-attacker-chose';

test('a log-in form whose token comes from a planted form cookie alone is refused', async () => {
  const t = await startTestApp(testApp, 'sqlite');
  try {
    await t.given(approved(nancy));
    await t.keepPasswords(withPassword(nancy));
    const post = (token: string) =>
      t.app.http.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: `mc_form=${PLANTED}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: token,
          email: nancy.email,
          password: PASSWORD,
          next: '/',
        }).toString(),
      });
    const forged = await post(csrfFor(PLANTED));
    assert.equal(forged.statusCode, 403, 'the token an attacker can compute from the cookie');
    assert.equal(
      forged.cookies.find((c) => c.name === 'mc_session'),
      undefined,
    );
    // The site's own token for that cookie, as its log-in page would carry it, works.
    const real = await post(csrfFor(t.app.formSecret(PLANTED)));
    assert.equal(real.statusCode, 303);
  } finally {
    await t.close();
  }
});

test('the form key is the site’s own: made once, the same after a restart', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'meetcute-form-key-'));
  const open = () =>
    buildApp(
      readConfig({
        MEETCUTE_DATABASE_URL: `sqlite:${directory}`,
        MEETCUTE_LOG_LEVEL: 'silent',
        MEETCUTE_PHOTO_DIRECTORY: join(directory, 'photos'),
      }),
    );
  try {
    const first = await open();
    const before = first.formSecret(PLANTED);
    await first.close();
    const again = await open();
    const after = again.formSecret(PLANTED);
    await again.close();
    assert.equal(after, before, 'a form rendered before a restart still posts after it');
    assert.notEqual(before, PLANTED);
    const elsewhere = await startTestApp(testApp, 'sqlite');
    try {
      assert.notEqual(elsewhere.app.formSecret(PLANTED), before, 'another site has another key');
    } finally {
      await elsewhere.close();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});

test('only an answer with a form sets the form cookie: not health checks, metrics, the API, files or portraits', async () => {
  const t = await startTestApp(testApp, 'sqlite');
  try {
    await t.given(approved(nancy));
    await t.keepPasswords(withPassword(nancy));
    const setsFormCookie = async (url: string, accept = 'text/html,*/*') => {
      const response = await t.app.http.inject({ method: 'GET', url, headers: { accept } });
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
      return response.cookies.some((c) => c.name === 'mc_form');
    };
    for (const url of [
      '/heartbeat',
      '/ready',
      '/metrics',
      '/api/v1/cities?q=sto',
      '/assets/site.css',
      `/members/${nancy.memberId}/portrait/thumb`,
      `/members/${nancy.memberId}`,
    ]) {
      assert.equal(await setsFormCookie(url), false, url);
    }
    // The log-in page holds a form: its token needs the cookie.
    assert.equal(await setsFormCookie('/login'), true);
  } finally {
    await t.close();
  }
});
