// What frequency caps read of a member (the viewers view and its load) stays exact while
// impressions pile up, are counted into shown_counts in bulk, and cross days, including an
// earlier day's impression arriving late: on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { given, type Given } from '@meetcute/core';
import { startTestApp, testDatabases } from '@meetcute/core/testing';
import { testApp } from '@meetcute/server/testing';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { bob, nancy } from '@meetcute/cast';
import { AdsShown } from './events.ts';
import { viewerOf } from './memory.ts';
import { COUNT_RECENT_AT, type AdsDb } from './store.ts';
import { CAMPAIGN, CREATIVE, running } from './use-cases.kit.ts';

const OTHER_CAMPAIGN = '00000000-0000-7000-8000-00000000ad11';
const members = [nancy.memberId, bob.memberId];
const impressionId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** What the member was shown on their last day, counted row by row from the impressions. */
async function countedByHand(db: AdsDb, memberId: string) {
  const rows = await db
    .selectFrom('impressions')
    .select(['day', 'campaign_id'])
    .where('member_id', '=', memberId)
    .execute();
  const day = rows.reduce((latest, r) => (r.day > latest ? r.day : latest), '');
  const shown: Record<string, number> = {};
  for (const r of rows) if (r.day === day) shown[r.campaign_id] = (shown[r.campaign_id] ?? 0) + 1;
  return { day, shown };
}

const databases = await testDatabases();
if (databases.skipped) test('shown counts on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`shown counts on ${dialect}`, () => {
    test('thousands of impressions over three days, one of them late, counted in bulk as they come', async () => {
      const t = await startTestApp(testApp, dialect);
      try {
        await t.given(running());
        await t.primeViews(members);
        const db = t.app.channel('ads').database.db as AdsDb;
        let n = 0;
        // Batches of 300 over days 1, 2, 2, 1 (late), 3…: the bulk count runs several times.
        const days = ['2026-06-01', '2026-06-02', '2026-06-02', '2026-06-01', '2026-06-03', '2026-06-03'];
        const batches: Given[][] = days.map((day) => [
          given(
            AdsShown,
            {
              impressions: Array.from({ length: 300 }, (_, i) => ({
                impressionId: impressionId(++n),
                campaignId: i % 3 === 0 ? OTHER_CAMPAIGN : CAMPAIGN,
                creativeId: CREATIVE,
                memberId: members[i % 7 === 0 ? 1 : 0]!,
                placement: 'news',
              })),
            },
            { at: `${day}T12:00:00.000Z` },
          ),
        ]);
        let counted = false;
        for (const batch of batches) {
          await t.given(batch);
          await t.auditViews();
          for (const memberId of members) {
            const viewer = await viewerOf(db, memberId);
            const expected = await countedByHand(db, memberId);
            assert.deepEqual({ day: viewer?.day, shown: viewer?.shown }, expected, memberId);
          }
          const recent = await sql<{
            n: number | string;
          }>`select count(*) as n from recent_impressions`.execute(db);
          assert.ok(
            Number(recent.rows[0]!.n) < COUNT_RECENT_AT,
            'recent impressions are counted once there are enough',
          );
          const counts = await sql<{ n: number | string }>`select count(*) as n from shown_counts`.execute(
            db,
          );
          counted ||= Number(counts.rows[0]!.n) > 0;
        }
        assert.ok(counted, 'the bulk count ran');
        const nancyToday = await viewerOf(db, nancy.memberId);
        assert.equal(nancyToday?.day, '2026-06-03');
        // 300 a batch, a third of them the other campaign's, one in seven Bob's: day 3 holds two batches.
        assert.equal(
          Object.values(nancyToday?.shown ?? {}).reduce((a, b) => a + b, 0),
          2 * (300 - 43),
        );
      } finally {
        await t.close();
      }
    });
  });
}
