import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** The queue's id, so a mail sent twice (a crash between sending and recording it) can be told apart. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes. `send` throws when it did not get there; a `permanent` error is not worth retrying. */
export interface MailTransport {
  /** 'smtp' sends for real; 'directory' keeps mail on this box, shown to moderators. */
  readonly kind: 'smtp' | 'directory';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export class MailRefused extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

function headers(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.id}@meetcute>`,
    // Our mails are replies to nobody and need no answer; auto-responders should stay quiet.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** Sends over SMTP (`smtp://user:pass@host:587` or `smtps://…`): the server's 5xx answers are final. */
export function smtpTransport(url: string, from: string): MailTransport {
  // Timeouts in the URL's stead would be the library's (minutes); a stuck server must not hold the queue.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail(headers(mail, from));
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode ?? 0;
        throw new MailRefused(
          error instanceof Error ? error.message : String(error),
          code >= 500 && code < 600,
        );
      }
    },
    close: () => transporter.close(),
  };
}

/** What the moderators' outbox page shows of a mail kept on this box. */
export interface KeptMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  at: string;
}

/**
 * Keeps each mail in a directory, as the .eml file an SMTP server would have received and
 * a .json beside it for the outbox page: a site on one box needs no mail server to start.
 */
export function directoryTransport(directory: string, from: string, now: () => Date): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'directory',
    async send(mail) {
      await mkdir(directory, { recursive: true });
      const built = (await builder.sendMail(headers(mail, from))) as { message: Buffer };
      const name = safeName(mail.id);
      const kept: KeptMail = {
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        at: now().toISOString(),
      };
      // Written aside and renamed, so the page never reads half a mail.
      await writeFile(join(directory, `${name}.eml.tmp`), built.message);
      await rename(join(directory, `${name}.eml.tmp`), join(directory, `${name}.eml`));
      await writeFile(join(directory, `${name}.json.tmp`), JSON.stringify(kept));
      await rename(join(directory, `${name}.json.tmp`), join(directory, `${name}.json`));
    },
    close: () => builder.close(),
  };
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The mail kept for a queue id, or undefined when it was not (yet) written here. */
export async function keptMail(directory: string, id: string): Promise<KeptMail | undefined> {
  try {
    return JSON.parse(await readFile(join(directory, `${safeName(id)}.json`), 'utf8')) as KeptMail;
  } catch {
    return undefined;
  }
}

/** Removes the kept copies of these mails (a deleted member's); those never kept are no error. */
export async function forgetKept(directory: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    for (const ext of ['eml', 'json']) await rm(join(directory, `${safeName(id)}.${ext}`), { force: true });
  }
}

/** How many mails the directory holds, for the outbox page's summary. */
export async function keptCount(directory: string): Promise<number> {
  try {
    return (await readdir(directory)).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
}
