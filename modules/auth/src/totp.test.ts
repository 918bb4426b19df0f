import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32, codeAt, fromBase32, matchingStep, newSecret, otpauthUri, stepAt } from './totp.ts';

// RFC 6238 appendix B, SHA-1: the shared secret is the ASCII "12345678901234567890"; the
// RFC lists eight digits, of which authenticator apps show the last six.
const RFC_SECRET = base32(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('codes match the test vectors of RFC 6238', () => {
  for (const [seconds, eight] of RFC_VECTORS) {
    assert.equal(codeAt(RFC_SECRET, stepAt(new Date(seconds * 1000))), eight.slice(2), `at ${seconds}`);
  }
});

test('base32 goes there and back, and reads what apps show: lower case, spaces, padding', () => {
  const secret = newSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(base32(fromBase32(secret)), secret);
  assert.equal(base32(fromBase32(`${secret.toLowerCase().match(/.{4}/g)!.join(' ')}==`)), secret);
  assert.throws(() => fromBase32('not base32!'));
});

test('a code is good a step either side of now, never twice, and never older', () => {
  const now = new Date(1_111_111_111_000);
  const step = stepAt(now);
  const code = (s: number) => codeAt(RFC_SECRET, s);
  assert.equal(matchingStep(RFC_SECRET, code(step), now, null), step);
  assert.equal(matchingStep(RFC_SECRET, code(step - 1), now, null), step - 1, 'the phone is a little slow');
  assert.equal(matchingStep(RFC_SECRET, code(step + 1), now, null), step + 1, 'the phone is a little fast');
  assert.equal(matchingStep(RFC_SECRET, code(step - 2), now, null), null, 'a minute old');
  assert.equal(matchingStep(RFC_SECRET, code(step), now, step), null, 'used already');
  assert.equal(matchingStep(RFC_SECRET, code(step - 1), now, step), null, 'older than one used');
  assert.equal(matchingStep(RFC_SECRET, code(step + 1), now, step), step + 1);
  assert.equal(matchingStep(RFC_SECRET, `${code(step).slice(0, 3)} ${code(step).slice(3)}`, now, null), step);
  assert.equal(matchingStep(RFC_SECRET, 'abcdef', now, null), null);
  assert.equal(matchingStep(RFC_SECRET, '', now, null), null);
});

test('the otpauth link names the site and the account, and carries the secret', () => {
  const link = otpauthUri('Meetcute', 'nancy@example.com', RFC_SECRET);
  assert.ok(link.startsWith('otpauth://totp/Meetcute:nancy%40example.com?'), link);
  const uri = new URL(link);
  assert.equal(uri.searchParams.get('secret'), RFC_SECRET);
  assert.equal(uri.searchParams.get('issuer'), 'Meetcute');
});
