import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkTokens } from './links.ts';

const now = new Date('2026-06-01T10:00:00Z');
const inAnHour = new Date('2026-06-01T11:00:00Z');

test('a link token gives back its subject for its purpose until it expires', () => {
  const links = linkTokens('the site key');
  const token = links.make('password-reset', 'reset-1', inAnHour);
  assert.equal(links.read('password-reset', token, now), 'reset-1');
  assert.equal(links.read('password-reset', token, new Date('2026-06-01T10:59:59Z')), 'reset-1');
  assert.equal(links.read('password-reset', token, inAnHour), null, 'expired at the hour');
});

test('a token is refused for another purpose, under another key, or when any part is changed', () => {
  const links = linkTokens('the site key');
  const token = links.make('email-confirmation', 'member-1 nancy@example.com', inAnHour);
  assert.equal(links.read('password-reset', token, now), null);
  assert.equal(linkTokens('another key').read('email-confirmation', token, now), null);
  const [subject, expires, signature] = token.split('.');
  const later = (parseInt(expires!, 36) + 3600).toString(36);
  const other = Buffer.from('member-2 nancy@example.com').toString('base64url');
  for (const forged of [
    `${subject}.${later}.${signature}`,
    `${other}.${expires}.${signature}`,
    `${subject}.${expires}.${signature!.slice(0, -2)}AA`,
    `${subject}.${expires}`,
    'not a token',
    '',
  ]) {
    assert.equal(links.read('email-confirmation', forged, now), null, forged);
  }
});
