import { randomFillSync } from 'node:crypto';
import type { Clock } from './clock.ts';

/** Source of sortable unique ids (UUIDv7): time-ordered, so ids sort by creation. */
export interface IdSource {
  next(): string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The id of a millisecond and ten random bytes; built by hand, as ids are made on every write. */
function uuidv7(ms: number, random: Uint8Array): string {
  const hex = (i: number) => HEX[random[i] ?? 0]!;
  // 48-bit big-endian millisecond timestamp.
  const time = ms.toString(16).padStart(12, '0');
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-` +
    `${HEX[0x70 | ((random[0] ?? 0) & 0x0f)]}${hex(1)}-${HEX[0x80 | ((random[2] ?? 0) & 0x3f)]}${hex(3)}-` +
    `${hex(4)}${hex(5)}${hex(6)}${hex(7)}${hex(8)}${hex(9)}`
  );
}

/**
 * Random bytes drawn from the system a page at a time: one call per id cost more than
 * making the id (a new millisecond needs ten bytes, and that is most ids under load).
 */
function pooledRandom(pageSize = 4096): (n: number) => Uint8Array {
  const page = new Uint8Array(pageSize);
  let used = pageSize;
  return (n) => {
    if (used + n > pageSize) {
      randomFillSync(page);
      used = 0;
    }
    used += n;
    return page.slice(used - n, used);
  };
}

/**
 * Ids that stay sorted even when many are made in one millisecond: the random part
 * is bumped by one instead of re-drawn while the clock stands still.
 */
export function uuidv7Source(clock: Clock, random: (n: number) => Uint8Array = pooledRandom()): IdSource {
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
