import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stamp } from './pages.ts';

// Stamps in the conversation list and under each message, where the viewer lives.
const NOW = new Date('2026-12-06T18:00:00.000Z');

test('a message from today is stamped with its time alone', () => {
  assert.equal(stamp('2026-12-06T08:05:00.000Z', NOW, 'Europe/Stockholm', 'en'), '09:05');
});

test('a message from earlier this year is stamped with its day, month and time', () => {
  assert.equal(stamp('2026-03-01T08:05:00.000Z', NOW, 'Europe/Stockholm', 'en'), '1 Mar 09:05');
});

test('a message from another year says the year, so last December does not read as this one', () => {
  assert.equal(stamp('2025-12-01T19:19:00.000Z', NOW, 'Europe/Stockholm', 'en'), '1 Dec 2025, 20:19');
  assert.equal(stamp('2025-12-01T19:19:00.000Z', NOW, 'Europe/Helsinki', 'fi'), '1.12.2025 klo 21.19');
});

test('the year is the viewer’s: New Year’s Eve in UTC is already next year in Helsinki', () => {
  const newYear = new Date('2027-01-02T10:00:00.000Z');
  assert.equal(stamp('2026-12-31T22:30:00.000Z', newYear, 'Europe/Helsinki', 'sv'), '1 jan. 00:30');
});
