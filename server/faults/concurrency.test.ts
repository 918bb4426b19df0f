// Commands that must happen once, sent many times at once, happen once: on PostgreSQL
// as on SQLite (whose single writer serialises them anyway). And whatever order
// concurrent sends, reads and blocks interleave in, rebuilding chat from the event log
// gives back exactly what was live.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp } from '@meetcute/core/testing';
import { approved, bob, eve, nancy } from '@meetcute/cast';
import { testApp } from '../src/testing.ts';

const TIMES = 8;
const ROUNDS = 10;

async function countNew(t: TestApp, types: string[]): Promise<Record<string, number>> {
  const counts = Object.fromEntries(types.map((type) => [type, 0]));
  for (const e of await t.newEvents()) if (e.type in counts) counts[e.type]!++;
  return counts;
}

/** The same request `TIMES` times at once; every answer must be a success or a clear 4xx. */
async function atOnce(t: TestApp, call: Parameters<TestApp['call']>[0]): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: TIMES }, () => t.call(call)));
  const statuses = answers.map((a) => a.status);
  assert.ok(
    statuses.every((s) => s < 500),
    `no request failed on our side: ${answers.map((a) => `${a.status} ${a.body.slice(0, 120)}`).join(' | ')}`,
  );
  return statuses;
}

/** Every row of a module's read model, in a stable order. */
async function tablesOf(t: TestApp, module: string): Promise<Record<string, string[]>> {
  const definition = t.app.modules.find((m) => m.name === module)!;
  const db = t.app.channel(module).database.db;
  const state: Record<string, string[]> = {};
  for (const table of definition.projections) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    state[table] = rows.rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return state;
}

const databases = await testDatabases();
if (databases.skipped) test('concurrency faults on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`commands under concurrency on ${dialect}`, () => {
    test(`${TIMES} identical favourite, unfavourite, block and unblock requests at once take effect once`, async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob)]);
        await t.mark();
        for (let round = 0; round < ROUNDS; round++) {
          await atOnce(t, {
            as: nancy.memberId,
            method: 'POST',
            url: '/api/v1/favourites',
            body: { memberId: bob.memberId },
          });
          await atOnce(t, {
            as: nancy.memberId,
            method: 'DELETE',
            url: `/api/v1/favourites/${bob.memberId}`,
          });
        }
        assert.deepEqual(await countNew(t, ['FavouriteAdded', 'FavouriteRemoved']), {
          FavouriteAdded: ROUNDS,
          FavouriteRemoved: ROUNDS,
        });
        await t.mark();
        for (let round = 0; round < ROUNDS; round++) {
          await atOnce(t, {
            as: nancy.memberId,
            method: 'POST',
            url: '/api/v1/blocks',
            body: { memberId: bob.memberId },
          });
          await atOnce(t, { as: nancy.memberId, method: 'DELETE', url: `/api/v1/blocks/${bob.memberId}` });
        }
        assert.deepEqual(await countNew(t, ['MemberBlocked', 'MemberUnblocked']), {
          MemberBlocked: ROUNDS,
          MemberUnblocked: ROUNDS,
        });
        await t.auditViews();
      } finally {
        await t.close();
      }
    });

    test('generated histories of sends, reads, blocks and unblocks, run concurrently, rebuild to what was live', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given([...approved(nancy), ...approved(bob), ...approved(eve)]);
        await t.mark();
        const people = [nancy.memberId, bob.memberId, eve.memberId];
        let seed = dialect === 'sqlite' ? 11 : 17;
        // A linear congruential generator's high bits: its low ones repeat with short periods.
        const next = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return Math.floor((seed / 2 ** 31) * n);
        };
        for (let round = 0; round < 16; round++) {
          const calls: Array<Parameters<TestApp['call']>[0]> = [];
          for (let i = 0; i < 10; i++) {
            const from = people[next(3)]!;
            const others = people.filter((p) => p !== from);
            const to = others[next(2)]!;
            const pick = next(10);
            if (pick < 6) {
              calls.push({
                as: from,
                method: 'POST',
                url: `/api/v1/chats/${to}/messages`,
                body: { body: `m${round}.${i}` },
              });
            } else if (pick < 8) {
              calls.push({ as: from, method: 'POST', url: `/api/v1/chats/${to}/read`, body: {} });
            } else if (pick < 9) {
              calls.push({ as: from, method: 'POST', url: '/api/v1/blocks', body: { memberId: to } });
            } else {
              calls.push({ as: from, method: 'DELETE', url: `/api/v1/blocks/${to}` });
            }
          }
          const answers = await Promise.all(calls.map((c) => t.call(c)));
          for (const a of answers) assert.ok(a.status < 500, `no 5xx: ${a.status} ${a.body.slice(0, 200)}`);
        }
        await t.app.processAll();
        await t.auditViews();
        const happened = await countNew(t, ['MessageSent', 'MemberBlocked', 'MemberUnblocked']);
        for (const [type, n] of Object.entries(happened)) assert.ok(n > 0, `the history has ${type}`);
        const live = await tablesOf(t, 'chat');
        await t.app.rebuild('chat');
        assert.deepEqual(await tablesOf(t, 'chat'), live);
        await t.auditViews();
      } finally {
        await t.close();
      }
    });
  });
}
