import type { Logger } from '../observability/logger.ts';
import { unavailable } from './errors.ts';

/** How often the same cause is logged while it lasts. */
const LOG_EVERY_MS = 10_000;

/**
 * Whether the databases can take writes, as the app last found out, place by place: a
 * failure that passes (unreachable, stalled, disk full) marks where it happened (a
 * module's database, delivery, a route) down with its cause, and the next write that
 * succeeds there marks it up. Each module has its own database (on SQLite its own
 * files), so one module's success says nothing of another's: on a full disk, a write
 * that fits in space a file already has succeeds while one that needs more is refused.
 * `/ready` fails while any place is down (and probes each one, see app.ts); a cause is
 * logged once per interval with how often it happened, instead of once per request.
 */
export class DatabaseHealth {
  readonly #logger: Logger;
  readonly #down = new Map<string, { cause: string; since: number }>();
  readonly #lastLogged = new Map<string, { at: number; suppressed: number }>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Records `error` at `where` if it says the database is unavailable; returns the cause, if so. */
  failed(error: unknown, where: string): string | undefined {
    const cause = unavailable(error);
    if (!cause) return undefined;
    const now = Date.now();
    if (!this.#down.has(where)) this.#down.set(where, { cause, since: now });
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

  /** A write succeeded at `where`: it takes writes again. */
  ok(where: string): void {
    const down = this.#down.get(where);
    if (!down) return;
    this.#down.delete(where);
    if (this.#down.size > 0) return;
    this.#logger.info(
      { cause: down.cause, downForMs: Date.now() - down.since },
      'the database takes writes again',
    );
    // The causes stay remembered: a disk that fills and frees by turns is logged once per
    // interval, not at every turn.
  }

  /** The first place still down, with its cause; null when every place takes writes. */
  get down(): { cause: string; since: number; where: string } | null {
    for (const [where, down] of this.#down) return { ...down, where };
    return null;
  }

  /** Every place still down. */
  get places(): string[] {
    return [...this.#down.keys()];
  }
}
