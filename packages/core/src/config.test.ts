import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig } from './config.ts';

test('with no settings at all the site runs on embedded SQLite at port 3000', () => {
  const config = readConfig({});
  assert.equal(config.port, 3000);
  assert.deepEqual(config.database, { kind: 'sqlite', directory: 'data', synchronous: 'normal' });
  assert.deepEqual(config.moderators, []);
});

test('SQLite commits can be made to survive a power cut, and nothing else is taken', () => {
  assert.deepEqual(readConfig({ MEETCUTE_SQLITE_SYNCHRONOUS: 'FULL' }).database, {
    kind: 'sqlite',
    directory: 'data',
    synchronous: 'full',
  });
  assert.throws(
    () => readConfig({ MEETCUTE_SQLITE_SYNCHRONOUS: 'off' }),
    /MEETCUTE_SQLITE_SYNCHRONOUS=off must be normal or full/,
  );
});

test('every bad value is reported at once, each with what to do', () => {
  assert.throws(
    () =>
      readConfig({
        MEETCUTE_PORT: 'eighty',
        MEETCUTE_DATABASE_URL: 'mysql://x',
        MEETCUTE_LOG_LEVEL: 'loud',
        MEETCUTE_MODERATORS: 'mo@example.com, not-an-email',
        MEETCUTE_OPERATORS: 'otto',
        MEETCUTE_COOKIE_SECURE: 'maybe',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 6);
      assert.match(error.message, /MEETCUTE_PORT=eighty must be a whole number from 0 to 65535/);
      assert.match(
        error.message,
        /MEETCUTE_DATABASE_URL=mysql:\/\/x must start with sqlite: .* or postgres:\/\//,
      );
      assert.match(error.message, /MEETCUTE_LOG_LEVEL=loud must be one of/);
      assert.match(error.message, /MEETCUTE_MODERATORS has not-an-email, which is not an email/);
      assert.match(error.message, /MEETCUTE_OPERATORS has otto, which is not an email/);
      assert.match(error.message, /MEETCUTE_COOKIE_SECURE=maybe must be true or false/);
      return true;
    },
  );
});

test('PostgreSQL is chosen by its URL, moderators and operators are lower-cased', () => {
  const config = readConfig({
    MEETCUTE_DATABASE_URL: 'postgres://127.0.0.1:5432/meetcute',
    MEETCUTE_MODERATORS: 'Mo@Example.com',
    MEETCUTE_OPERATORS: ' Otto@Example.com ,mo@example.com',
  });
  assert.deepEqual(config.database, {
    kind: 'postgres',
    url: 'postgres://127.0.0.1:5432/meetcute',
    poolSize: 4,
  });
  assert.deepEqual(config.moderators, ['mo@example.com']);
  assert.deepEqual(config.operators, ['otto@example.com', 'mo@example.com']);
});

test('a node joins a cluster through NATS, only on PostgreSQL', () => {
  const clustered = readConfig({
    MEETCUTE_DATABASE_URL: 'postgres://127.0.0.1:5432/meetcute',
    MEETCUTE_NATS_URL: 'nats://127.0.0.1:4222',
    MEETCUTE_DATABASE_POOL_SIZE: '2',
  });
  assert.equal(clustered.natsUrl, 'nats://127.0.0.1:4222');
  assert.deepEqual(clustered.database, {
    kind: 'postgres',
    url: 'postgres://127.0.0.1:5432/meetcute',
    poolSize: 2,
  });
  assert.equal(readConfig({}).natsUrl, null);
  assert.throws(
    () => readConfig({ MEETCUTE_NATS_URL: 'http://127.0.0.1:4222', MEETCUTE_DATABASE_POOL_SIZE: '0' }),
    (error: Error) =>
      /MEETCUTE_NATS_URL=http:\/\/127.0.0.1:4222 must look like nats:/.test(error.message) &&
      /they need one PostgreSQL/.test(error.message),
  );
});

test('mail needs nothing to start: kept beside the SQLite files, links to where the site listens', () => {
  const config = readConfig({ MEETCUTE_DATABASE_URL: 'sqlite:/srv/meetcute', MEETCUTE_PORT: '8080' });
  assert.equal(config.publicUrl, 'http://127.0.0.1:8080');
  assert.deepEqual(config.mail, {
    smtpUrl: null,
    from: 'Meetcute <no-reply@meetcute.invalid>',
    directory: '/srv/meetcute/mail',
  });
});

test('a public URL must be an origin and a mail server an SMTP URL', () => {
  const ok = readConfig({
    MEETCUTE_PUBLIC_URL: 'https://meetcute.example/',
    MEETCUTE_SMTP_URL: 'smtps://u:p@mail.example:465',
  });
  assert.equal(ok.publicUrl, 'https://meetcute.example');
  assert.equal(ok.mail.smtpUrl, 'smtps://u:p@mail.example:465');
  assert.throws(
    () => readConfig({ MEETCUTE_PUBLIC_URL: 'meetcute.example/path', MEETCUTE_SMTP_URL: 'mail.example:25' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /MEETCUTE_PUBLIC_URL=meetcute.example\/path must be the site's origin/);
      assert.match(
        error.message,
        /MEETCUTE_SMTP_URL=mail.example:25 must start with smtp:\/\/ or smtps:\/\//,
      );
      return true;
    },
  );
});
