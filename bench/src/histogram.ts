/**
 * A latency histogram in the spirit of HdrHistogram: log-linear buckets with 64
 * sub-buckets per power of two, so any recorded value is reported within about 1.6%
 * of itself, in constant memory whatever the number of samples. Values are recorded
 * in microseconds; percentiles come back in milliseconds.
 */
const SUB_BITS = 7;
const SUB_COUNT = 1 << SUB_BITS; // values below this are exact
const HALF = SUB_COUNT >> 1;
/** Enough buckets for values up to 2^31 µs (about 36 minutes); larger ones are clamped. */
const MAX_EXPONENT = 31 - SUB_BITS + 1;
const BUCKETS = SUB_COUNT + MAX_EXPONENT * HALF;
const MAX_MICROS = 2 ** 31 - 1;

function indexOf(micros: number): number {
  if (micros < SUB_COUNT) return micros;
  const shift = 31 - Math.clz32(micros) - (SUB_BITS - 1);
  return SUB_COUNT + (shift - 1) * HALF + ((micros >>> shift) - HALF);
}

/** The largest value that lands in a bucket: what a percentile reports, so it never flatters. */
function highestIn(index: number): number {
  if (index < SUB_COUNT) return index;
  const shift = Math.floor((index - SUB_COUNT) / HALF) + 1;
  const sub = ((index - SUB_COUNT) % HALF) + HALF;
  return (sub + 1) * 2 ** shift - 1;
}

export interface Summary {
  count: number;
  /** Milliseconds. */
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #count = 0;
  #sum = 0;
  #min = Infinity;
  #max = 0;

  /** Records one sample, in milliseconds (fractions kept to the microsecond). */
  record(ms: number): void {
    const micros = Math.min(MAX_MICROS, Math.max(0, Math.round(ms * 1000)));
    this.#counts[indexOf(micros)]! += 1;
    this.#count += 1;
    this.#sum += micros;
    if (micros < this.#min) this.#min = micros;
    if (micros > this.#max) this.#max = micros;
  }

  get count(): number {
    return this.#count;
  }

  /** The value at or below which `p` percent of samples fall, in milliseconds; 0 when empty. */
  percentile(p: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * this.#count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(highestIn(i), this.#max) / 1000;
    }
    return this.#max / 1000;
  }

  /** Adds another histogram's samples to this one (several workers, one report). */
  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.#counts[i]! += other.#counts[i]!;
    this.#count += other.#count;
    this.#sum += other.#sum;
    this.#min = Math.min(this.#min, other.#min);
    this.#max = Math.max(this.#max, other.#max);
  }

  summary(): Summary {
    const empty = this.#count === 0;
    return {
      count: this.#count,
      min: empty ? 0 : this.#min / 1000,
      mean: empty ? 0 : this.#sum / this.#count / 1000,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p95: this.percentile(95),
      p99: this.percentile(99),
      p999: this.percentile(99.9),
      max: this.#max / 1000,
    };
  }
}
