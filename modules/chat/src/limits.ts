/**
 * The defaults (MEETCUTE_CHAT_MESSAGES_PER_MINUTE, …_NEW_CONTACTS_PER_DAY): twenty messages a
 * minute, which a person typing never reaches and a script does; twenty new conversations
 * a day, enough to meet people and too few to spam them all.
 */
export const MESSAGES_PER_MINUTE = 20;
export const NEW_CONTACTS_PER_DAY = 20;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** How far the brakes let a member go (the chat configuration has the same shape). */
export interface Brakes {
  messagesPerMinute: number;
  newContactsPerDay: number;
}

/** What a sender did lately on this node, as the brakes count it. */
export interface Pace {
  /** Messages sent in the last minute. */
  sentLastMinute: number;
  /** Conversations started in the last day. */
  startedLastDay: number;
}

/** Which brake holds a message back: sending too fast, or starting too many conversations in a day. */
export type Braked = 'too-fast' | 'too-many-new';

/**
 * Whether one more message may go at this pace: too fast never; a new conversation only
 * while the day's are not used up (writing to someone one already talks with always goes).
 */
export function braked(pace: Pace, brakes: Brakes, startsConversation: boolean): Braked | null {
  if (pace.sentLastMinute >= brakes.messagesPerMinute) return 'too-fast';
  if (startsConversation && pace.startedLastDay >= brakes.newContactsPerDay) return 'too-many-new';
  return null;
}

/**
 * How fast a member sends, and how many conversations they started lately, on this node.
 * A limit is a brake, not a record: it lives in memory (a restart forgets it, and on a
 * cluster each node brakes on its own), so reading it costs a send nothing.
 */
export class SendLimits {
  readonly #sent = new Map<string, number[]>();
  readonly #started = new Map<string, number[]>();
  readonly brakes: Brakes;

  constructor(
    brakes: Brakes = { messagesPerMinute: MESSAGES_PER_MINUTE, newContactsPerDay: NEW_CONTACTS_PER_DAY },
  ) {
    this.brakes = {
      messagesPerMinute: brakes.messagesPerMinute,
      newContactsPerDay: brakes.newContactsPerDay,
    };
  }

  /** The sender's pace at `now`, forgetting what has fallen out of the windows. */
  pace(senderId: string, now: number): Pace {
    return {
      sentLastMinute: recent(this.#sent, senderId, now - MINUTE_MS).length,
      startedLastDay: recent(this.#started, senderId, now - DAY_MS).length,
    };
  }

  record(senderId: string, now: number, startedConversation: boolean): void {
    push(this.#sent, senderId, now, now - MINUTE_MS);
    if (startedConversation) push(this.#started, senderId, now, now - DAY_MS);
  }
}

function recent(times: Map<string, number[]>, key: string, after: number): number[] {
  const list = (times.get(key) ?? []).filter((t) => t > after);
  if (list.length === 0) times.delete(key);
  else times.set(key, list);
  return list;
}

function push(times: Map<string, number[]>, key: string, now: number, after: number): void {
  times.set(key, [...recent(times, key, after), now]);
}
