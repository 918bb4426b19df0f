import { setTimeout as delay } from 'node:timers/promises';
import { NobodyAnswered, Problem, type FieldProblem, type ModuleContext } from '@meetcute/core';
import { CHAT_GROUPS, groupOf } from './groups.ts';
import type { ChatTables, Message } from './store.ts';

/** A send as it travels to the node that owns its conversation's group. */
export interface ForwardedSend {
  senderId: string;
  recipientId: string;
  text: string;
}

/** The owner's answer: the committed message, or the problem that refused it. */
type Answer =
  | { message: Message }
  | { problem: { status: number; type: string; title: string; detail?: string; errors?: FieldProblem[] } };

/**
 * Which node writes each conversation. Conversations hash into chat groups (groups.ts);
 * each group is a shared lease (delivery/leases.ts: PostgreSQL advisory locks, spread
 * evenly over the nodes), and its holder serves the group's subject on the broker. A
 * node sends a message itself when it holds the group, and otherwise asks the holder
 * over the broker and answers what the holder answers: the message only once the holder
 * has committed it. Alone, a node holds every group.
 */
export interface ChatGroups {
  /** Whether this node writes the conversation's messages now. */
  owns(conversationId: string): boolean;
  /** Sends through the node that holds the conversation's group; resolves once committed there. */
  forward(conversationId: string, send: ForwardedSend): Promise<Message>;
  /** What this node does with the sends other nodes forward to it: sends them itself. */
  answer(sendHere: (send: ForwardedSend) => Promise<Message>): void;
}

/** While a group moves (a node joined, or its holder died) nobody serves it for a moment: ask again for this long. */
const HANDOVER_TRIES = 16;
const HANDOVER_PAUSE_MS = 250;
/** How long the holder may take to commit before the sender is told it is not known whether it went through. */
const ANSWER_MS = 8000;

const subjectOf = (group: number) => `meetcute.chat.group.${group}`;

export function chatGroups(ctx: ModuleContext<ChatTables>): ChatGroups {
  let sendHere: ((send: ForwardedSend) => Promise<Message>) | null = null;
  const serving = new Map<number, () => void>();
  const answer = async (data: unknown): Promise<Answer> => {
    const send = forwarded(data);
    if (!send || !sendHere) return { problem: notOwner().toJSON() };
    try {
      return { message: await sendHere(send) };
    } catch (error) {
      if (error instanceof Problem) return { problem: { ...error.toJSON(), errors: error.errors } };
      ctx.logger.error({ err: error }, 'a forwarded message failed');
      return { problem: notSent().toJSON() };
    }
  };
  // Serve exactly the groups held: a group handed back stops being served at once.
  const follow = () => {
    for (const [group, stop] of serving) {
      if (leases.holds(group)) continue;
      stop();
      serving.delete(group);
    }
    for (const group of leases.held()) {
      if (!serving.has(group)) serving.set(group, ctx.broker.serve(subjectOf(group), answer));
    }
  };
  const leases = ctx.sharedLeases('groups', CHAT_GROUPS, follow);
  return {
    owns: (conversationId) => leases.holds(groupOf(conversationId, leases.count)),
    forward: (conversationId, send) => forward(ctx, subjectOf(groupOf(conversationId, leases.count)), send),
    answer(here) {
      sendHere = here;
    },
  };
}

async function forward(
  ctx: ModuleContext<ChatTables>,
  subject: string,
  send: ForwardedSend,
): Promise<Message> {
  for (let tries = 1; ; tries++) {
    try {
      const reply = (await ctx.broker.request(subject, send, ANSWER_MS)) as Answer;
      if ('message' in reply) return reply.message;
      const { status, type, title, detail, errors } = reply.problem;
      throw new Problem(status, type.slice(type.lastIndexOf('/') + 1), title, detail, errors);
    } catch (error) {
      if (!(error instanceof NobodyAnswered)) throw error;
      // This node cannot reach the others now: nothing was sent, and asking again will not help soon.
      if (error.away) throw notSent();
      // Asked and not answered: the holder may have committed it, so it must not be sent twice.
      if (error.served) throw notKnown();
      if (tries >= HANDOVER_TRIES) throw notOwner();
      await delay(HANDOVER_PAUSE_MS);
    }
  }
}

/** A forwarded send as the holder reads it, or null when it is not one. */
function forwarded(data: unknown): ForwardedSend | null {
  if (typeof data !== 'object' || data === null) return null;
  const { senderId, recipientId, text } = data as Record<string, unknown>;
  if (typeof senderId !== 'string' || typeof recipientId !== 'string' || typeof text !== 'string')
    return null;
  return { senderId, recipientId, text };
}

/** Nobody holds the conversation's group now (it is moving to another node). */
export function notOwner(): Problem {
  return new Problem(
    503,
    'not-owner',
    'Try again in a moment',
    'This conversation is moving to another server. Send the message again.',
  );
}

function notKnown(): Problem {
  return new Problem(
    503,
    'not-confirmed',
    'Not confirmed',
    'The server that keeps this conversation did not answer in time. Reload the conversation to see whether the message arrived before sending it again.',
  );
}

function notSent(): Problem {
  return new Problem(503, 'not-sent', 'Try again in a moment', 'The message was not sent. Send it again.');
}
