import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGES_PER_MINUTE, NEW_CONTACTS_PER_DAY, SendLimits } from './limits.ts';

const T0 = Date.parse('2026-06-01T10:00:00Z');
const known = () => Promise.resolve(false);
const stranger = () => Promise.resolve(true);

test('a member sends 20 messages a minute; the 21st waits until the oldest is a minute old', async () => {
  const limits = new SendLimits();
  for (let i = 0; i < MESSAGES_PER_MINUTE; i++) {
    assert.equal(await limits.check('nancy', T0 + i, known), null);
    limits.record('nancy', T0 + i, false);
  }
  assert.equal((await limits.check('nancy', T0 + 100, known))?.status, 429);
  assert.equal(await limits.check('bob', T0 + 100, known), null, 'others are not braked');
  assert.equal(await limits.check('nancy', T0 + 60_001, known), null);
});

test('after 20 new conversations in a day, writing to someone new waits; known contacts do not', async () => {
  const limits = new SendLimits();
  for (let i = 0; i < NEW_CONTACTS_PER_DAY; i++) limits.record('nancy', T0 + i * 120_000, true);
  const later = T0 + NEW_CONTACTS_PER_DAY * 120_000;
  assert.equal((await limits.check('nancy', later, stranger))?.status, 429);
  assert.equal(await limits.check('nancy', later, known), null);
  assert.equal(await limits.check('nancy', T0 + 24 * 3600 * 1000 + 1, stranger), null, 'a day later');
});
