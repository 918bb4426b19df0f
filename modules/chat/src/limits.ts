import { problems, type Problem } from '@meetcute/core';

/**
 * The defaults (MEETCUTE_CHAT_MESSAGES_PER_MINUTE, …_NEW_CONTACTS_PER_DAY): twenty messages a
 * minute, which a person typing never reaches and a script does; twenty new conversations
 * a day, enough to meet people and too few to spam them all.
 */
export const MESSAGES_PER_MINUTE = 20;
export const NEW_CONTACTS_PER_DAY = 20;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * How fast a member sends, and how many conversations they started lately, on this node.
 * A limit is a brake, not a record: it lives in memory (a restart forgets it, and on a
 * cluster each node brakes on its own), so checking it costs a send nothing.
 */
export class SendLimits {
  readonly #sent = new Map<string, number[]>();
  readonly #started = new Map<string, number[]>();
  readonly #perMinute: number;
  readonly #perDay: number;

  constructor(perMinute = MESSAGES_PER_MINUTE, newContactsPerDay = NEW_CONTACTS_PER_DAY) {
    this.#perMinute = perMinute;
    this.#perDay = newContactsPerDay;
  }

  /** The problem to answer, or null: `isNew` is asked only when the day's conversations are used up. */
  async check(senderId: string, now: number, isNew: () => Promise<boolean>): Promise<Problem | null> {
    const sent = recent(this.#sent, senderId, now - MINUTE_MS);
    if (sent.length >= this.#perMinute) {
      return problems.tooMany('You are sending messages very fast. Wait a minute, then go on.');
    }
    const started = recent(this.#started, senderId, now - DAY_MS);
    if (started.length >= this.#perDay && (await isNew())) {
      return problems.tooMany(
        `You started ${this.#perDay} conversations today. Write to those you know, or start new ones tomorrow.`,
      );
    }
    return null;
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
