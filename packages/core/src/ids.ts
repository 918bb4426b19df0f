import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';

/** Source of sortable unique ids (UUIDv7): time-ordered, so ids sort by creation. */
export interface IdSource {
  next(): string;
}

function uuidv7(ms: number, random: Uint8Array): string {
  const b = new Uint8Array(16);
  // 48-bit big-endian millisecond timestamp.
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b.set(random.subarray(0, 10), 6);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids that stay sorted even when many are made in one millisecond: the random part
 * is bumped by one instead of re-drawn while the clock stands still.
 */
export function uuidv7Source(clock: Clock, random: (n: number) => Uint8Array = randomBytes): IdSource {
  let lastMs = -1;
  let last: Uint8Array = new Uint8Array(10);
  return {
    next() {
      const ms = Math.max(clock.now().getTime(), lastMs);
      if (ms === lastMs) {
        last = increment(last);
      } else {
        last = new Uint8Array(random(10));
        last[0] = (last[0] ?? 0) & 0x7f; // room to count up within one millisecond
        lastMs = ms;
      }
      return uuidv7(ms, last);
    },
  };
}

function increment(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = out.length - 1; i >= 0; i--) {
    const v = (out[i] ?? 0) + 1;
    out[i] = v & 0xff;
    if (v <= 0xff) break;
  }
  return out;
}

/** Deterministic ids for tests: the same sequence for the same seed and clock. */
export function seededIdSource(clock: Clock, seed = 1): IdSource {
  let state = seed >>> 0 || 1;
  const random = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      // xorshift32: good enough to make distinct, reproducible ids
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out[i] = state & 0xff;
    }
    return out;
  };
  return uuidv7Source(clock, random);
}
