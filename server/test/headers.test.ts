// Every response carries the site's security headers: each declared route is called as a
// visitor and as an approved member (with path parameters filled in, and a body for
// writes), and whatever it answers (a page, JSON, a redirect, a 4xx) must say: run only
// our own script and style, never inside another site's frame, no type sniffing, no
// referrer beyond this site, a window of our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approved, bob, nancy } from '@meetcute/cast';
import { startTestApp } from '@meetcute/core/testing';
import { testApp } from '../src/testing.ts';

const EXPECTED = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** A value for each kind of path parameter, so the route's handler runs, not only its 404. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) =>
    name === 'size' ? 'thumb' : name === 'tag' ? 'jazz' : '00000000-0000-7000-8000-000000000001',
  );
}

test('every route answers with the security headers, for visitors and members alike', async () => {
  const t = await startTestApp(testApp, 'sqlite');
  try {
    await t.given(approved(nancy));
    const routes = t.app.routes.filter((r) => r.method !== 'HEAD' && !r.url.includes('*'));
    assert.ok(routes.length > 100, `only ${routes.length} routes found`);
    let checked = 0;
    for (const route of routes) {
      for (const as of [undefined, nancy.memberId]) {
        const url = fill(route.url);
        const write = route.method !== 'GET';
        const response = await t.call({
          as,
          method: route.method as 'GET',
          url,
          ...(write ? { body: {} } : {}),
        });
        const where = `${route.method} ${url} as ${as ? 'a member' : 'a visitor'} (${response.status})`;
        // Health checks may answer 503 (a test machine's event loop stalls at start); nothing else may fail.
        const health = route.url === '/heartbeat' || route.url === '/ready';
        assert.ok(response.status < 500 || health, `${where}: ${response.body.slice(0, 200)}`);
        for (const [name, value] of Object.entries(EXPECTED)) {
          assert.equal(response.headers[name], value, `${where}: ${name}`);
        }
        const csp = response.headers['content-security-policy'];
        assert.ok(typeof csp === 'string', `${where}: content-security-policy`);
        assert.match(csp, /default-src '(self|none)'/, `${where}: content-security-policy`);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, where);
        if (!csp.startsWith("default-src 'none'")) assert.match(csp, /frame-ancestors 'none'/, where);
        assert.equal(response.headers['strict-transport-security'], undefined, `${where}: no HSTS over HTTP`);
        checked++;
      }
    }
    assert.equal(checked, routes.length * 2);
  } finally {
    await t.close();
  }
});

test('no page of ours needs inline script or style: none is in what the pages render', async () => {
  const t = await startTestApp(testApp, 'sqlite');
  try {
    await t.given([...approved(nancy), ...approved(bob)]);
    // Something on her pages to mark: an unread alert, a flirt, a conversation.
    await t.call({
      as: bob.memberId,
      method: 'POST',
      url: '/api/v1/flirts',
      body: { memberId: nancy.memberId },
    });
    await t.call({
      as: bob.memberId,
      method: 'POST',
      url: `/api/v1/chats/${nancy.memberId}/messages`,
      body: { body: 'Hello Nancy' },
    });
    const alerts = await t.call({ as: nancy.memberId, method: 'GET', url: '/alerts' });
    assert.match(alerts.body, /class="card alert-card[^"]* unread"/, 'the walk sees an unread alert');
    const pages = t.app.routes.filter((r) => r.method === 'GET' && r.kind === 'page');
    for (const route of pages) {
      const response = await t.call({ as: nancy.memberId, method: 'GET', url: fill(route.url) });
      const where = `GET ${route.url} (${response.status})`;
      assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)[^>]*>/i, `${where}: an inline script`);
      assert.doesNotMatch(
        response.body,
        /<style\b|\sstyle="|\son[a-z]+="/i,
        `${where}: inline style or handler`,
      );
    }
  } finally {
    await t.close();
  }
});

test('what a member is shown is kept by no cache, so Back after logging out shows nothing private', async () => {
  const t = await startTestApp(testApp, 'sqlite');
  try {
    await t.given([...approved(nancy), ...approved(bob)]);
    const member = t.app.routes.filter(
      (r) => r.method === 'GET' && (r.kind === 'page' || r.kind === 'api') && !r.url.includes('*'),
    );
    assert.ok(member.length > 40, `only ${member.length} routes found`);
    for (const route of member) {
      const response = await t.call({ as: nancy.memberId, method: 'GET', url: fill(route.url) });
      const where = `GET ${route.url} as a member (${response.status})`;
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === 'string' ? value : '';
      };
      const cache = header('cache-control');
      // Photos set their own caching (a public one is the same for everyone, a portrait may
      // be kept a few minutes, a private album's never); any other answer is private.
      if (header('content-type').startsWith('image/')) continue;
      assert.match(cache, /\bno-store\b/, `${where}: cache-control ${cache || 'missing'}`);
    }
    const mine = await t.call({ as: bob.memberId, method: 'GET', url: '/alerts' });
    assert.equal(mine.headers['cache-control'], 'private, no-store');
    // A visitor's pages hold nothing of anyone's; shipped files stay cacheable for a year.
    const visitor = await t.call({ method: 'GET', url: '/' });
    assert.equal(visitor.headers['cache-control'], undefined);
  } finally {
    await t.close();
  }
});
