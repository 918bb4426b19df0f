// Mail through a real SMTP listener: what arrives, and what happens when the server says no.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { SESSION_COOKIE, SESSIONS, type App, type Sessions } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp, type TestAppFactory } from '@meetcute/core/testing';
import { testAppWith } from '@meetcute/server/testing';
import { approvedLongAgo, mo, nancy } from '@meetcute/cast';
import { MAIL_OUTBOX, type MailOutbox } from './index.ts';
import { readable } from './testing.ts';

interface Received {
  to: string[];
  raw: string;
}

/** What the listener does with the next recipients: take them, or answer with this SMTP code. */
let refuseWith: number | null = null;
const received: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refuseWith === null) return callback();
    const error = Object.assign(new Error(`refused ${address.address}`), { responseCode: refuseWith });
    callback(error);
  },
  onData(stream: SMTPServerDataStream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString(),
      });
      callback();
    });
  },
});
let port = 0;
before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

// The SMTP server's port is known once it listens (before), so the settings are read per app.
const factory: TestAppFactory = (deps) =>
  testAppWith({
    MEETCUTE_SMTP_URL: `smtp://127.0.0.1:${port}`,
    MEETCUTE_MAIL_FROM: 'Meetcute <hello@meetcute.example>',
    MEETCUTE_PUBLIC_URL: 'https://meetcute.example',
  })(deps);

async function askForReset(app: App): Promise<void> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/v1/password-resets',
    payload: { email: nancy.email, language: 'sv' },
  });
  // Whatever the mail server does, the member's request has succeeded.
  assert.equal(response.statusCode, 202);
  await app.processAll();
}

async function outbox(
  t: TestApp,
): Promise<Array<{ status: string; attempts: number; lastError: string | null }>> {
  await t.app.services.require<MailOutbox>(MAIL_OUTBOX).flush();
  const token = await t.app.services.require<Sessions>(SESSIONS).open(mo.memberId);
  const response = await t.app.http.inject({
    method: 'GET',
    url: '/api/v1/mail',
    cookies: { [SESSION_COOKIE]: token },
  });
  // Nancy's mail: Mo's own notice of the second factor Mo set up goes out too.
  return response
    .json<{ mails: Array<{ to: string; status: string; attempts: number; lastError: string | null }> }>()
    .mails.filter((m) => m.to === nancy.email);
}

/** What the SMTP server took for Nancy. */
const toNancy = () => received.filter((m) => m.to.includes(nancy.email));

const databases = await testDatabases();
if (databases.skipped) test('mail on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`mail on ${dialect}`, () => {
    test('a reset link reaches the SMTP server: to the member, in Swedish, as text and HTML, from the site', async () => {
      refuseWith = null;
      received.length = 0;
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approvedLongAgo(mo), ...approvedLongAgo(nancy)]);
        await askForReset(t.app);
        assert.deepEqual(await outbox(t).then((m) => m.map((x) => x.status)), ['sent']);
        assert.equal(toNancy().length, 1);
        const [mail] = toNancy();
        assert.deepEqual(mail!.to, [nancy.email]);
        const text = readable(mail!.raw);
        assert.match(text, /^From: Meetcute <hello@meetcute\.example>/m);
        assert.match(text, /^Subject: Välj ett nytt lösenord för Meetcute\r?$/m);
        assert.match(text, /Content-Type: multipart\/alternative/);
        assert.match(
          text,
          /Content-Type: text\/plain[\s\S]*Välj ett nytt lösenord:\r?\nhttps:\/\/meetcute\.example\/password\/reset\?token=[\w.-]+\r?\n/,
        );
        assert.match(
          text,
          /Content-Type: text\/html[\s\S]*<a\s+href="https:\/\/meetcute\.example\/password\/reset\?token=[\w.-]+"/,
        );
      } finally {
        await t.close();
      }
    });

    test('a mail the server cannot take now is sent again later, and nothing is lost', async () => {
      refuseWith = 451;
      received.length = 0;
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approvedLongAgo(mo), ...approvedLongAgo(nancy)]);
        await askForReset(t.app);
        const [first] = await outbox(t);
        assert.equal(first?.status, 'pending');
        assert.equal(first?.attempts, 1);
        assert.match(first?.lastError ?? '', /451/);
        assert.equal(toNancy().length, 0);

        refuseWith = null;
        assert.equal((await outbox(t))[0]?.attempts, 1, 'not before its retry is due');
        t.clock.advance(61_000);
        const [second] = await outbox(t);
        assert.equal(second?.status, 'sent');
        assert.equal(second?.attempts, 2);
        assert.equal(toNancy().length, 1);
      } finally {
        await t.close();
      }
    });

    test('an address the server refuses for good is given up at once', async () => {
      refuseWith = 550;
      received.length = 0;
      const t = await startTestApp(factory, dialect);
      try {
        await t.given([...approvedLongAgo(mo), ...approvedLongAgo(nancy)]);
        await askForReset(t.app);
        const [mail] = await outbox(t);
        assert.equal(mail?.status, 'failed');
        t.clock.advance(3_600_000);
        refuseWith = null;
        assert.equal((await outbox(t))[0]?.status, 'failed');
        assert.equal(toNancy().length, 0);
      } finally {
        await t.close();
      }
    });
  });
}
