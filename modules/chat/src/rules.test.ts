import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_MESSAGE_LENGTH } from './events.ts';
import { MESSAGES_PER_MINUTE, NEW_CONTACTS_PER_DAY } from './limits.ts';
import { conversationIdOf, decideSend, type SendState } from './rules.ts';

// The send decider, specified as given (what is known), when (Nancy writes to Bob),
// then (the message to store, or the refusal the API maps to its answer).
describe('deciding a message', () => {
  const NANCY = 'n';
  const BOB = 'b';
  const given = (facts: Partial<SendState> = {}): SendState => ({
    senderId: NANCY,
    recipientId: BOB,
    text: 'Hej Bob!',
    recipient: 'Bob',
    hiddenFromSender: false,
    senderBlocked: false,
    startsConversation: true,
    keptOutBy: null,
    pace: { sentLastMinute: 0, startedLastDay: 0 },
    brakes: { messagesPerMinute: MESSAGES_PER_MINUTE, newContactsPerDay: NEW_CONTACTS_PER_DAY },
    ...facts,
  });
  const stored = (body: string) => ({
    message: { conversationId: conversationIdOf(NANCY, BOB), senderId: NANCY, recipientId: BOB, body },
  });

  test('given nothing stands between them, Nancy’s message to Bob is stored in their conversation', () => {
    assert.deepEqual(decideSend(given()), stored('Hej Bob!'));
  });

  test('given blank space around it and Windows line ends, the message is kept plain, lines and all', () => {
    assert.deepEqual(decideSend(given({ text: '  \r\nHej\r\nBob!\n\n ' })), stored('Hej\nBob!'));
  });

  test('given only blank space, or too many characters, the message is refused before anything else', () => {
    const anything = {
      recipientId: NANCY,
      hiddenFromSender: true,
      pace: { sentLastMinute: 999, startedLastDay: 0 },
    };
    assert.deepEqual(decideSend(given({ text: ' \n\t ', ...anything })), { refused: 'empty' });
    const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 1);
    assert.deepEqual(decideSend(given({ text: long, ...anything })), { refused: 'too-long' });
  });

  test(`given ${MAX_MESSAGE_LENGTH} emoji, the message is stored: a person counts each as one character`, () => {
    const emoji = '😀'.repeat(MAX_MESSAGE_LENGTH);
    assert.deepEqual(decideSend(given({ text: emoji })), stored(emoji));
  });

  test('given anything about the partner, a message to oneself is refused first', () => {
    assert.deepEqual(decideSend(given({ recipientId: NANCY, recipient: undefined, senderBlocked: true })), {
      refused: 'self',
    });
  });

  test('given Bob blocked Nancy, is suspended, or is no member, she hears the same: not there', () => {
    for (const facts of [
      { hiddenFromSender: true },
      { recipient: undefined },
      { hiddenFromSender: true, senderBlocked: true },
      { hiddenFromSender: true, keptOutBy: 'contacts' as const },
    ])
      assert.deepEqual(decideSend(given(facts)), { refused: 'not-found' });
  });

  test('given Nancy blocked Bob, she is told so (and may unblock)', () => {
    assert.deepEqual(decideSend(given({ senderBlocked: true, keptOutBy: 'contacts' })), {
      refused: 'blocked',
    });
  });

  test('given Bob takes new conversations only from his preferences or his contacts, Nancy is told which', () => {
    assert.deepEqual(decideSend(given({ keptOutBy: 'preferences' })), { refused: 'outside-preferences' });
    assert.deepEqual(decideSend(given({ keptOutBy: 'contacts' })), { refused: 'not-a-contact' });
  });

  test('given Nancy and Bob already talk, his choice of who may start does not stop her', () => {
    assert.deepEqual(
      decideSend(given({ startsConversation: false, keptOutBy: 'contacts' })),
      stored('Hej Bob!'),
    );
  });

  test(`given ${MESSAGES_PER_MINUTE} messages in the last minute, the next waits, even to someone she talks with`, () => {
    const pace = { sentLastMinute: MESSAGES_PER_MINUTE, startedLastDay: 0 };
    assert.deepEqual(decideSend(given({ pace, startsConversation: false })), { refused: 'too-fast' });
    const slower = { sentLastMinute: MESSAGES_PER_MINUTE - 1, startedLastDay: 0 };
    assert.deepEqual(decideSend(given({ pace: slower })), stored('Hej Bob!'));
  });

  test(`given ${NEW_CONTACTS_PER_DAY} conversations started today, a new one waits; an ongoing one goes on`, () => {
    const pace = { sentLastMinute: 0, startedLastDay: NEW_CONTACTS_PER_DAY };
    assert.deepEqual(decideSend(given({ pace })), { refused: 'too-many-new' });
    assert.deepEqual(decideSend(given({ pace, startsConversation: false })), stored('Hej Bob!'));
  });

  test('given Bob’s choice keeps Nancy out and she is braked too, his choice is the reason she hears', () => {
    const pace = { sentLastMinute: MESSAGES_PER_MINUTE, startedLastDay: NEW_CONTACTS_PER_DAY };
    assert.deepEqual(decideSend(given({ keptOutBy: 'contacts', pace })), { refused: 'not-a-contact' });
  });
});
