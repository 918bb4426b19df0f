import { hash } from 'node:crypto';

/**
 * Conversations are spread over a fixed number of chat groups. A group is the unit a
 * node owns: alone it owns them all; in a cluster the nodes share them out by lease
 * (ownership.ts), and only the owner of a conversation's group writes its messages, so
 * one node orders each conversation. The count is fixed for the life of a deployment:
 * changing it moves conversations between groups.
 */
export const CHAT_GROUPS = 64;

const MASK64 = (1n << 64n) - 1n;

/** A stable 64-bit hash of a text: the same on every node, version and run. */
export function stableHash(text: string): bigint {
  return hash('sha256', text, 'buffer').readBigUInt64BE(0);
}

/**
 * Jump consistent hash (Lamping and Veach, 2014): a key's bucket among `buckets`, such
 * that growing from n to n+1 buckets moves only about 1/(n+1) of the keys, all of them
 * into the new bucket, with no table to keep.
 */
export function jumpHash(key: bigint, buckets: number): number {
  if (!Number.isSafeInteger(buckets) || buckets < 1) throw new RangeError(`buckets must be ≥ 1: ${buckets}`);
  let k = key & MASK64;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    k = (k * 2862933555777941757n + 1n) & MASK64;
    j = Math.floor((b + 1) * (2 ** 31 / Number((k >> 33n) + 1n)));
  }
  return b;
}

/** The chat group of a conversation. */
export function groupOf(conversationId: string, groups = CHAT_GROUPS): number {
  return jumpHash(stableHash(conversationId), groups);
}
