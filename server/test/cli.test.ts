// The command line as an operator uses it: a real process, real signals.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';

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
    let address = '';
    while (!address) {
      await once(p.child.stdout, 'data');
      address = /serving on (http:\/\/\S+?)"/.exec(p.out())?.[1] ?? '';
    }
    const beat = await fetch(`${address.replace('localhost', '127.0.0.1')}/heartbeat`);
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
