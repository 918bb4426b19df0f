import type { FieldProblem } from '@meetcute/core';
import { MAX_MESSAGE_LENGTH } from './events.ts';

/** How many messages a conversation page shows at first, and each older page. */
export const MESSAGES_PER_PAGE = 75;
/** Conversations per page of the list. */
export const CONVERSATIONS_PER_PAGE = { default: 30, max: 100 };
/** A sender's pages send "is typing" at most this often, and a page hides it after the longer wait. */
export const TYPING = { everyMs: 3000, hideAfterMs: 5000 };

export { conversationIdOf } from './events.ts';

/** How a person counts characters: an emoji is one, not two UTF-16 units. */
export const characters = (text: string): number => [...text].length;

/**
 * A message as it will be kept: Windows line ends made plain and blank space around it
 * dropped (a person never means to send that); the lines inside stay as typed.
 */
export function messageBody(raw: string): { body: string } | { problem: FieldProblem } {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '') return { problem: { field: 'body', message: 'Write something first.' } };
  const n = characters(body);
  if (n > MAX_MESSAGE_LENGTH) {
    return {
      problem: {
        field: 'body',
        message: `A message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has ${n}.`,
      },
    };
  }
  return { body };
}

/** A member's preview of a message in the list: the first line, cut to a phone's width. */
export function preview(body: string, max = 80): string {
  const line = body.split('\n', 1)[0] ?? '';
  const chars = [...line];
  return chars.length > max
    ? `${chars.slice(0, max - 1).join('')}…`
    : line + (body.includes('\n') ? ' …' : '');
}
