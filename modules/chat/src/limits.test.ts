import assert from 'node:assert/strict';
import { test } from 'node:test';
import { braked, MESSAGES_PER_MINUTE, NEW_CONTACTS_PER_DAY, SendLimits } from './limits.ts';

const T0 = Date.parse('2026-06-01T10:00:00Z');
const known = false;
const stranger = true;

test('a member sends 20 messages a minute; the 21st waits until the oldest is a minute old', () => {
  const limits = new SendLimits();
  const brake = (memberId: string, at: number) => braked(limits.pace(memberId, at), limits.brakes, known);
  for (let i = 0; i < MESSAGES_PER_MINUTE; i++) {
    assert.equal(brake('nancy', T0 + i), null);
    limits.record('nancy', T0 + i, false);
  }
  assert.equal(brake('nancy', T0 + 100), 'too-fast');
  assert.equal(brake('bob', T0 + 100), null, 'others are not braked');
  assert.equal(brake('nancy', T0 + 60_001), null);
});

test('after 20 new conversations in a day, writing to someone new waits; known contacts do not', () => {
  const limits = new SendLimits();
  for (let i = 0; i < NEW_CONTACTS_PER_DAY; i++) limits.record('nancy', T0 + i * 120_000, true);
  const later = T0 + NEW_CONTACTS_PER_DAY * 120_000;
  assert.equal(braked(limits.pace('nancy', later), limits.brakes, stranger), 'too-many-new');
  assert.equal(braked(limits.pace('nancy', later), limits.brakes, known), null);
  const dayLater = T0 + 24 * 3600 * 1000 + 1;
  assert.equal(braked(limits.pace('nancy', dayLater), limits.brakes, stranger), null, 'a day later');
});

test('the brakes are the configured ones', () => {
  const limits = new SendLimits({ messagesPerMinute: 2, newContactsPerDay: 1 });
  limits.record('nancy', T0, true);
  assert.equal(braked(limits.pace('nancy', T0 + 1), limits.brakes, stranger), 'too-many-new');
  limits.record('nancy', T0 + 1, false);
  assert.equal(braked(limits.pace('nancy', T0 + 2), limits.brakes, known), 'too-fast');
});
