// Nothing of a blocked member leaks: after Bob blocks Nancy, every member-facing GET
// endpoint in the OpenAPI document is called as each of them, about the other, and
// neither's id, nickname or photo ids (which every photo URL carries) may appear (or the
// answer is a 404). The photo files and portraits, served outside the API, are asked for
// too. The same walk before the block must show them, so this test fails if the walk
// itself goes blind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { approved, bob, eve, mo, nancy } from '@meetcute/cast';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { testApp } from '../src/testing.ts';

interface Operation {
  'x-access'?: string;
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
}

/** Values for path and required query parameters, as the viewer would fill them about `other`. */
function fill(name: string, other: string): string | undefined {
  const values: Record<string, string> = {
    memberId: other,
    // Which of these are online (an open page's badges).
    members: other,
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

/** A member as the walk looks for them: their id, their nickname and the ids of their photos. */
interface Traces {
  memberId: string;
  nickname: string;
  photoIds: string[];
}

/** Calls every member-facing GET as `viewer` about `other`; returns the endpoints whose answer shows `other`. */
async function walk(t: TestApp, viewer: string, other: Traces): Promise<string[]> {
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
      response.body.includes(other.memberId) ||
      new RegExp(`\\b${other.nickname}\\b`).test(response.body) ||
      other.photoIds.some((id) => response.body.includes(id));
    if (response.status === 200 && shows) showing.push(key);
  }
  return showing.sort();
}

/** A small real photo; each member's own colour, so every upload is an image of its own. */
function photo(background: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** Uploads a photo to the album and has Mo approve it; returns its id. */
async function approvedPhoto(t: TestApp, owner: string, album: 'public' | 'private', colour: string) {
  const uploaded = await t.call({
    as: owner,
    method: 'POST',
    url: '/api/v1/photos',
    body: { album },
    upload: {
      field: 'photo',
      filename: `${album}.jpg`,
      contentType: 'image/jpeg',
      bytes: await photo(colour),
    },
  });
  assert.equal(uploaded.status, 201, uploaded.body);
  const { photoId } = uploaded.json as { photoId: string };
  const review = await t.call({
    as: mo.memberId,
    method: 'POST',
    url: `/api/v1/review/photos/${photoId}/approve`,
  });
  assert.equal(review.status, 200, review.body);
  return photoId;
}

/**
 * Nancy and Bob have done everything with each other that the modules offer; with photos,
 * each has a portrait and a private photo approved by Mo, has unlocked their private album
 * for the other and liked both of the other's photos. Returns each one's photo ids.
 */
async function interact(t: TestApp): Promise<Map<string, string[]>> {
  const both: Array<[string, string]> = [
    [nancy.memberId, bob.memberId],
    [bob.memberId, nancy.memberId],
  ];
  const photos = new Map<string, string[]>();
  for (const [me, them] of both) {
    const colour = me === nancy.memberId ? '#c06040' : '#4060c0';
    photos.set(me, [
      await approvedPhoto(t, me, 'public', colour),
      await approvedPhoto(t, me, 'private', colour),
    ]);
    const unlocked = await t.call({ as: me, method: 'PUT', url: `/api/v1/photos/unlocks/${them}` });
    assert.equal(unlocked.status, 200, unlocked.body);
  }
  for (const [me, them] of both) {
    for (const photoId of photos.get(them)!) {
      const liked = await t.call({ as: me, method: 'PUT', url: `/api/v1/photos/${photoId}/like` });
      assert.equal(liked.status, 200, liked.body);
    }
  }
  for (const [me, them] of both) {
    await t.call({ as: me, method: 'GET', url: `/api/v1/profiles/${them}` });
    await t.call({ as: me, method: 'POST', url: '/api/v1/flirts', body: { memberId: them } });
    await t.call({ as: me, method: 'POST', url: '/api/v1/favourites', body: { memberId: them } });
    await t.call({ as: me, method: 'POST', url: '/api/v1/interests', body: { tag: 'jazz' } });
    await t.call({
      as: me,
      method: 'POST',
      url: `/api/v1/chats/${them}/messages`,
      body: { body: 'Hi there' },
    });
  }
  return photos;
}

/** Which of the other's photo files the viewer is given, and where their portrait leads. */
async function photoFiles(t: TestApp, viewer: string, other: Traces): Promise<string[]> {
  const given: string[] = [];
  for (const photoId of other.photoIds) {
    for (const size of ['thumb', 'profile', 'full']) {
      const file = await t.call({ as: viewer, method: 'GET', url: `/photos/${photoId}/${size}` });
      assert.ok(file.status === 200 || file.status === 404, `/photos/${photoId}/${size}: ${file.status}`);
      if (file.status === 200) given.push(`${photoId}/${size}`);
    }
  }
  const portrait = await t.call({
    as: viewer,
    method: 'GET',
    url: `/members/${other.memberId}/portrait/thumb`,
  });
  if (portrait.status === 302) given.push(`portrait → ${String(portrait.headers.location)}`);
  else assert.equal(portrait.headers['content-type'], 'image/svg+xml', 'the silhouette, never a 404');
  return given;
}

const databases = await testDatabases();
if (databases.skipped) test('block leaks on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`block leaks on ${dialect}`, () => {
    test('after a block, no member-facing endpoint shows either member to the other', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve), ...approved(mo)]);
        const photos = await interact(t);
        const bobs: Traces = { memberId: bob.memberId, nickname: 'Bob', photoIds: photos.get(bob.memberId)! };
        const nancys: Traces = {
          memberId: nancy.memberId,
          nickname: 'Nancy',
          photoIds: photos.get(nancy.memberId)!,
        };
        const before = await walk(t, nancy.memberId, bobs);
        assert.ok(
          before.length >= 2,
          `before the block Nancy should see Bob somewhere; she sees him in ${before.join(', ')}`,
        );
        assert.ok(before.includes('GET /api/v1/members/:memberId/photos'), 'Nancy sees Bob’s photos');
        // Both of Bob's photos (the private one is unlocked for her) in every size, and his portrait.
        assert.equal((await photoFiles(t, nancy.memberId, bobs)).length, 2 * 3 + 1);
        assert.equal((await photoFiles(t, bob.memberId, nancys)).length, 2 * 3 + 1);

        const blocked = await t.call({
          as: bob.memberId,
          method: 'POST',
          url: '/api/v1/blocks',
          body: { memberId: nancy.memberId },
        });
        assert.equal(blocked.status, 201);

        assert.deepEqual(await walk(t, nancy.memberId, bobs), []);
        const bobSees = await walk(t, bob.memberId, nancys);
        assert.deepEqual(
          bobSees.filter((key) => !(key in BY_DESIGN)),
          [],
        );
        assert.deepEqual(await photoFiles(t, nancy.memberId, bobs), []);
        assert.deepEqual(await photoFiles(t, bob.memberId, nancys), []);
        // Eve, who blocked nobody, still sees both of them wherever she saw them, public photos too.
        const eveSees = await walk(t, eve.memberId, bobs);
        assert.ok(eveSees.includes('GET /api/v1/profiles/:memberId'));
        assert.ok(eveSees.includes('GET /api/v1/members/:memberId/photos'));
        assert.equal((await photoFiles(t, eve.memberId, bobs)).length, 3 + 1, 'Bob’s public photo only');
      } finally {
        await t.close();
      }
    });
  });
}
