// A message is acknowledged only once committed: a real server process gets 250 sends
// at once and is killed with SIGKILL the moment the 200th acknowledgement arrives,
// while the rest are still in flight. After a restart on the same data every
// acknowledged message is there, once, in one gap-free conversation order. What is kept
// in memory and written behind (the live mailbox, the unread counters) is derived from
// what was committed: the counter equals the messages, and a page that resumes from the
// last notification it heard before the kill gets only newer ones.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import WebSocket from 'ws';
import { testDatabases } from '@meetcute/core/testing';
import { codeAt, stepAt } from '@meetcute/auth';

const MAIN = join(import.meta.dirname, '..', '..', '..', 'server', 'src', 'main.ts');
const PASSWORD = 'correct horse battery';
const STOCKHOLM = 2673730;
const SENDS = 250;
const KILL_AT = 200;

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
      // A stream far faster than a person types: the brake on chat is not what this tests.
      MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '100000',
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

async function signUp(url: string, email: string, nickname: string, gender: string, wants: string) {
  const response = await fetch(`${url}/api/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: PASSWORD,
      nickname,
      gender,
      birthday: '1992-02-02',
      cityId: STOCKHOLM,
      lookingFor: { genders: [wants], minAge: 25, maxAge: 45, maxDistanceKm: 100 },
      aboutMe: `I am ${nickname}.`,
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { memberId } = (await response.json()) as { memberId: string };
  return { memberId, cookie: cookieOf(response) };
}

async function logIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return cookieOf(response);
}

/** Sets up two-factor authentication as an app would, typing the code for the key. */
async function secondFactor(url: string, cookie: string): Promise<void> {
  const post = (path: string, body: object) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  const setUp = await post('/api/v1/account/two-factor/setup', {});
  assert.equal(setUp.status, 201, await setUp.clone().text());
  const { secret } = (await setUp.json()) as { secret: string };
  const on = await post('/api/v1/account/two-factor', { code: codeAt(secret, stepAt(new Date())) });
  assert.equal(on.status, 201, await on.clone().text());
}

/** Every message of the conversation as the recipient sees it, oldest first, all pages. */
async function wholeConversation(url: string, cookie: string, otherId: string) {
  const all: Array<{ messageId: string; seq: number; body: string }> = [];
  let before: number | null | undefined;
  do {
    const response = await fetch(
      `${url}/api/v1/chats/${otherId}/messages${before ? `?before=${before}` : ''}`,
      { headers: { cookie } },
    );
    assert.equal(response.status, 200);
    const page = (await response.json()) as { messages: typeof all; olderBefore: number | null };
    all.unshift(...page.messages);
    before = page.olderBefore;
  } while (before);
  return all;
}

/** Where the server keeps its data, for one database kind; cleaned up after. */
async function place(dialect: 'sqlite' | 'postgres', postgresUrl: string) {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'meetcute-chat-kill-'));
    return {
      url: `sqlite:${directory}`,
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `meetcute_chat_kill_${process.pid}`;
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

const databases = await testDatabases();
if (databases.skipped) test('chat kill test on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`chat durability on ${dialect}`, () => {
    test('no acknowledged message is lost when the server is killed mid-stream', async () => {
      const data = await place(dialect, databases.postgresUrl);
      let server: Server | undefined;
      try {
        server = await serve(data.url);
        const { url } = server;
        const mo = await signUp(url, 'mo@example.com', 'Mo', 'nonbinary', 'woman');
        const nancy = await signUp(url, 'nancy@example.com', 'Nancy', 'woman', 'man');
        const bob = await signUp(url, 'bob@example.com', 'Bob', 'man', 'woman');
        // Auth learns of a new account from the event log, a moment after the 201: wait until
        // Mo's sign-up session knows her moderator role, as her page would after a reload.
        for (let known = false, tries = 0; !known; tries++) {
          assert.ok(tries < 10_000, 'Mo never became a moderator');
          const current = await fetch(`${url}/api/v1/sessions/current`, { headers: { cookie: mo.cookie } });
          known =
            ((await current.json()) as { heldBack?: { roles: string[] } }).heldBack?.roles.includes(
              'moderator',
            ) === true;
        }
        // The role holds with a second factor: Mo sets up an authenticator app.
        await secondFactor(url, mo.cookie);
        for (const who of [nancy, bob]) {
          const approved = await fetch(`${url}/api/v1/review/registrations/${who.memberId}/approve`, {
            method: 'POST',
            headers: { cookie: mo.cookie, 'content-type': 'application/json' },
            body: '{}',
          });
          assert.equal(approved.status, 200, await approved.text());
        }
        // Their sign-up sessions, rather than log-ins a moment after the 201 (see above).
        const nancyCookie = nancy.cookie;
        // Approval reaches the profile module through the event log, a moment after the 200:
        // wait until Nancy can see Bob, as a member would by reloading.
        for (let seen = 404, tries = 0; seen !== 200; tries++) {
          assert.ok(tries < 10_000, `Bob never became visible to Nancy (last answer ${seen})`);
          const probe = await fetch(`${url}/api/v1/chats/${bob.memberId}/messages`, {
            headers: { cookie: nancyCookie },
          });
          await probe.body?.cancel();
          seen = probe.status;
        }

        // Bob's page is open through it all; it remembers the last notification it heard.
        let heardUpTo = 0;
        const bobPage = new WebSocket(`${url.replace('http', 'ws')}/live/ws`, {
          headers: { cookie: bob.cookie },
        });
        bobPage.on('message', (data: Buffer) => {
          heardUpTo = Math.max(heardUpTo, (JSON.parse(data.toString()) as { id: number }).id);
        });
        bobPage.on('error', () => undefined);
        await once(bobPage, 'open');

        const acknowledged: string[] = [];
        const refused: string[] = [];
        const running = server;
        let killed = false;
        const sends = Array.from({ length: SENDS }, (_, i) =>
          fetch(`${url}/api/v1/chats/${bob.memberId}/messages`, {
            method: 'POST',
            headers: { cookie: nancyCookie, 'content-type': 'application/json' },
            body: JSON.stringify({ body: `Message ${i}` }),
          }).then(
            async (response) => {
              if (response.status !== 201) {
                refused.push(`${response.status} ${await response.text()}`);
                return;
              }
              const { messageId } = (await response.json()) as { messageId: string };
              if (killed) return;
              acknowledged.push(messageId);
              if (acknowledged.length === KILL_AT) {
                killed = true;
                running.child.kill('SIGKILL');
              }
            },
            () => undefined, // in flight when the process died: never acknowledged
          ),
        );
        await Promise.all(sends);
        if (!killed) running.child.kill('SIGKILL');
        await running.exited;
        assert.deepEqual(refused.slice(0, 3), [], 'every send before the kill is acknowledged');
        assert.equal(running.child.signalCode, 'SIGKILL');
        assert.equal(acknowledged.length, KILL_AT);

        assert.ok(heardUpTo > 0, 'Bob’s page heard the messages live');

        server = await serve(data.url);
        const bobCookie = await logIn(server.url, 'bob@example.com');
        const stored = await wholeConversation(server.url, bobCookie, nancy.memberId);
        const ids = new Set(stored.map((m) => m.messageId));
        const lost = acknowledged.filter((id) => !ids.has(id));
        assert.deepEqual(lost, [], `${lost.length} acknowledged messages were lost`);
        assert.equal(ids.size, stored.length, 'no message is stored twice');
        assert.deepEqual(
          stored.map((m) => m.seq),
          stored.map((_, i) => i + 1),
          'the conversation order has no gaps',
        );

        // The unread counter, kept in memory, is counted from what was committed.
        const nav = (await (
          await fetch(`${server.url}/api/v1/nav`, { headers: { cookie: bobCookie } })
        ).json()) as {
          counters: Array<{ name: string; count: number }>;
        };
        assert.equal(nav.counters.find((c) => c.name === 'chats')?.count, stored.length);

        // Bob's page comes back from where it was: nothing it heard is told again, and ids kept rising.
        const again = new WebSocket(`${server.url.replace('http', 'ws')}/live/ws?after=${heardUpTo}`, {
          headers: { cookie: bobCookie },
        });
        const heard: Array<{ id: number; type: string; data: { body?: string } }> = [];
        again.on('message', (data: Buffer) =>
          heard.push(JSON.parse(data.toString()) as (typeof heard)[number]),
        );
        await once(again, 'open');
        const after = await fetch(`${server.url}/api/v1/chats/${bob.memberId}/messages`, {
          method: 'POST',
          headers: {
            cookie: await logIn(server.url, 'nancy@example.com'),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ body: 'After the restart' }),
        });
        assert.equal(after.status, 201);
        while (!heard.some((n) => n.data.body === 'After the restart')) await once(again, 'message');
        again.close();
        assert.deepEqual(
          heard.filter((n) => n.id <= heardUpTo),
          [],
          'a resumed page is told nothing it had heard',
        );
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
