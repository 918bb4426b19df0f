import { BackgroundWork, type Clock, type LinkTokens, type Logger } from '@meetcute/core';
import { write } from './letters.ts';
import { claim, dueMails, markFailed, markRetry, markSent, type MailDb, type QueuedMail } from './store.ts';
import { MailRefused, type MailTransport } from './transport.ts';

const BATCH = 20;
/** Longer than any send may take (SMTP timeouts are 10 + 20 s), so a claim outlives its work. */
const CLAIM_MS = 2 * 60 * 1000;
/** Retries wait 1, 2, 4 … minutes, at most an hour; after a day a mail is given up. */
const FIRST_RETRY_MS = 60 * 1000;
const LAST_RETRY_MS = 60 * 60 * 1000;
const GIVE_UP_MS = 24 * 60 * 60 * 1000;
/** How often due retries are looked for when nothing new wakes the sender. */
const POLL_MS = 30 * 1000;

export function retryDelay(attempts: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

interface Counter {
  inc(by?: number): void;
}

/**
 * Sends what the queue holds, after the transaction that queued it committed: a slow or
 * failing mail server never slows or fails the request that caused a mail. A mail is
 * claimed before it is sent, so nodes sharing a database never send it twice at once;
 * a crash between sending and recording it can send it again (at least once, never lost).
 */
export class Sender {
  readonly #db: MailDb;
  readonly #transport: MailTransport;
  readonly #clock: Clock;
  readonly #links: LinkTokens;
  readonly #publicUrl: string;
  readonly #logger: Logger;
  readonly #sent: Counter;
  readonly #failed: Counter;
  readonly #work: BackgroundWork;

  constructor(options: {
    db: MailDb;
    transport: MailTransport;
    clock: Clock;
    links: LinkTokens;
    publicUrl: string;
    logger: Logger;
    metrics: { counter(name: string, help: string): Counter };
  }) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#clock = options.clock;
    this.#links = options.links;
    this.#publicUrl = options.publicUrl;
    this.#logger = options.logger;
    this.#sent = options.metrics.counter(
      'mails_sent',
      'Mails handed to the mail server (or kept on this box)',
    );
    this.#failed = options.metrics.counter('mail_failures', 'Attempts to send a mail that failed');
    this.#work = new BackgroundWork(
      async (stopped) => {
        while ((await this.#round(stopped)) === BATCH && !stopped());
      },
      {
        pollMs: POLL_MS,
        onError: (error) =>
          this.#logger.error({ err: error }, 'mail queue could not be read; trying again shortly'),
      },
    );
  }

  start(): void {
    this.#work.start();
  }

  /** Sends what is due, now or as soon as the current round ends. */
  wake(): void {
    this.#work.wake();
  }

  /** Sends everything due now and resolves when done (for the operator's command line and tests). */
  flush(): Promise<void> {
    return this.#work.flush();
  }

  async stop(): Promise<void> {
    await this.#work.stop();
    this.#transport.close();
  }

  /** One batch of due mails; answers how many there were. */
  async #round(stopped: () => boolean): Promise<number> {
    const now = this.#clock.now();
    const due = await dueMails(this.#db, now.toISOString(), BATCH);
    for (const mail of due) {
      if (stopped()) break;
      const until = new Date(now.getTime() + CLAIM_MS).toISOString();
      if (await claim(this.#db, mail.id, now.toISOString(), until)) await this.#send(mail);
    }
    return due.length;
  }

  async #send(mail: QueuedMail): Promise<void> {
    try {
      const letter = write(mail, this.#links, this.#publicUrl);
      await this.#transport.send({ id: mail.id, to: mail.to_address, ...letter });
      await markSent(this.#db, mail.id, this.#clock.now().toISOString());
      this.#sent.inc();
    } catch (error) {
      this.#failed.inc();
      const now = this.#clock.now();
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof MailRefused && error.permanent;
      const tooOld = now.getTime() - Date.parse(mail.created_at) >= GIVE_UP_MS;
      if (permanent || tooOld) {
        this.#logger.error({ mailId: mail.id, kind: mail.kind, err: message }, 'mail given up');
        await markFailed(this.#db, mail.id, now.toISOString(), message);
      } else {
        const next = new Date(now.getTime() + retryDelay(mail.attempts + 1)).toISOString();
        this.#logger.warn(
          { mailId: mail.id, kind: mail.kind, err: message, next },
          'mail not sent; will retry',
        );
        await markRetry(this.#db, mail.id, next, message);
      }
    }
  }
}
