// When the database goes away the site says so and comes back by itself: PostgreSQL
// cut off or stalled (through a TCP proxy this test owns, never by touching the shared
// server), and SQLite on a disk that fills up. Requests answer 503 problem+json instead
// of hanging or failing with a 500, /ready fails with the cause, the process lives, the
// cause is logged once per interval, and nothing acknowledged before is lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { createLogger, openStorage, readConfig, SESSIONS, type App, type Sessions } from '@meetcute/core';
import { testDatabases } from '@meetcute/core/testing';
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { buildApp } from '../src/app.ts';
import { TcpProxy as Proxy } from './tcp-proxy.ts';

/** Log lines the app writes, kept to count how often a cause was told. */
function capturedLog(): {
  logger: ReturnType<typeof createLogger>;
  lines: () => Array<Record<string, unknown>>;
} {
  const kept: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      kept.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger('error', stream),
    lines: () => kept.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

interface Site {
  app: App;
  base: string;
  cookie: (memberId: string) => Promise<string>;
}

async function serve(app: App): Promise<Site> {
  const base = (await app.listen()).replace('localhost', '127.0.0.1');
  await app.dispatcher.appendAll(
    [...approved(nancy), ...approved(bob), ...approved(eve)].map((g, i) => ({
      module: g.event.module,
      event: {
        id: `00000000-0000-7000-8000-0000000009${String(i).padStart(2, '0')}`,
        type: g.event.type,
        version: g.event.version,
        occurredAt: new Date(Date.now() - 60_000 + i).toISOString(),
        actorId: null,
        traceparent: null,
        payload: g.payload,
      },
    })),
  );
  await app.processAll();
  const sessions = app.services.require<Sessions>(SESSIONS);
  const cookies = new Map<string, string>();
  return {
    app,
    base,
    async cookie(memberId) {
      let cookie = cookies.get(memberId);
      if (!cookie) {
        cookie = `mc_session=${await sessions.open(memberId)}`;
        cookies.set(memberId, cookie);
      }
      return cookie;
    },
  };
}

/** A request that must be answered: one that hangs past the bound fails the test. */
async function ask(site: Site, as: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${site.base}${path}`, {
    method,
    headers: {
      cookie: await site.cookie(as),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

const favourite = (site: Site, who: string, whom: string) =>
  ask(site, who, 'POST', '/api/v1/favourites', { memberId: whom });

async function favourites(site: Site, who: string): Promise<string[]> {
  const r = await ask(site, who, 'GET', '/api/v1/favourites');
  assert.equal(r.status, 200, r.text);
  return (JSON.parse(r.text) as { favourites: Array<{ member: { memberId: string } }> }).favourites
    .map((f) => f.member.memberId)
    .sort();
}

/** Asks until the site takes writes again; bounded, so a site that never recovers fails. */
async function untilWritesWork(site: Site, write: () => Promise<{ status: number; text: string }>) {
  for (let attempt = 0; ; attempt++) {
    const r = await write();
    if (r.status < 500) return r;
    assert.ok(attempt < 200, `the site never took writes again: ${r.status} ${r.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const databases = await testDatabases();
if (databases.skipped) test('database faults on PostgreSQL', { skip: databases.skipped }, () => undefined);

describe('PostgreSQL cut off and stalled', { skip: !databases.dialects.includes('postgres') }, () => {
  const direct = new URL(databases.postgresUrl);
  const proxy = new Proxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const prefix = `faults_${process.pid}_`;
  let site: Site;
  let log: ReturnType<typeof capturedLog>;

  after(async () => {
    proxy.restore();
    await site?.app.close().catch(() => undefined);
    await proxy.close();
    // Dropped through the direct address: the schemas this test made.
    await openStorage({ kind: 'postgres', url: databases.postgresUrl, schemaPrefix: prefix }).destroy();
  });

  test('a cut answers 503 at once, /ready fails, and everything comes back', async () => {
    await proxy.listen();
    const url = new URL(databases.postgresUrl);
    url.port = String(proxy.port);
    log = capturedLog();
    const storage = openStorage({ kind: 'postgres', url: url.toString(), schemaPrefix: prefix });
    site = await serve(
      await buildApp(readConfig({ MEETCUTE_PORT: '0', MEETCUTE_LOG_LEVEL: 'error' }), {
        storage,
        logger: log.logger,
      }),
    );
    assert.equal((await favourite(site, nancy.memberId, bob.memberId)).status, 201);

    proxy.cut();
    for (let i = 0; i < 5; i++) {
      const refused = await favourite(site, nancy.memberId, eve.memberId);
      assert.equal(refused.status, 503, refused.text);
      assert.match(refused.type, /application\/problem\+json/);
      assert.match(refused.text, /database unreachable/);
    }
    const ready = await fetch(`${site.base}/ready`, { signal: AbortSignal.timeout(20_000) });
    assert.equal(ready.status, 503);
    assert.match(await ready.text(), /database unreachable/);
    const told = log.lines().filter((l) => /cannot take writes/.test(String(l.msg)));
    assert.ok(
      told.length >= 1 && told.length <= 2,
      `the cause is logged once, not per request (${told.length})`,
    );

    proxy.restore();
    await untilWritesWork(site, () => favourite(site, nancy.memberId, eve.memberId));
    assert.deepEqual(await favourites(site, nancy.memberId), [bob.memberId, eve.memberId].sort());
    assert.equal((await fetch(`${site.base}/ready`)).status, 200);
  });

  test('a stall answers 503 instead of hanging, and everything comes back', async () => {
    await untilWritesWork(site, () =>
      ask(site, bob.memberId, 'POST', '/api/v1/favourites', { memberId: nancy.memberId }),
    );
    proxy.stall();
    const stalled = await ask(site, bob.memberId, 'POST', '/api/v1/favourites', { memberId: eve.memberId });
    assert.equal(stalled.status, 503, stalled.text);
    proxy.restore();
    await untilWritesWork(site, () =>
      ask(site, bob.memberId, 'POST', '/api/v1/favourites', { memberId: eve.memberId }),
    );
    assert.deepEqual(await favourites(site, bob.memberId), [nancy.memberId, eve.memberId].sort());
  });
});

/** A small filesystem of our own, so filling it harms nothing else; needs root (CI here is root). */
function smallDisk(megabytes: number): { path: string; release: () => void } | null {
  const path = mkdtempSync(join(tmpdir(), 'meetcute-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path], { stdio: 'ignore' });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return null;
  }
  return {
    path,
    release: () => {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

const disk = smallDisk(24);
describe(
  'SQLite on a disk that fills up',
  {
    skip: disk
      ? false
      : 'mounting a small tmpfs needs root: run the fault suite as root to include this case',
  },
  () => {
    test('writes answer 503 with the cause, reads go on, and everything comes back when space returns', async () => {
      const data = join(disk!.path, 'data');
      mkdirSync(data);
      const log = capturedLog();
      const site = await serve(
        await buildApp(
          readConfig({
            MEETCUTE_PORT: '0',
            MEETCUTE_LOG_LEVEL: 'error',
            MEETCUTE_DATABASE_URL: `sqlite:${data}`,
          }),
          { logger: log.logger },
        ),
      );
      const filler = join(disk!.path, 'filler');
      try {
        assert.equal((await favourite(site, nancy.memberId, bob.memberId)).status, 201);
        // Fill what is left, a megabyte at a time, until the disk says no.
        const fd = openSync(filler, 'w');
        const block = Buffer.alloc(1024 * 1024, 1);
        try {
          for (;;) writeSync(fd, block);
        } catch {
          // ENOSPC: full.
        } finally {
          closeSync(fd);
        }
        // A write that fits in space a database's files already have still succeeds (the
        // checkpoint thread starts write-ahead logs over, so they reuse their files): Nancy
        // adds and removes Eve, each time a real write, until one needs space the disk has
        // not; while that write is refused, /ready says why.
        let eveIsFavourite = false;
        let refusals = 0;
        let readyWhileRefused: { status: number; text: string } | null = null;
        for (let i = 0; i < 1000 && !readyWhileRefused; i++) {
          const r: { status: number; text: string } = eveIsFavourite
            ? await ask(site, nancy.memberId, 'DELETE', `/api/v1/favourites/${eve.memberId}`)
            : await favourite(site, nancy.memberId, eve.memberId);
          if (r.status === 503) {
            refusals++;
            assert.match(r.text, /disk full/);
            const ready = await fetch(`${site.base}/ready`);
            if (ready.status === 503) readyWhileRefused = { status: ready.status, text: await ready.text() };
            else await ready.body?.cancel();
            continue;
          }
          assert.equal(r.status, eveIsFavourite ? 204 : 201, `a write on a full disk: ${r.status} ${r.text}`);
          eveIsFavourite = !eveIsFavourite;
        }
        assert.ok(refusals > 0, 'writes were refused while the disk was full');
        assert.ok(readyWhileRefused, '/ready said the database cannot take writes');
        assert.match(readyWhileRefused.text, /disk full/);
        assert.deepEqual(
          await favourites(site, nancy.memberId),
          (eveIsFavourite ? [bob.memberId, eve.memberId] : [bob.memberId]).sort(),
          'reads go on, and show every write that was acknowledged',
        );
        const lines = log.lines();
        assert.ok(
          !lines.some((l) => /no transaction is active/.test(JSON.stringify(l))),
          'the real cause is told',
        );
        assert.ok(
          lines.filter((l) => /cannot take writes/.test(String(l.msg))).length <= 2,
          'once per interval',
        );

        rmSync(filler);
        await untilWritesWork(site, () => favourite(site, nancy.memberId, eve.memberId));
        assert.deepEqual(await favourites(site, nancy.memberId), [bob.memberId, eve.memberId].sort());
        assert.equal((await fetch(`${site.base}/ready`)).status, 200);
      } finally {
        rmSync(filler, { force: true });
        await site.app.close();
        disk!.release();
      }
    });
  },
);
