// Nothing of a blocked member leaks: after Bob blocks Nancy, every member-facing GET
// endpoint in the OpenAPI document is called as each of them, about the other, and
// neither's id or nickname may appear (or the answer is a 404). The same walk before
// the block must show them, so this test fails if the walk itself goes blind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from './harness.ts';

interface Operation {
  'x-access'?: string;
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
}

/** Values for path and required query parameters, as the viewer would fill them about `other`. */
function fill(name: string, other: string): string | undefined {
  const values: Record<string, string> = {
    memberId: other,
    tag: 'jazz',
    cityId: '2673730',
    q: 'sto',
  };
  return values[name];
}

/** Endpoints where the blocker seeing the blocked member is the point. */
const BY_DESIGN: Record<string, string> = {
  'GET /api/v1/blocks': 'the blocker’s own block list names whom they blocked, so they can unblock',
};

async function memberGets(t: TestApp): Promise<Array<{ path: string; op: Operation }>> {
  const doc = (await t.app.http.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  const out: Array<{ path: string; op: Operation }> = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    const op = methods.get;
    if (op && (op['x-access'] === 'member' || op['x-access'] === 'approved')) out.push({ path, op });
  }
  return out;
}

/** Calls every member-facing GET as `viewer` about `other`; returns the endpoints whose answer shows `other`. */
async function walk(
  t: TestApp,
  viewer: string,
  other: { memberId: string; nickname: string },
): Promise<string[]> {
  const showing: string[] = [];
  for (const { path, op } of await memberGets(t)) {
    let url = path;
    const query = new URLSearchParams();
    for (const p of op.parameters ?? []) {
      if (p.in !== 'path' && !p.required) continue;
      const value = fill(p.name, other.memberId);
      assert.ok(
        value !== undefined,
        `teach block-leaks.test.ts a value for the ${p.in} parameter ${p.name} of ${path}`,
      );
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else query.set(p.name, value);
    }
    // A long poll would wait for news; the walk wants what is there now.
    if ((op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'wait')) query.set('wait', '0');
    const full = query.size > 0 ? `${url}?${query.toString()}` : url;
    const response = await t.call({ as: viewer, method: 'GET', url: full });
    assert.ok(response.status < 500, `GET ${full} answered ${response.status}`);
    const key = `GET ${path.replace(/\{(\w+)\}/g, ':$1')}`;
    const shows =
      response.body.includes(other.memberId) || new RegExp(`\\b${other.nickname}\\b`).test(response.body);
    if (response.status === 200 && shows) showing.push(key);
  }
  return showing.sort();
}

/** Nancy and Bob have done everything with each other that the modules offer. */
async function interact(t: TestApp): Promise<void> {
  const both: Array<[string, string]> = [
    [nancy.memberId, bob.memberId],
    [bob.memberId, nancy.memberId],
  ];
  for (const [me, them] of both) {
    await t.call({ as: me, method: 'GET', url: `/api/v1/profiles/${them}` });
    await t.call({ as: me, method: 'POST', url: '/api/v1/flirts', body: { memberId: them } });
    await t.call({ as: me, method: 'POST', url: '/api/v1/favourites', body: { memberId: them } });
    await t.call({ as: me, method: 'POST', url: '/api/v1/interests', body: { tag: 'jazz' } });
  }
}

const databases = await testDatabases();
if (databases.skipped) test('block leaks on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`block leaks on ${dialect}`, () => {
    test('after a block, no member-facing endpoint shows either member to the other', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        await interact(t);
        const before = await walk(t, nancy.memberId, { memberId: bob.memberId, nickname: 'Bob' });
        assert.ok(
          before.length >= 2,
          `before the block Nancy should see Bob somewhere; she sees him in ${before.join(', ')}`,
        );

        const blocked = await t.call({
          as: bob.memberId,
          method: 'POST',
          url: '/api/v1/blocks',
          body: { memberId: nancy.memberId },
        });
        assert.equal(blocked.status, 201);

        assert.deepEqual(await walk(t, nancy.memberId, { memberId: bob.memberId, nickname: 'Bob' }), []);
        const bobSees = await walk(t, bob.memberId, { memberId: nancy.memberId, nickname: 'Nancy' });
        assert.deepEqual(
          bobSees.filter((key) => !(key in BY_DESIGN)),
          [],
        );
        // Eve, who blocked nobody, still sees both of them wherever she saw them.
        const eveSees = await walk(t, eve.memberId, { memberId: bob.memberId, nickname: 'Bob' });
        assert.ok(eveSees.includes('GET /api/v1/profiles/:memberId'));
      } finally {
        await t.close();
      }
    });
  });
}
