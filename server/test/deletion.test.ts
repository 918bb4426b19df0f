// A member's data, downloaded and then deleted (GDPR articles 15, 17 and 20): the demo
// community is made through the API, Nancy downloads her archive, deletes her account,
// and then no table of any module, nor the event log, holds a row that names her, also
// after every module is rebuilt from what the log kept.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import yauzl from 'yauzl';
import type { ModuleDatabase } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { DEMO_PASSWORD, seedDemo } from '../src/demo.ts';
import { testApp } from '../src/testing.ts';

const databases = await testDatabases();
if (databases.skipped) test('deletion on PostgreSQL', { skip: databases.skipped }, () => undefined);

const EMAIL = 'nancy@example.com';
/** A real 1×1 PNG: the smallest image the photo pipeline (sniff, decode, re-encode) accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The archive's files by name, read with a real ZIP reader. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function tablesOf(database: ModuleDatabase): Promise<string[]> {
  const found =
    database.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          database.db,
        );
  return found.rows.map((r) => r.name);
}

/** Every row, in every table of every module and of the event log, that holds one of the needles. */
async function rowsNaming(
  t: TestApp,
  needles: string[],
  except: (row: string) => boolean,
): Promise<string[]> {
  const places: Array<[string, ModuleDatabase]> = t.app.modules.map((m) => [
    m.name,
    t.app.channel(m.name).database,
  ]);
  places.push(['event log', t.app.dispatcher.log]);
  const found: string[] = [];
  for (const [name, database] of places) {
    for (const table of await tablesOf(database)) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
      for (const row of rows.rows) {
        const text = JSON.stringify(row).toLowerCase();
        if (needles.some((n) => text.includes(n.toLowerCase())) && !except(text)) {
          found.push(`${name}.${table}: ${text.slice(0, 300)}`);
        }
      }
    }
  }
  return found;
}

for (const dialect of databases.dialects) {
  describe(`your data on ${dialect}`, () => {
    test('Nancy downloads everything about her, deletes her account, and no row names her any more', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        assert.equal(await seedDemo(t.app, () => undefined), true);
        const login = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: EMAIL, password: DEMO_PASSWORD },
        });
        assert.equal(login.statusCode, 200, login.body);
        const memberId = login.json<{ memberId: string }>().memberId;
        const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

        const uploaded = await t.call({
          as: memberId,
          method: 'POST',
          url: '/api/v1/photos',
          body: {},
          upload: { field: 'photo', filename: 'me.png', contentType: 'image/png', bytes: PNG },
        });
        assert.equal(uploaded.status, 201, uploaded.body);
        const { photoId } = uploaded.json as { photoId: string };
        const thumb = `/photos/${photoId}/thumb`;
        assert.equal((await t.call({ as: memberId, method: 'GET', url: thumb })).status, 200);
        assert.ok((await readdir(join(t.app.config.photos.directory, photoId.slice(-2)))).length > 0);

        const download = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/account/data',
          headers: { cookie },
        });
        assert.equal(download.statusCode, 200, download.body);
        assert.equal(download.headers['content-type'], 'application/zip');
        const files = await unzip(download.rawPayload);
        for (const name of ['README.txt', 'account.json', 'profile.json']) {
          assert.ok(files.has(name), `the archive holds ${name}: ${[...files.keys()].join(', ')}`);
        }
        assert.ok(
          files.get(`photos/${photoId}.webp`)?.subarray(8, 12).equals(Buffer.from('WEBP')),
          'her photo, as kept',
        );
        // The README gives the day as pages do ("on 6 Dec 2026"), not as ISO text.
        const readme = files.get('README.txt')!.toString();
        assert.match(readme, /kept about you on \d{1,2} [A-Z][a-z]{2} \d{4}:/);
        assert.doesNotMatch(readme, /\d{4}-\d{2}-\d{2}/);
        const account = JSON.parse(files.get('account.json')!.toString()) as { email: string };
        assert.equal(account.email, EMAIL);
        const messages = async () => {
          const chat = t.app.channel('chat').database.db;
          const row = await sql<{ n: number }>`select count(*) as n from chat_messages`.execute(chat);
          return Number(row.rows[0]?.n);
        };
        const conversationsKept = await messages();
        assert.ok(conversationsKept > 0, 'the demo has messages');
        const before = await rowsNaming(t, [memberId], () => false);
        assert.ok(before.length > 20, `the demo gave Nancy a life on the site (${before.length} rows)`);

        const wrong = await t.app.http.inject({
          method: 'DELETE',
          url: '/api/v1/account',
          headers: { cookie },
          payload: { password: 'not my password' },
        });
        assert.equal(wrong.statusCode, 400);
        const deleted = await t.app.http.inject({
          method: 'DELETE',
          url: '/api/v1/account',
          headers: { cookie },
          payload: { password: DEMO_PASSWORD },
        });
        assert.equal(deleted.statusCode, 204, deleted.body);
        await t.app.processAll();

        const again = await t.app.http.inject({
          method: 'GET',
          url: '/api/v1/sessions/current',
          headers: { cookie },
        });
        assert.equal(again.statusCode, 401, 'her session ended');
        // Photo files spread over folders by the id's end (photos' storage.ts).
        const photoFiles = () =>
          readdir(join(t.app.config.photos.directory, photoId.slice(-2))).then((names) =>
            names.filter((n) => n.startsWith(photoId)),
          );
        assert.deepEqual(await photoFiles(), [], 'her photo files are gone');
        // The deletion event itself stays in the log, naming only an id that leads nowhere.
        const isDeletion = (row: string) => row.includes('"type":"memberdeleted"');
        assert.deepEqual(await rowsNaming(t, [memberId, EMAIL], isDeletion), []);
        assert.equal(await messages(), conversationsKept, 'her partner keeps their conversation');
        for (const module of t.app.modules) await t.app.rebuild(module.name);
        assert.deepEqual(await rowsNaming(t, [memberId, EMAIL], isDeletion), [], 'after a rebuild too');
        assert.equal(await messages(), conversationsKept, 'a rebuild keeps it too');
        const relogin = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: EMAIL, password: DEMO_PASSWORD },
        });
        assert.equal(relogin.statusCode, 401, 'her account is gone');
      } finally {
        await t.close();
      }
    });
  });
}
