// Chat groups: a conversation's group is stable, conversations spread evenly, and
// growing the number of groups moves only the share the new group must take.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAT_GROUPS, groupOf, jumpHash, stableHash } from './groups.ts';
import { conversationIdOf } from './rules.ts';

/** Nancy and Bob's conversation is in this group; pinned so a change of hash cannot pass unnoticed. */
const PINNED = 11;
const member = (n: number) => `0190a1b2-c3d4-7e5f-8a6b-${n.toString(16).padStart(12, '0')}`;
const conversations = Array.from({ length: 20_000 }, (_, i) =>
  conversationIdOf(member(i), member(i + 50_000)),
);

test('a conversation keeps its group: the same on every node, run and version, whoever wrote first', () => {
  // Pinned: if these change, every deployment's conversations would move to other groups.
  assert.equal(stableHash('a:b'), stableHash('a:b'));
  assert.equal(typeof stableHash('a:b'), 'bigint');
  assert.equal(
    groupOf(conversationIdOf(member(1), member(2))),
    groupOf(conversationIdOf(member(2), member(1))),
  );
  const again = conversations.slice(0, 100).map((c) => groupOf(c));
  assert.deepEqual(
    conversations.slice(0, 100).map((c) => groupOf(c)),
    again,
  );
  assert.equal(groupOf('00000000-0000-7000-8000-00000000000a:00000000-0000-7000-8000-00000000000b'), PINNED);
});

test('jump hash matches the reference implementation', () => {
  // The paper's C code compiled with gcc on this machine: (key, buckets) → bucket.
  const known: Array<[bigint, number, number]> = [
    [0n, 1, 0],
    [0n, 64, 0],
    [1n, 64, 55],
    [0xdeadbeefn, 64, 16],
    [0xffffffffffffffffn, 64, 10],
    [1n, 2, 0],
    [10n, 1000, 751],
  ];
  for (const [key, buckets, bucket] of known)
    assert.equal(jumpHash(key, buckets), bucket, `${key} in ${buckets}`);
});

test('conversations spread evenly over the groups', () => {
  const counts = new Array<number>(CHAT_GROUPS).fill(0);
  for (const c of conversations) counts[groupOf(c)]!++;
  const expected = conversations.length / CHAT_GROUPS;
  for (const [group, n] of counts.entries()) {
    // Six standard deviations of a binomial count: never hit by chance, always by a skewed hash.
    assert.ok(
      Math.abs(n - expected) < 6 * Math.sqrt(expected),
      `group ${group} has ${n}, expected ~${expected}`,
    );
  }
});

test('growing from n to n+1 groups moves about 1/(n+1) of the conversations, all into the new group', () => {
  for (const n of [1, 7, 63, 64]) {
    let moved = 0;
    for (const c of conversations) {
      const before = groupOf(c, n);
      const after = groupOf(c, n + 1);
      if (before !== after) {
        moved++;
        assert.equal(after, n, 'a conversation that moves goes to the new group');
      }
    }
    const share = moved / conversations.length;
    const ideal = 1 / (n + 1);
    assert.ok(Math.abs(share - ideal) < 0.25 * ideal + 0.005, `n=${n}: moved ${share}, ideal ${ideal}`);
  }
});

test('a bad number of groups is refused', () => {
  assert.throws(() => jumpHash(1n, 0), RangeError);
});
