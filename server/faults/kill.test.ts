// kill -9 in the middle of mixed writes: a real server process takes favourites,
// flirts, messages, blocks and unblocks from several members at once and is killed
// while they are in flight. After a restart every acknowledged write is there once,
// and every module's read model (and every in-memory view) equals its rebuild from the
// event log: nothing acknowledged lost, nothing applied twice.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createLogger, readConfig, type App } from '@meetcute/core';
import { testDatabases } from '@meetcute/core/testing';
import { codeAt, stepAt } from '@meetcute/auth';
import { buildApp } from '../src/app.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');
const PASSWORD = 'correct horse battery';
const STOCKHOLM = 2673730;
const PEOPLE = ['ann', 'ben', 'cat', 'dan', 'eli', 'fay'];
const WRITES = 300;
const KILL_AT = 150;

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

async function serve(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      MEETCUTE_PORT: '0',
      MEETCUTE_DATABASE_URL: databaseUrl,
      MEETCUTE_MODERATORS: 'mo@example.com',
      MEETCUTE_LOGIN_LIMIT_PER_IP: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /serving on (http:\/\/\S+?)"/.exec(out)?.[1];
      if (found) resolve(found.replace('localhost', '127.0.0.1'));
    });
    void exited.then(() => reject(new Error(`the server stopped before serving: ${err}`)));
  });
  return { child, url, exited };
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function post(url: string, path: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function signUp(url: string, name: string): Promise<{ memberId: string; cookie: string }> {
  const response = await post(url, '/api/v1/registrations', '', {
    email: `${name}@example.com`,
    password: PASSWORD,
    nickname: name[0]!.toUpperCase() + name.slice(1),
    gender: PEOPLE.indexOf(name) % 2 === 0 ? 'woman' : 'man',
    birthday: '1990-05-05',
    cityId: STOCKHOLM,
    lookingFor: { genders: ['woman', 'man'], minAge: 18, maxAge: 99, maxDistanceKm: 500 },
    aboutMe: `I am ${name}.`,
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { memberId } = (await response.json()) as { memberId: string };
  return { memberId, cookie: cookieOf(response) };
}

/**
 * Auth learns of an approval (and of the account before it) through the log, a moment
 * after the moderator's 200; logging in before that would be refused as an unknown account.
 */
async function approvalKnown(url: string, cookie: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    const current = await fetch(`${url}/api/v1/sessions/current`, { headers: { cookie } });
    if (((await current.json()) as { status?: string }).status === 'approved') return;
    assert.ok(tries < 10_000, 'auth never heard of the approval');
  }
}

async function logIn(url: string, email: string): Promise<string> {
  const response = await post(url, '/api/v1/sessions', '', { email, password: PASSWORD });
  assert.equal(response.status, 200, await response.clone().text());
  return cookieOf(response);
}

/**
 * Mo's moderator role holds with a second factor: once auth knows Mo's account (a moment
 * after the sign-up's 201), Mo sets up an authenticator app, typing the code for its key.
 */
async function secondFactor(url: string, cookie: string): Promise<void> {
  for (let known = false, tries = 0; !known; tries++) {
    assert.ok(tries < 10_000, 'Mo never became a moderator');
    const current = await fetch(`${url}/api/v1/sessions/current`, { headers: { cookie } });
    known =
      ((await current.json()) as { heldBack?: { roles: string[] } }).heldBack?.roles.includes('moderator') ===
      true;
  }
  const setUp = await post(url, '/api/v1/account/two-factor/setup', cookie, {});
  assert.equal(setUp.status, 201, await setUp.clone().text());
  const { secret } = (await setUp.json()) as { secret: string };
  const on = await post(url, '/api/v1/account/two-factor', cookie, {
    code: codeAt(secret, stepAt(new Date())),
  });
  assert.equal(on.status, 201, await on.clone().text());
}

async function place(dialect: 'sqlite' | 'postgres', postgresUrl: string) {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'meetcute-kill-mixed-'));
    return {
      url: `sqlite:${directory}`,
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `meetcute_kill_mixed_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Every module's read model, rows in a stable order. */
async function snapshot(app: App): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {};
  for (const module of app.modules) {
    for (const table of module.projections) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
        app.channel(module.name).database.db,
      );
      state[`${module.name}.${table}`] = rows.rows
        .map((r) => JSON.stringify(r, Object.keys(r).sort()))
        .sort();
    }
  }
  return state;
}

interface Acknowledged {
  favourites: Array<[string, string]>;
  messages: string[];
}

const databases = await testDatabases();
if (databases.skipped)
  test('kill -9 under mixed writes on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`kill -9 under mixed writes on ${dialect}`, () => {
    test('after a restart every acknowledged write is there once, and every read model equals its rebuild', async () => {
      const data = await place(dialect, databases.postgresUrl);
      let server: Server | undefined;
      try {
        server = await serve(data.url);
        const { url } = server;
        const mo = (await signUp(url, 'mo')).cookie;
        const members: Array<{ name: string; memberId: string; cookie: string }> = [];
        for (const name of PEOPLE) members.push({ name, ...(await signUp(url, name)) });
        await secondFactor(url, mo);
        for (const m of members) {
          const approved = await post(url, `/api/v1/review/registrations/${m.memberId}/approve`, mo, {});
          assert.equal(approved.status, 200, await approved.text());
        }
        const cookies = new Map<string, string>();
        for (const m of members) {
          await approvalKnown(url, m.cookie);
          cookies.set(m.memberId, await logIn(url, `${m.name}@example.com`));
        }
        // Approvals reach the profiles through the log, a moment after the 200: wait until all can chat.
        for (let tries = 0; ; tries++) {
          const probe = await fetch(`${url}/api/v1/chats/${members[1]!.memberId}/messages`, {
            headers: { cookie: cookies.get(members[0]!.memberId)! },
          });
          await probe.body?.cancel();
          if (probe.status === 200) break;
          assert.ok(tries < 10_000, 'the members never became visible to each other');
        }

        const acknowledged: Acknowledged = { favourites: [], messages: [] };
        const running = server;
        let done = 0;
        let killed = false;
        let seed = 5;
        const next = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return Math.floor((seed / 2 ** 31) * n);
        };
        const writes = Array.from({ length: WRITES }, (_, i) => {
          const from = members[next(members.length)]!;
          const others = members.filter((m) => m !== from);
          const to = others[next(others.length)]!;
          const cookie = cookies.get(from.memberId)!;
          const pick = next(10);
          const request =
            pick < 5
              ? post(url, `/api/v1/chats/${to.memberId}/messages`, cookie, { body: `w${i}` })
              : pick < 7
                ? post(url, '/api/v1/favourites', cookie, { memberId: to.memberId })
                : pick < 9
                  ? post(url, '/api/v1/flirts', cookie, { memberId: to.memberId })
                  : post(url, '/api/v1/blocks', cookie, { memberId: to.memberId });
          return request.then(
            async (response) => {
              const body = (await response.json().catch(() => ({}))) as { messageId?: string };
              if (killed || response.status >= 300) return;
              assert.ok(response.status < 500, `no 5xx before the kill: ${response.status}`);
              if (pick < 5 && body.messageId) acknowledged.messages.push(body.messageId);
              if (pick >= 5 && pick < 7) acknowledged.favourites.push([from.memberId, to.memberId]);
              if (++done === KILL_AT) {
                killed = true;
                running.child.kill('SIGKILL');
              }
            },
            () => undefined, // in flight when the process died: never acknowledged
          );
        });
        await Promise.all(writes);
        if (!killed) running.child.kill('SIGKILL');
        await running.exited;
        assert.equal(running.child.signalCode, 'SIGKILL');
        assert.ok(
          acknowledged.messages.length > 0 && acknowledged.favourites.length > 0,
          'both kinds were acknowledged',
        );

        // Restarted: the server catches up from its outboxes and the log, then stops cleanly.
        server = await serve(data.url);
        server.child.kill('SIGTERM');
        await server.exited;
        server = undefined;

        const app = await buildApp(
          readConfig({
            MEETCUTE_DATABASE_URL: data.url,
            MEETCUTE_LOG_LEVEL: 'silent',
            MEETCUTE_PHOTO_DIRECTORY: join(tmpdir(), 'meetcute-kill-photos'),
          }),
          { logger: createLogger('silent') },
        );
        try {
          await app.processAll();
          const log = app.dispatcher.log.db;
          const sent = (
            await log.selectFrom('events').select('payload').where('type', '=', 'MessageSent').execute()
          ).map((r) => (JSON.parse(r.payload as string) as { messageId: string }).messageId);
          const lost = acknowledged.messages.filter((id) => !sent.includes(id));
          assert.deepEqual(lost, [], 'every acknowledged message is in the log');
          assert.equal(new Set(sent).size, sent.length, 'no message is in the log twice');
          const added = (
            await log.selectFrom('events').select('payload').where('type', '=', 'FavouriteAdded').execute()
          ).map((r) => JSON.parse(r.payload as string) as { memberId: string; favouriteId: string });
          for (const [member, favourite] of acknowledged.favourites) {
            assert.ok(
              added.some((a) => a.memberId === member && a.favouriteId === favourite),
              'every acknowledged favourite is in the log',
            );
          }
          const pairs = added.map((a) => `${a.memberId}>${a.favouriteId}`);
          assert.equal(new Set(pairs).size, pairs.length, 'no favourite was added twice');

          const live = await snapshot(app);
          for (const module of app.modules) await app.rebuild(module.name);
          assert.deepEqual(await snapshot(app), live, 'every read model equals its rebuild');
          for (const { module, view } of app.views)
            assert.deepEqual(await view.audit(), [], `${module}.${view.name}`);
        } finally {
          await app.close();
        }
      } finally {
        if (server && server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGTERM');
          await server.exited;
        }
        await data.drop();
      }
    });
  });
}
