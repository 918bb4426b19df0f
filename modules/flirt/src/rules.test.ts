import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideFlirt, FLIRTS_PER_DAY, refusal, sentToday, type FlirtState, type SentFlirt } from './rules.ts';

const BOB = 'b';
const others = (n: number, sentAt = '2026-06-01T08:00:00.000Z'): SentFlirt[] =>
  Array.from({ length: n }, (_, i) => ({ recipientId: `m${i}`, sentAt }));

describe('flirt limits', () => {
  test('the first flirt of the day to a member is allowed', () => {
    assert.equal(refusal([], BOB), null);
  });

  test('a second flirt to the same member the same day is refused', () => {
    assert.equal(refusal([{ recipientId: BOB, sentAt: '2026-06-01T08:00:00.000Z' }], BOB), 'flirt-limit');
  });

  test(`up to ${FLIRTS_PER_DAY} flirts a day are allowed, the next is refused`, () => {
    assert.equal(refusal(others(FLIRTS_PER_DAY - 1), BOB), null);
    assert.equal(refusal(others(FLIRTS_PER_DAY), BOB), 'flirt-budget');
    assert.equal(refusal(others(FLIRTS_PER_DAY + 5), BOB), 'flirt-budget');
  });

  test('the same member again is the reason given even when the budget is used up too', () => {
    const today = [...others(FLIRTS_PER_DAY - 1), { recipientId: BOB, sentAt: '2026-06-01T09:00:00.000Z' }];
    assert.equal(refusal(today, BOB), 'flirt-limit');
  });

  test('today is the sender’s calendar day where they live', () => {
    const sent: SentFlirt[] = [
      { recipientId: 'a', sentAt: '2026-06-01T21:30:00.000Z' }, // 1 June 23:30 in Stockholm
      { recipientId: 'b', sentAt: '2026-06-01T22:05:00.000Z' }, // 2 June 00:05 in Stockholm
      { recipientId: 'c', sentAt: '2026-06-02T21:55:00.000Z' }, // 2 June 23:55 in Stockholm
    ];
    const now = new Date('2026-06-02T12:00:00.000Z');
    assert.deepEqual(
      sentToday(sent, 'Europe/Stockholm', now).map((f) => f.recipientId),
      ['b', 'c'],
    );
    // In UTC the same moments fall on other days.
    assert.deepEqual(
      sentToday(sent, 'UTC', now).map((f) => f.recipientId),
      ['c'],
    );
    // Far east of UTC the day starts earlier: at 21:30 UTC on 1 June it is already 2 June in Auckland.
    assert.deepEqual(
      sentToday(sent, 'Pacific/Auckland', new Date('2026-06-01T23:00:00.000Z')).map((f) => f.recipientId),
      ['a', 'b'],
    );
  });
});

// The flirt decider, specified as given (what is known), when (Nancy flirts with Bob),
// then (the flirt to publish, or the refusal the API maps to its answer).
describe('deciding a flirt', () => {
  const NANCY = 'n';
  const given = (facts: Partial<FlirtState> = {}): FlirtState => ({
    senderId: NANCY,
    recipientId: BOB,
    recipient: 'Bob',
    hiddenFromSender: false,
    senderBlocked: false,
    today: [],
    ...facts,
  });

  test('given nothing stands between them, Nancy’s flirt to Bob is sent', () => {
    assert.deepEqual(decideFlirt(given()), { sent: { senderId: NANCY, recipientId: BOB } });
  });

  test('given anything, a flirt to oneself is refused first', () => {
    assert.deepEqual(decideFlirt(given({ recipientId: NANCY, senderBlocked: true })), { refused: 'self' });
  });

  test('given Bob blocked Nancy, is suspended, or is no member, she hears the same: not there', () => {
    for (const facts of [
      { hiddenFromSender: true },
      { recipient: undefined },
      { hiddenFromSender: true, senderBlocked: true },
    ])
      assert.deepEqual(decideFlirt(given(facts)), { refused: 'not-found' });
  });

  test('given Nancy blocked Bob, she is told so (and may unblock)', () => {
    assert.deepEqual(decideFlirt(given({ senderBlocked: true })), { refused: 'blocked' });
  });

  test('given Nancy flirted with Bob today, or used the day’s flirts, the limit refuses', () => {
    const toBob = [{ recipientId: BOB, sentAt: '2026-06-01T08:00:00.000Z' }];
    assert.deepEqual(decideFlirt(given({ today: toBob })), { refused: 'flirt-limit' });
    assert.deepEqual(decideFlirt(given({ today: others(FLIRTS_PER_DAY) })), { refused: 'flirt-budget' });
  });
});
