// The importer against the API: a generated community imported through the dump must leave
// every module exactly as the same history lived through the API would, on every database.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createHash, pbkdf2Sync } from 'node:crypto';
import bcrypt from 'bcryptjs';
import sharp from 'sharp';
import { sql } from 'kysely';
import { MAIL_OUTBOX, type MailOutbox } from '@meetcute/mail';
import { SESSION_COOKIE, csrfFor, type App, VIEWERS } from '@meetcute/core';
import { codeAt, stepAt, ROLES } from '@meetcute/auth';
import {
  SESSIONS,
  startTestApp,
  testDatabases,
  type SessionOpener,
  type TestApp,
} from '@meetcute/core/testing';
import {
  COMMUNITY_PASSWORD,
  DumpError,
  generateCommunity,
  importDump,
  makePhotoFiles,
  photoFilesDue,
  readDump,
  writeDump,
  type DumpRecord,
  type MemberRecord,
} from '@meetcute/community';
import { testApp } from '../src/testing.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ARGON2 = /\$argon2[^"]*/g;
// Small enough to replay through the API in seconds, long enough for every kind of record.
const COMMUNITY = { members: 24, seed: 1, days: 150 };

let dir: string;
let dump: string;
const records: DumpRecord[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meetcute-import-'));
  dump = join(dir, 'community.ndjson.gz');
  await writeDump(dump, generateCommunity(COMMUNITY));
  for await (const r of readDump(dump)) records.push(r);
});
after(() => rm(dir, { recursive: true, force: true }));

interface LogEvent {
  id: string;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  payload: string;
}

/**
 * The log, less what a moderator does on the new site before reviewing through it: set up
 * an authenticator app (TwoFactorEnabled). No old site's history has that, and an import
 * cannot know of one; imported moderators set it up at their first log-in. Less the
 * log-ins that living the history through the API takes too (SessionStarted): an import
 * brings no sessions.
 */
async function log(app: App): Promise<LogEvent[]> {
  return await app.dispatcher.log.db
    .selectFrom('events')
    .select(['id', 'type', 'occurred_at', 'actor_id', 'payload'])
    .where('type', 'not in', ['TwoFactorEnabled', 'SessionStarted'])
    .orderBy('position')
    .execute();
}

/**
 * Ids made live and ids made by the importer differ by construction, so each is named by
 * where it first appears in the log (the n-th event, the n-th new id in payloads); two
 * logs of the same history then name the same things alike. Password hashes differ by salt.
 */
function namer(events: LogEvent[]): (text: string) => string {
  const names = new Map<string, string>();
  events.forEach((e, k) => names.set(e.id, `event${k}`));
  for (const e of events) {
    for (const id of e.payload.match(UUID) ?? []) if (!names.has(id)) names.set(id, `id${names.size}`);
  }
  // A conversation's id is its two members' ids in order, and ids made live and imported sort
  // differently: named, the pair is put in order again.
  return (text) =>
    text
      .replace(UUID, (id) => names.get(id) ?? `unknown ${id}`)
      .replace(/\b(id\d+):(id\d+)\b/g, (_, a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`))
      .replace(ARGON2, '<argon2 hash>');
}

const SECOND_FACTOR_COLUMNS: Record<string, string> = {
  'auth.accounts': 'two_factor',
  'flags.flags_members': 'second_factor',
};

async function readModels(app: App, name: (text: string) => string): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {};
  for (const module of app.modules) {
    for (const table of module.projections) {
      const db = app.channel(module.name).database.db;
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      // Whether the moderators have set up their app yet is the same story (see log()), in
      // auth's accounts and in what flags knows of members for targeting by role.
      const secondFactor = SECOND_FACTOR_COLUMNS[`${module.name}.${table}`];
      if (secondFactor) for (const row of rows.rows) delete row[secondFactor];
      state[`${module.name}.${table}`] = rows.rows
        .map((r) => name(JSON.stringify(r, Object.keys(r).sort())))
        .sort();
    }
  }
  return state;
}

async function events(app: App): Promise<string[]> {
  const all = await log(app);
  const name = namer(all);
  return all.map((e) => name(JSON.stringify([e.type, e.occurred_at, e.actor_id, JSON.parse(e.payload)])));
}

/** The same history, lived through the JSON API with the clock at each record's time. */
async function replay(t: TestApp): Promise<void> {
  const members = new Map<string, { memberId: string; email: string }>();
  const id = (ref: string) => members.get(ref)!.memberId;
  const photos = new Map<string, string>();
  const messages = new Map<string, string>();
  const sessions = t.app.services.require<SessionOpener>(SESSIONS);
  const viewers = t.app.services.require(VIEWERS);
  const ok = async (
    as: string | undefined,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    upload?: { fields: Record<string, string>; bytes: Buffer },
  ) => {
    // A fresh session each time: the history spans months, longer than a session lives.
    const token = as ? await sessions.open(as) : undefined;
    const headers: Record<string, string> = token ? { cookie: `${SESSION_COOKIE}=${token}` } : {};
    let payload = body as Record<string, unknown> | Buffer | undefined;
    if (upload && token) {
      // A photo travels as a browser sends it: multipart, the CSRF token in its header.
      headers['x-csrf-token'] = csrfFor((await viewers.resolve(token))!.csrfSecret);
      const boundary = 'import-test-boundary';
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      payload = Buffer.concat([
        Buffer.from(
          Object.entries(upload.fields)
            .map(([k, v]) => field(k, v))
            .join(''),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        upload.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    }
    const response = await t.app.http.inject({
      method,
      url,
      headers,
      // A body-less API POST must say it is meant; an empty JSON object does, as a browser's script would.
      ...(payload === undefined ? (method === 'POST' ? { payload: {} } : {}) : { payload }),
    });
    await t.app.processAll();
    assert.ok(
      response.statusCode < 300,
      `${method} ${url} answered ${response.statusCode}: ${response.body}`,
    );
    return response.json<Record<string, string>>();
  };
  for (const r of records) {
    if (r.kind === 'header') continue;
    t.clock.set(r.at);
    switch (r.kind) {
      case 'member': {
        const { kind: _k, id: _i, at: _a, passwordHash: _p, ...application } = r satisfies MemberRecord;
        const body = { ...application, password: COMMUNITY_PASSWORD };
        const { memberId } = await ok(undefined, 'POST', '/api/v1/registrations', body);
        members.set(r.id, { memberId: memberId!, email: r.email });
        break;
      }
      case 'moderator': {
        await t.app.services.require(ROLES).grant(members.get(r.member)!.email, 'moderator');
        await t.app.processAll();
        // A moderator's role holds with a second factor: they set up an app, as the site asks.
        const { secret } = await ok(id(r.member), 'POST', '/api/v1/account/two-factor/setup');
        const code = codeAt(secret!, stepAt(t.clock.now()));
        await ok(id(r.member), 'POST', '/api/v1/account/two-factor', { code });
        break;
      }
      case 'review': {
        const url = `/api/v1/review/registrations/${id(r.member)}/${r.decision === 'approved' ? 'approve' : 'reject'}`;
        await ok(id(r.by!), 'POST', url, r.decision === 'approved' ? undefined : { reason: r.reason });
        break;
      }
      case 'interest':
        await ok(id(r.member), 'POST', '/api/v1/interests', { tag: r.tag });
        break;
      case 'diary':
        await ok(id(r.member), 'POST', '/api/v1/diary', { text: r.text });
        break;
      case 'flirt':
        await ok(id(r.from), 'POST', '/api/v1/flirts', { memberId: id(r.to) });
        break;
      case 'visit':
        await ok(id(r.from), 'GET', `/api/v1/profiles/${id(r.to)}`);
        break;
      case 'favourite':
        await ok(id(r.from), 'POST', '/api/v1/favourites', { memberId: id(r.to) });
        break;
      case 'block':
        await ok(id(r.from), 'POST', '/api/v1/blocks', { memberId: id(r.to) });
        break;
      case 'photo': {
        const fields: Record<string, string> = {
          album: r.album,
          ...(r.portrait ? { portrait: 'true' } : {}),
        };
        const bytes = Buffer.from(r.data!, 'base64');
        const { photoId } = await ok(id(r.member), 'POST', '/api/v1/photos', undefined, { fields, bytes });
        photos.set(r.id, photoId!);
        break;
      }
      case 'photo-review': {
        const url = `/api/v1/review/photos/${photos.get(r.photo)}/${r.decision === 'approved' ? 'approve' : 'reject'}`;
        await ok(id(r.by!), 'POST', url, r.decision === 'approved' ? undefined : { reason: r.reason });
        break;
      }
      case 'photo-like':
        await ok(id(r.from), 'PUT', `/api/v1/photos/${photos.get(r.photo)}/like`);
        break;
      case 'album-unlock':
        await ok(id(r.from), 'PUT', `/api/v1/photos/unlocks/${id(r.to)}`);
        break;
      case 'message':
        await ok(id(r.from), 'POST', `/api/v1/chats/${id(r.to)}/messages`, { body: r.body });
        messages.set(r.id, r.from);
        break;
      case 'conversation-read':
        // The API reads up to the newest message to the reader: the one the dump names.
        await ok(id(r.member), 'POST', `/api/v1/chats/${id(messages.get(r.message)!)}/read`);
        break;
    }
  }
}

async function withApp<T>(dialect: 'sqlite' | 'postgres', work: (t: TestApp) => Promise<T>): Promise<T> {
  const t = await startTestApp(testApp, dialect);
  try {
    return await work(t);
  } finally {
    await t.close();
  }
}

const databases = await testDatabases();
if (databases.skipped) test('import on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`import on ${dialect}`, () => {
    test('a dump imported leaves every module as the same history lived through the API', async () => {
      const kinds = new Set(records.map((r) => r.kind));
      for (const kind of [
        'member',
        'moderator',
        'review',
        'interest',
        'diary',
        'flirt',
        'visit',
        'favourite',
        'block',
        'photo',
        'photo-review',
        'photo-like',
        'album-unlock',
        'message',
        'conversation-read',
      ])
        assert.ok(kinds.has(kind as DumpRecord['kind']), `the community has ${kind} records`);
      // Neither way puts a credential in the log: hashes stay in auth's own table.
      const noCredentials = (all: LogEvent[], how: string) =>
        assert.deepEqual(
          all.filter((e) => /passwordHash|\$argon2|\$2[aby]\$/.test(e.payload)).map((e) => e.type),
          [],
          `no event ${how} carries a password hash`,
        );
      const imported = await withApp(dialect, async (t) => {
        const summary = await importDump(t.app, dump, { batchSize: 100 });
        assert.equal(summary.records, records.length - 1);
        const all = await log(t.app);
        noCredentials(all, 'imported');
        return { events: await events(t.app), models: await readModels(t.app, namer(all)) };
      });
      const lived = await withApp(dialect, async (t) => {
        await replay(t);
        const all = await log(t.app);
        noCredentials(all, 'lived through the API');
        return { events: await events(t.app), models: await readModels(t.app, namer(all)) };
      });
      assert.deepEqual(
        imported.events,
        lived.events,
        'the same events, in the same order, at the same times',
      );
      assert.ok(
        Object.values(lived.models).some((rows) => rows.length >= 50),
        'the history filled the read models',
      );
      assert.deepEqual(imported.models, lived.models);
    });

    test('imported photos are served at once: their files are made when a page first asks, or all by the command', async () => {
      await withApp(dialect, async (t) => {
        await importDump(t.app, dump, { batchSize: 100 });
        const photos = await t.app
          .channel('photos')
          .database.db.selectFrom('photos')
          .select(['photo_id', 'owner_id', 'sizes'])
          .orderBy('photo_id')
          .execute();
        assert.ok(photos.length >= 2, 'the community has photos');
        const sessions = t.app.services.require<SessionOpener>(SESSIONS);
        const fetch = async (photo: (typeof photos)[number], size: 'thumb' | 'profile' | 'full') => {
          // The owner sees their own photo whatever its review: what is checked is the file.
          const token = await sessions.open(photo.owner_id as string);
          return t.app.http.inject({
            method: 'GET',
            url: `/photos/${photo.photo_id as string}/${size}`,
            headers: { cookie: `${SESSION_COOKIE}=${token}` },
          });
        };
        const first = photos[0]!;
        const sizes = JSON.parse(first.sizes as string) as Record<string, { width: number; height: number }>;
        for (const size of ['thumb', 'profile', 'full'] as const) {
          const response = await fetch(first, size);
          assert.equal(
            response.statusCode,
            200,
            `${size}: made when asked for, if the background had not yet`,
          );
          assert.equal(response.headers['content-type'], 'image/webp');
          const meta = await sharp(response.rawPayload).metadata();
          assert.deepEqual({ width: meta.width, height: meta.height }, sizes[size], `${size}: as published`);
          assert.equal(meta.exif, undefined, 'no metadata of the old file');
        }
        await makePhotoFiles(t.app);
        assert.equal(await photoFilesDue(t.app), 0);
        for (const photo of photos) assert.equal((await fetch(photo, 'thumb')).statusCode, 200);
      });
    });

    test('an interrupted import resumes where it stopped, adding nothing twice', async () => {
      const once = await withApp(dialect, async (t) => {
        const summary = await importDump(t.app, dump, { batchSize: 100 });
        return {
          summary,
          events: await events(t.app),
          models: await readModels(t.app, namer(await log(t.app))),
        };
      });
      const resumed = await withApp(dialect, async (t) => {
        // The third batch reaches the log, then the process "dies" before its delivery and checkpoint.
        let batches = 0;
        const processAll = t.app.processAll.bind(t.app);
        t.app.processAll = async () => {
          if (++batches === 3) throw new Error('interrupted');
          return processAll();
        };
        await assert.rejects(importDump(t.app, dump, { batchSize: 100 }), /interrupted/);
        t.app.processAll = processAll;
        const summary = await importDump(t.app, dump, { batchSize: 100 });
        assert.equal(summary.resumedFrom, 200, 'two whole batches were done');
        assert.equal(summary.records, once.summary.records);
        const again = await importDump(t.app, dump);
        assert.equal(again.alreadyImported, true);
        assert.equal(again.events, 0);
        return { events: await events(t.app), models: await readModels(t.app, namer(await log(t.app))) };
      });
      assert.equal(resumed.events.length, once.events.length, 'no event was logged twice');
      assert.deepEqual(resumed.events, once.events);
      assert.deepEqual(resumed.models, once.models);
    });

    test('members from an older site log in with their old passwords, upgraded to argon2id; those without one are mailed a link', async () => {
      const old = 'my old dating password';
      const legacy: Record<string, string> = {
        bcrypt: bcrypt.hashSync(old, 4),
        pbkdf2: `pbkdf2_sha256$1000$pepper$${pbkdf2Sync(old, 'pepper', 1000, 32, 'sha256').toString('base64')}`,
        md5: createHash('md5').update(old).digest('hex'),
        none: '!',
      };
      const members = records.filter((r): r is MemberRecord => r.kind === 'member').slice(0, 4);
      const schemes = Object.keys(legacy);
      const hashOf = new Map(members.map((m, i) => [m.id, legacy[schemes[i]!]!]));
      const path = join(dir, 'legacy.ndjson.gz');
      await writeDump(
        path,
        (async function* () {
          for (const r of records)
            yield r.kind === 'member' && hashOf.has(r.id)
              ? {
                  ...r,
                  passwordHash: hashOf.get(r.id)!,
                  ...(hashOf.get(r.id) === '!' ? { language: 'sv' as const } : {}),
                }
              : r;
        })(),
      );
      await withApp(dialect, async (t) => {
        await importDump(t.app, path, { batchSize: 100 });
        const logIn = (email: string, password: string) =>
          t.app.http.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password } });
        const auth = t.app.channel('auth').database.db;
        for (const [i, member] of members.slice(0, 3).entries()) {
          assert.equal((await logIn(member.email, 'not it at all')).statusCode, 401, schemes[i]);
          assert.equal((await logIn(member.email, old)).statusCode, 200, schemes[i]);
          await t.app.processAll();
          const row = await sql<{
            password_hash: string;
          }>`select password_hash from credentials join accounts using (member_id)
            where email = ${member.email}`.execute(auth);
          assert.match(row.rows[0]!.password_hash, /^\$argon2id\$/, `${schemes[i]} is replaced by argon2id`);
          assert.equal((await logIn(member.email, old)).statusCode, 200, `${schemes[i]} still works after`);
        }

        // The member whose old site kept nothing usable gets a link, in their language, to choose one.
        const stranded = members[3]!;
        assert.equal((await logIn(stranded.email, '!')).statusCode, 401);
        await t.app.services.require<MailOutbox>(MAIL_OUTBOX).flush();
        const mail = await sql<{
          id: string;
          kind: string;
          language: string;
        }>`select id, kind, language from mail_queue where to_address = ${stranded.email}`.execute(
          t.app.channel('mail').database.db,
        );
        assert.deepEqual(
          mail.rows.map((m) => [m.kind, m.language]),
          [['password-setup', 'sv']],
        );
        const kept = JSON.parse(
          await readFile(join(t.app.config.mail.directory, `${mail.rows[0]!.id}.json`), 'utf8'),
        ) as { text: string };
        assert.match(kept.text, /Din gemenskap har flyttat|Ditt gamla lösenord/);
        const token = /\/password\/reset\?token=([\w.-]+)/.exec(kept.text)?.[1] ?? '';
        const set = await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/password-resets/redeem',
          payload: { token, newPassword: 'a password for here' },
        });
        assert.equal(set.statusCode, 204);
        assert.equal((await logIn(stranded.email, 'a password for here')).statusCode, 200);
      });
    });

    test('a malformed line stops the import with an error naming the line', async () => {
      const lines = (await readFile(dump))
        .toString()
        .slice(0, 0)
        .concat(...records.slice(0, 4).map((r) => `${JSON.stringify(r)}\n`));
      const cases: Array<[string, RegExp]> = [
        ['{"kind":"flirt","id":"x"', /line 5: not JSON/],
        ['{"kind":"poke","id":"p1"}', /line 5: unknown kind "poke"/],
        [
          '{"kind":"flirt","id":"f1","at":"2025-07-01T10:00:00.000Z","from":"m1","to":"m999"}',
          /line 5: refers to member "m999"/,
        ],
        ['{"kind":"diary","id":"d1","at":"yesterday","member":"m1","text":"Hi"}', /line 5: \/at/],
      ];
      for (const [bad, message] of cases) {
        const path = join(dir, 'bad.ndjson.gz');
        await writeFile(path, gzipSync(`${lines}${bad}\n`));
        await withApp(dialect, async (t) => {
          await assert.rejects(importDump(t.app, path), (error: unknown) => {
            assert.ok(error instanceof DumpError, String(error));
            assert.match(error.message, message);
            assert.ok(error.message.includes(path), 'the message names the file');
            return true;
          });
        });
      }
    });
  });
}

test('the same seed makes the same community, byte for byte; another seed another one', async () => {
  const again = join(dir, 'again.ndjson.gz');
  await writeDump(again, generateCommunity(COMMUNITY));
  assert.deepEqual(await readFile(again), await readFile(dump));
  const other = join(dir, 'other.ndjson.gz');
  await writeDump(other, generateCommunity({ ...COMMUNITY, seed: COMMUNITY.seed + 1 }));
  assert.notDeepEqual(await readFile(other), await readFile(dump));
});
