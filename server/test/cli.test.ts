// The command line as an operator uses it: a real process, real signals.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { createLogger, readConfig } from '@meetcute/core';
import { buildApp } from '../src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, out: () => stdout, err: () => stderr };
}

async function finished(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const p = run(args, env);
  const [code] = (await once(p.child, 'exit')) as [number];
  return { code, out: p.out(), err: p.err() };
}

/** The address a started `serve` says it serves on, once it says so (at 127.0.0.1). */
async function servingAt(p: ReturnType<typeof run>): Promise<string> {
  for (;;) {
    const address = /serving on (http:\/\/\S+?)"/.exec(p.out())?.[1];
    if (address) return address.replace('localhost', '127.0.0.1');
    await once(p.child.stdout, 'data');
  }
}

test('a bad setting stops the start with a message naming it', async () => {
  const p = run(['serve'], { MEETCUTE_PORT: 'eighty' });
  const [code] = (await once(p.child, 'exit')) as [number];
  assert.equal(code, 1);
  assert.match(p.err(), /MEETCUTE_PORT=eighty must be a whole number/);
});

test('the server serves, and on SIGTERM drains and exits cleanly', async () => {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-cli-'));
  try {
    const p = run(['serve'], { MEETCUTE_PORT: '0', MEETCUTE_DATABASE_URL: `sqlite:${data}` });
    const beat = await fetch(`${await servingAt(p)}/heartbeat`);
    assert.equal(beat.status, 200);
    p.child.kill('SIGTERM');
    const [code] = (await once(p.child, 'exit')) as [number];
    assert.equal(code, 0, p.err());
    assert.match(p.out(), /shutting down/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('granting the moderator role to an unknown email says so', async () => {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-cli-'));
  try {
    const p = run(['grant-moderator', 'nobody@example.com'], {
      MEETCUTE_DATABASE_URL: `sqlite:${data}`,
      MEETCUTE_LOG_LEVEL: 'silent',
    });
    const [code] = (await once(p.child, 'exit')) as [number];
    assert.equal(code, 1);
    assert.match(p.err(), /No account has the email nobody@example.com/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('grant-operator gives an account the operator role, held back until it has a second factor; revoke-operator takes only a granted one', async () => {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-cli-'));
  const env = { MEETCUTE_DATABASE_URL: `sqlite:${data}`, MEETCUTE_LOG_LEVEL: 'silent' };
  const open = () => buildApp(readConfig(env), { logger: createLogger('silent') });
  const logIn = (app: Awaited<ReturnType<typeof open>>) =>
    app.http.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'olle@example.com', password: 'correct horse battery' },
    });
  try {
    const app = await open();
    const signUp = await app.http.inject({
      method: 'POST',
      url: '/api/v1/registrations',
      payload: {
        email: 'olle@example.com',
        password: 'correct horse battery',
        nickname: 'Olle',
        gender: 'man',
        birthday: '1980-01-01',
        cityId: 2673730, // Stockholm
        lookingFor: { genders: ['woman'], minAge: 30, maxAge: 50, maxDistanceKm: 100 },
        aboutMe: 'I run this site.',
      },
    });
    assert.equal(signUp.statusCode, 201, signUp.body);
    await app.processAll();
    const before = (await logIn(app)).json<{ roles: string[]; heldBack?: unknown }>();
    assert.deepEqual([before.roles, before.heldBack], [[], undefined]);
    await app.close();

    const command = async (args: string[], settings: Record<string, string> = env) => {
      const { code, out, err } = await finished(args, { ...settings, MEETCUTE_LOG_LEVEL: 'info' });
      return { code, said: out + err };
    };
    const heldRoles = async () => {
      const app = await open();
      try {
        return (await logIn(app)).json<{ heldBack?: { roles: string[] } }>().heldBack?.roles ?? [];
      } finally {
        await app.close();
      }
    };

    const granted = await command(['grant-operator', 'Olle@Example.com']);
    assert.equal(granted.code, 0, granted.said);
    assert.match(granted.said, /olle@example.com is now an operator/i);
    assert.deepEqual(await heldRoles(), ['operator']);

    const revoked = await command(['revoke-operator', 'olle@example.com']);
    assert.equal(revoked.code, 0, revoked.said);
    assert.match(revoked.said, /is no longer an operator/);
    assert.deepEqual(await heldRoles(), []);

    // Listed by the configuration, the role is not the command's to take.
    const listed = await command(['revoke-operator', 'olle@example.com'], {
      ...env,
      MEETCUTE_OPERATORS: 'olle@example.com',
    });
    assert.equal(listed.code, 1);
    assert.match(listed.said, /is an operator by MEETCUTE_OPERATORS/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('a rebuild that meets an event it cannot apply exits 1 naming it, and parked lists what a module set aside', async () => {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-cli-'));
  const env = { MEETCUTE_DATABASE_URL: `sqlite:${data}`, MEETCUTE_LOG_LEVEL: 'silent' };
  try {
    // A flirt whose payload breaks its schema, as a faulty old version or a bad import could leave.
    const app = await buildApp(readConfig(env), { logger: createLogger('silent') });
    const poison = '00000000-0000-7000-8000-0000000bad01';
    await app.dispatcher.append(
      [
        {
          id: poison,
          type: 'FlirtSent',
          version: 1,
          occurredAt: new Date().toISOString(),
          actorId: null,
          traceparent: null,
          payload: { senderId: 42 },
        },
      ],
      'flirt',
    );
    await app.processAll();
    await app.close();

    const parked = run(['parked'], env);
    await once(parked.child, 'exit');
    assert.match(parked.out(), new RegExp(`alerts\\t.*\\tFlirtSent\\t${poison}`));

    const rebuild = run(['rebuild', 'alerts'], env);
    const [code] = (await once(rebuild.child, 'exit')) as [number];
    assert.equal(code, 1);
    assert.match(rebuild.err(), new RegExp(`Rebuilding alerts stopped at event ${poison} \\(FlirtSent`));
    assert.match(rebuild.err(), /tables are as they were/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('the operator builds a ghost of profile beside a serving site, switches to it, and the site shows the switched tables', async () => {
  const data = mkdtempSync(join(tmpdir(), 'meetcute-ghost-'));
  const env = { MEETCUTE_DATABASE_URL: `sqlite:${data}`, MEETCUTE_LOG_LEVEL: 'silent' };
  let server: ReturnType<typeof run> | undefined;
  try {
    const seeding = await buildApp(readConfig(env));
    await seedDemo(seeding, () => undefined);
    await seeding.close();
    // Nancy's about-me changed in the live table behind the projection's back, before the site starts.
    const file = new DatabaseSync(join(data, 'profile.sqlite'));
    file.exec("update profiles set about_me = 'Changed behind its back' where nickname = 'Nancy'");
    file.close();
    server = run(['serve'], { ...env, MEETCUTE_PORT: '0', MEETCUTE_LOG_LEVEL: 'info' });
    const address = await servingAt(server);
    const login = await fetch(`${address}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nancy@example.com', password: DEMO_PASSWORD }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const aboutMe = async () => {
      const answer = await fetch(`${address}/api/v1/profiles/me`, { headers: { cookie } });
      assert.equal(answer.status, 200);
      return ((await answer.json()) as { aboutMe: string }).aboutMe;
    };
    assert.equal(await aboutMe(), 'Changed behind its back');

    const built = await finished(['rebuild', 'profile', '--ghost'], env);
    assert.equal(built.code, 0, built.err);
    assert.match(built.err, /ghost profile: position (\d+) \/ \1, \d+ events, \d+ events\/s/);
    assert.match(
      built.out,
      /profiles: \d+ rows live, \d+ in the ghost; 0 only live, 0 only in the ghost, 1 differing/,
    );
    assert.match(built.out, /blocked_pairs: \d+ rows live, \d+ in the ghost, no differences/);
    const again = await finished(['rebuild', 'profile', '--ghost'], env);
    assert.equal(again.code, 1);
    assert.match(again.err, /A ghost of profile is there already/);

    const switched = await finished(['rebuild', 'profile', '--switch'], env);
    assert.equal(switched.code, 0, switched.err);
    assert.match(switched.out, /Switched profile to its ghost at log position \d+/);
    // The serving node reads its views again once it sees the switch.
    // It looks every second; asked every 100 ms, it must show the log's about-me within 15 s.
    const until = Date.now() + 15_000;
    let now = await aboutMe();
    while (now === 'Changed behind its back' && Date.now() < until) {
      await setTimeout(100);
      now = await aboutMe();
    }
    assert.match(now, /Sailing, jazz/);

    const dropped = await finished(['rebuild', 'profile', '--drop-ghost'], env);
    assert.equal(dropped.code, 0, dropped.err);
    assert.match(dropped.out, /Removed the tables its last switch replaced of profile/);
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    rmSync(data, { recursive: true, force: true });
  }
});
