/**
 * Work a module does in the background, after commits, in rounds: the mail sender, the
 * photos' renderer. Whoever adds work wakes it; a wake during a round runs one more round
 * after it (nothing added meanwhile waits for the poll); every `pollMs` it looks anyway,
 * for work another process added or that came due. One round at a time per process.
 */
export class BackgroundWork {
  readonly #round: (stopped: () => boolean) => Promise<void>;
  readonly #pollMs: number;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;

  /**
   * `round` does what there is to do; it is handed `stopped` to end early when the app
   * closes. An error it throws goes to `onError` and the work is tried again on the next wake.
   */
  constructor(
    round: (stopped: () => boolean) => Promise<void>,
    options: { pollMs: number; onError: (error: unknown) => void },
  ) {
    this.#round = round;
    this.#pollMs = options.pollMs;
    this.#onError = options.onError;
  }

  start(): void {
    this.#timer = setInterval(() => this.wake(), this.#pollMs);
    this.#timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#rounds().finally(() => (this.#running = null));
  }

  /** Runs a round now, after the one under way, and resolves when it is done (command line, tests). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
    this.#running = this.#rounds().finally(() => (this.#running = null));
    await this.#running;
  }

  /** No more rounds; resolves once the one under way ends. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  async #rounds(): Promise<void> {
    const stopped = () => this.#stopped;
    do {
      this.#again = false;
      try {
        await this.#round(stopped);
      } catch (error) {
        this.#onError(error);
        return;
      }
    } while (this.#again && !this.#stopped);
  }
}
