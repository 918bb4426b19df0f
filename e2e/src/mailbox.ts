import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { readable } from '@meetcute/mail/testing';

export interface Delivered {
  to: string[];
  /** The message as a person reads it: headers unfolded and decoded, text decoded. */
  text: string;
}

/**
 * A real SMTP server on a loopback port, standing in for the community's mail provider:
 * the site sends to it as it would to any, and a test waits for what it receives.
 */
export class Mailbox {
  readonly #server: SMTPServer;
  readonly #delivered: Delivered[] = [];
  readonly #waiting = new Set<() => void>();

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.#delivered.push({ to, text: readable(Buffer.concat(chunks).toString()) });
          for (const wake of this.#waiting) wake();
          callback();
        });
      },
    });
  }

  /** Listens on a free loopback port; answers the URL to give the site as MEETCUTE_SMTP_URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.#server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** The first mail to `to` whose subject contains `subject`, once it arrives (or fails after `ms`). */
  async next(to: string, subject: string, ms = 15_000): Promise<Delivered> {
    const find = () =>
      this.#delivered.find(
        (m) => m.to.includes(to) && new RegExp(`^Subject: .*${subject}`, 'm').test(m.text),
      );
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(check);
        reject(new Error(`No mail "${subject}" to ${to} within ${ms} ms`));
      }, ms);
      const check = () => {
        const mail = find();
        if (!mail) return;
        clearTimeout(timer);
        this.#waiting.delete(check);
        resolve(mail);
      };
      this.#waiting.add(check);
    });
  }

  /** The path and query of the first link into the site in a mail, to open on the test's own site. */
  static linkIn(mail: Delivered): string {
    const link = /https?:\/\/[^/\s]+(\/[^\s"<>]+)/.exec(
      mail.text.split(/Content-Type: text\/html/)[0] ?? '',
    )?.[1];
    if (!link) throw new Error(`No link in the mail:\n${mail.text}`);
    return link;
  }
}
