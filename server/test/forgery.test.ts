// Another site's page cannot change anything through the API with a member's cookie. A
// browser lets any page POST across sites without asking first when the body is empty, a
// form or plain text, and SameSite=Lax was all that stood in the way: a body-less POST now
// needs the token in a header (which no other site's page can set without a preflight we
// never answer), and every write whose browser says it comes from another site (Origin,
// Sec-Fetch-Site) is refused whatever it carries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { approved, bob, nancy, withPassword } from '@meetcute/cast';
import { MemberBlocked } from '@meetcute/block/events';
import { startTestApp, type TestApp } from '@meetcute/core/testing';
import { testApp } from '../src/testing.ts';

const EVIL = 'https://evil.example';

let t: TestApp;
/** The site's public origin (MEETCUTE_PUBLIC_URL), which is not the Host inject sends. */
let OWN: string;
before(async () => {
  t = await startTestApp(testApp, 'sqlite');
  OWN = t.app.config.publicUrl;
  await t.given([...approved(nancy), ...approved(bob)]);
  await t.keepPasswords(withPassword(nancy, bob));
});
after(() => t.close());

const problemType = (answer: { json: unknown }) => (answer.json as { type?: string }).type ?? '';
const blocks = async () => (await t.newEvents()).filter((e) => e.type === MemberBlocked.type);

test('a body-less POST to the API without the token in a header is refused; with it, it is done', async () => {
  const read = { as: bob.memberId, method: 'POST', url: '/api/v1/alerts/read' } as const;
  const forged = await t.call({ ...read, csrf: false });
  assert.equal(forged.status, 403, forged.body);
  assert.match(problemType(forged), /csrf$/);
  const wrong = await t.call({ ...read, headers: { 'x-csrf-token': 'guessed' } });
  assert.equal(wrong.status, 403);
  // The site's own script, or an app, that sends the token in the header.
  assert.equal((await t.call(read)).status, 200);
  // Without a session there is nothing to forge: the route says who may call it.
  const anonymous = await t.call({ method: 'POST', url: '/api/v1/alerts/read' });
  assert.equal(anonymous.status, 401);
});

test('an API write from another site’s page is refused whatever it carries', async () => {
  await t.mark();
  const block = (headers: Record<string, string>) =>
    t.call({
      as: bob.memberId,
      method: 'POST',
      url: '/api/v1/blocks',
      body: { memberId: nancy.memberId },
      headers,
    });
  const fromElsewhere: Array<Record<string, string>> = [
    { origin: EVIL },
    { origin: 'null' },
    { origin: 'http://chat.meetcute.test' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: OWN, 'sec-fetch-site': 'cross-site' },
  ];
  for (const headers of fromElsewhere) {
    const answer = await block(headers);
    assert.equal(answer.status, 403, JSON.stringify(headers));
    assert.match(problemType(answer), /cross-site$/);
  }
  assert.deepEqual(await blocks(), []);
  // The read-alerts POST with the right token but from another site's page is refused too.
  const read = await t.call({
    as: bob.memberId,
    method: 'POST',
    url: '/api/v1/alerts/read',
    headers: { origin: EVIL },
  });
  assert.equal(read.status, 403);
  // A page of the site itself, by the public origin or by the host it was asked by.
  assert.equal((await block({ origin: OWN, 'sec-fetch-site': 'same-origin' })).status, 201);
  assert.equal(
    (await t.call({ as: bob.memberId, method: 'DELETE', url: `/api/v1/blocks/${nancy.memberId}` })).status,
    204,
  );
  assert.equal((await block({ origin: 'http://meetcute.test', host: 'meetcute.test' })).status, 201);
  assert.equal((await block({ origin: 'http://chat.meetcute.test', host: 'meetcute.test' })).status, 403);
  assert.equal((await blocks()).length, 2);
});

test('a body-less DELETE needs no token (browsers ask first), but not from another site', async () => {
  const unblock = (headers: Record<string, string>) =>
    t.call({
      as: nancy.memberId,
      method: 'DELETE',
      url: `/api/v1/blocks/${bob.memberId}`,
      csrf: false,
      headers,
    });
  await t.call({
    as: nancy.memberId,
    method: 'POST',
    url: '/api/v1/blocks',
    body: { memberId: bob.memberId },
  });
  assert.equal((await unblock({ origin: EVIL })).status, 403);
  assert.equal((await unblock({ 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await unblock({})).status, 204);
});
