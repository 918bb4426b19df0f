import type { Logger } from '../observability/logger.ts';
import { unavailable } from './errors.ts';

/** How often the same cause is logged while it lasts. */
const LOG_EVERY_MS = 10_000;

/**
 * Whether the databases can take writes, as the app last found out: a failure that
 * passes (unreachable, stalled, disk full) marks them down with its cause, the next
 * write that succeeds marks them up. `/ready` fails while they are down, and the cause
 * is logged once per interval with how often it happened, instead of once per request.
 */
export class DatabaseHealth {
  readonly #logger: Logger;
  #down: { cause: string; since: number } | null = null;
  #lastLogged = new Map<string, { at: number; suppressed: number }>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Records `error` if it says the database is unavailable; returns the cause, if so. */
  failed(error: unknown, where: string): string | undefined {
    const cause = unavailable(error);
    if (!cause) return undefined;
    const now = Date.now();
    this.#down ??= { cause, since: now };
    const logged = this.#lastLogged.get(cause);
    if (!logged || now - logged.at >= LOG_EVERY_MS) {
      this.#logger.error(
        { err: error, cause, where, alsoSince: logged?.suppressed ?? 0 },
        `the database cannot take writes: ${cause}`,
      );
      this.#lastLogged.set(cause, { at: now, suppressed: 0 });
    } else {
      logged.suppressed++;
    }
    return cause;
  }

  /** A write succeeded: the databases take writes again. */
  ok(): void {
    if (!this.#down) return;
    this.#logger.info(
      { cause: this.#down.cause, downForMs: Date.now() - this.#down.since },
      'the database takes writes again',
    );
    this.#down = null;
    this.#lastLogged.clear();
  }

  get down(): { cause: string; since: number } | null {
    return this.#down;
  }
}
