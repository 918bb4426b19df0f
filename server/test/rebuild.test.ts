// The demo community, made through the API as people would: every card shows a generated
// portrait, and every module rebuilt from the event log ends in exactly the state it had.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { DEMO_PASSWORD, seedDemo } from '../src/demo.ts';
import { testApp } from '../src/testing.ts';

const databases = await testDatabases();
if (databases.skipped) test('the demo on PostgreSQL', { skip: databases.skipped }, () => undefined);

async function logIn(t: TestApp, email: string): Promise<string> {
  const login = await t.app.http.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: DEMO_PASSWORD },
  });
  assert.equal(login.statusCode, 200, login.body);
  return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Every member portrait a page shows, by member id. */
function portraitsOn(page: string): string[] {
  return [...new Set([...page.matchAll(/\/members\/([0-9a-f-]{36})\/portrait\//g)].map((m) => m[1]!))];
}

/** What a browser gets for a member's portrait: a photo (sent, or its address), or the silhouette. */
async function portraitOf(t: TestApp, memberId: string, cookie?: string): Promise<string> {
  const r = await t.app.http.inject({
    method: 'GET',
    url: `/members/${memberId}/portrait/thumb`,
    headers: cookie ? { cookie } : {},
  });
  if (r.statusCode === 302 && /^\/photos\/[0-9a-f-]{36}\/thumb$/.test(String(r.headers.location)))
    return 'photo';
  if (r.statusCode === 200 && r.headers['content-type'] === 'image/webp') return 'photo';
  return `${r.statusCode} ${r.headers['content-type']}`;
}

for (const dialect of databases.dialects) {
  // One demo per database, seeded once: the faces are looked at first, then everything is rebuilt.
  describe(`the demo on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(testApp, dialect);
      assert.equal(await seedDemo(t.app, () => undefined), true);
    });
    after(() => t?.close());

    test('every card shows a portrait: the photos went through upload and review, one is left waiting', async () => {
      const nancy = await logIn(t, 'nancy@example.com');
      let cards = 0;
      for (const url of ['/search', '/online', '/interests/jazz']) {
        const page = await t.app.http.inject({ method: 'GET', url, headers: { cookie: nancy } });
        assert.equal(page.statusCode, 200, `${url}: ${page.body.slice(0, 200)}`);
        for (const memberId of portraitsOn(page.body)) {
          cards++;
          assert.equal(await portraitOf(t, memberId, nancy), 'photo', url);
        }
      }
      assert.ok(cards >= 5, `the pages show the community (${cards} cards)`);

      // A visitor's first look: the front page shows faces, each a photo.
      const front = await t.app.http.inject({ method: 'GET', url: '/' });
      const faces = portraitsOn(front.body);
      assert.equal(faces.length, 6, 'six faces on the front page');
      for (const memberId of faces) assert.equal(await portraitOf(t, memberId), 'photo');

      // Nancy has a gallery of three; Johan's newest photo waits for a moderator.
      const mine = await t.app.http.inject({
        method: 'GET',
        url: '/api/v1/photos',
        headers: { cookie: nancy },
      });
      const photos = mine.json<{ photos: Array<{ status: string; isPortrait: boolean }> }>().photos;
      assert.deepEqual(
        photos.map((p) => [p.status, p.isPortrait]),
        [
          ['approved', true],
          ['approved', false],
          ['approved', false],
        ],
      );
      const counts = await t.app.dispatcher.log.db
        .selectFrom('events')
        .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', 'in', ['PhotoUploaded', 'PhotoApproved', 'PhotoRejected'])
        .groupBy('type')
        .execute();
      const n: Record<string, number> = {};
      for (const c of counts) n[String(c.type)] = Number(c.n);
      assert.deepEqual(n, { PhotoUploaded: 25, PhotoApproved: 24 }, 'one photo waits in the queue');
    });

    test('every module rebuilt from the log has exactly the same read model', async () => {
      const snapshot = async () => {
        const state: Record<string, unknown[]> = {};
        for (const module of t.app.modules) {
          for (const table of module.projections) {
            const db = t.app.channel(module.name).database.db;
            const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
            state[`${module.name}.${table}`] = rows.rows
              .map((r) => JSON.stringify(r, Object.keys(r).sort()))
              .sort();
          }
        }
        return state;
      };
      const built = await snapshot();
      assert.ok(Object.keys(built).length >= 3, 'several modules have read models');
      assert.ok(
        Object.values(built).some((rows) => rows.length >= 10),
        'the demo made real data',
      );
      for (const module of t.app.modules) await t.app.rebuild(module.name);
      assert.deepEqual(await snapshot(), built);
    });
  });
}
