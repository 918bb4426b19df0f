import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, evaluate, NO_TARGETING, variantOf, wilson, type Flag } from './rules.ts';

const ids = Array.from(
  { length: 10_000 },
  (_, i) => `00000000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
);

function flag(ramp: number, variants: string[] = []): Flag {
  const at = '2026-06-01T10:00:00.000Z';
  return {
    key: 'news.photos',
    description: '',
    variants,
    ramp,
    targeting: NO_TARGETING,
    killed: false,
    createdAt: at,
    changedAt: at,
  };
}

test('raising a ramp keeps everyone who had the flag, and reaches about the share it says', () => {
  let before = new Set<string>();
  for (const ramp of [0, 1, 5, 20, 50, 99, 100]) {
    const reached = new Set(ids.filter((memberId) => evaluate(flag(ramp), { memberId }).on));
    for (const id of before) assert.ok(reached.has(id), `${id} lost the flag going to ${ramp} %`);
    // 10,000 members: the share is within two points of the ramp.
    assert.ok(Math.abs(reached.size / 100 - ramp) <= 2, `${reached.size} of 10,000 at ${ramp} %`);
    before = reached;
  }
});

test('each flag draws its own members: the same member is not always first in', () => {
  const first = ids.filter((id) => bucketOf('news.photos', id) < 500);
  const other = ids.filter((id) => bucketOf('chat.typing', id) < 500);
  const both = first.filter((id) => other.includes(id)).length;
  assert.ok(both < first.length / 2, `${both} of ${first.length} in both`);
});

test('the variants split members about evenly, and a member keeps theirs', () => {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const v = variantOf({ key: 'chat.opener', variants: ['control', 'short', 'long'] }, id);
    counts.set(v, (counts.get(v) ?? 0) + 1);
    assert.equal(variantOf({ key: 'chat.opener', variants: ['control', 'short', 'long'] }, id), v);
  }
  for (const n of counts.values()) assert.ok(Math.abs(n - 3333) < 200, JSON.stringify([...counts]));
});

test('the Wilson interval matches published values and stays within 0–1', () => {
  const round = (i: { low: number; high: number } | null) =>
    i && [i.low, i.high].map((x) => Math.round(x * 10_000) / 10_000);
  assert.deepEqual(round(wilson(5, 10)), [0.2366, 0.7634]);
  assert.deepEqual(round(wilson(0, 10)), [0, 0.2775]);
  assert.deepEqual(round(wilson(10, 10)), [0.7225, 1]);
  assert.equal(wilson(0, 0), null);
});
