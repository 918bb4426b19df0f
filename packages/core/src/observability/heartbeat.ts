/**
 * Notices a blocked event loop. A timer ticks every `interval`; when a tick arrives
 * much later than planned, the loop was blocked for that long. The heartbeat stays
 * failed for a while after a block so a probe that was queued behind the block (it
 * is answered only once the loop is free) still sees the failure, and so does the
 * next probe a monitor sends.
 */
export class Heartbeat {
  readonly #maxDelayMs: number;
  readonly #interval: number;
  readonly #holdMs: number;
  #lastTick = performance.now();
  #blockedUntil = 0;
  #worstDelayMs = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(maxDelayMs: number, interval = 50, holdMs = 5000) {
    this.#maxDelayMs = maxDelayMs;
    this.#interval = interval;
    this.#holdMs = holdMs;
  }

  start(): void {
    this.#lastTick = performance.now();
    this.#timer = setInterval(() => this.#tick(), this.#interval);
    this.#timer.unref();
  }

  #tick(): void {
    const now = performance.now();
    this.#note(now);
    this.#lastTick = now;
  }

  #note(now: number): void {
    const delay = now - this.#lastTick - this.#interval;
    if (delay > this.#maxDelayMs) {
      this.#worstDelayMs = Math.max(this.#worstDelayMs, delay);
      this.#blockedUntil = now + this.#holdMs;
    }
  }

  /** Healthy unless the loop is, or was just now, blocked longer than allowed. */
  check(): { ok: boolean; delayMs: number } {
    const now = performance.now();
    this.#note(now); // a probe answered right after a block sees it before the next tick does
    if (now < this.#blockedUntil) return { ok: false, delayMs: Math.round(this.#worstDelayMs) };
    this.#worstDelayMs = 0;
    return { ok: true, delayMs: Math.max(0, Math.round(now - this.#lastTick - this.#interval)) };
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
