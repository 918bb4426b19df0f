/**
 * A small, fast, seeded PRNG (sfc32), so a community is the same for the same seed on
 * every machine; Math.random is never used.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(...seeds: number[]) {
    // splitmix32 spreads any seed list over the four words of state.
    let h = 0x9e3779b9;
    const mix = (v: number): number => {
      h = (h ^ v) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      return h;
    };
    for (const s of seeds) mix(s | 0);
    this.#a = mix(1);
    this.#b = mix(2);
    this.#c = mix(3);
    this.#d = mix(4);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index from 0 to n-1 where index k is about 1/(k+1)^s as likely as index 0. */
  zipf(n: number, s = 1): number {
    // Inverse transform of the continuous approximation; cheap and close enough for taste.
    const u = this.next();
    if (s === 1) return Math.min(n - 1, Math.floor(Math.exp(u * Math.log(n + 1)) - 1));
    const a = 1 - s;
    const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a) - 1;
    return Math.min(n - 1, Math.floor(x));
  }

  /** A Pareto-distributed weight ≥ 1: most small, a few very large (shape alpha). */
  pareto(alpha: number, cap = 1000): number {
    return Math.min(cap, Math.pow(1 - this.next(), -1 / alpha));
  }

  /** Rounds x up or down at random so the expected value is x. */
  round(x: number): number {
    const floor = Math.floor(x);
    return floor + (this.next() < x - floor ? 1 : 0);
  }
}
