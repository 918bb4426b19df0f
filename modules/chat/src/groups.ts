import { defineService } from '@meetcute/core';
import { hash } from 'node:crypto';

/**
 * Conversations are spread over a fixed number of chat groups. A group is the unit a
 * node owns: today one node owns them all; a cluster will hand groups to nodes by
 * lease, and only the owner of a conversation's group accepts its messages, so one
 * node orders each conversation. The count is fixed for the life of a deployment:
 * changing it moves conversations between groups.
 */
export const CHAT_GROUPS = 64;

/** The service key under which a cluster module may offer its own ownership. */
export const CHAT_OWNERSHIP = defineService<ChatOwnership>('chat.ownership');

/**
 * Which chat groups this node may write. The send path asks `owns` before it commits a
 * message; a node that does not own the group refuses (503, try again), and a cluster
 * router would send the request to the owner instead.
 */
export interface ChatOwnership {
  /** Whether this node accepts messages of conversations in `group` right now. */
  owns(group: number): boolean;
  /** How many groups the conversations are spread over. */
  readonly groups: number;
}

/** The single node: it owns every group. */
export const everyGroup: ChatOwnership = { owns: () => true, groups: CHAT_GROUPS };

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
