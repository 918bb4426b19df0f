import { problems, type Problem } from '@meetcute/core';

/** Messages a member may send in a minute: a person typing never gets near it, a script does. */
export const MESSAGES_PER_MINUTE = 20;
/** Conversations a member may start in a day: enough to meet people, too few to spam them all. */
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

  /** The problem to answer, or null: `isNew` is asked only when the day's conversations are used up. */
  async check(senderId: string, now: number, isNew: () => Promise<boolean>): Promise<Problem | null> {
    const sent = recent(this.#sent, senderId, now - MINUTE_MS);
    if (sent.length >= MESSAGES_PER_MINUTE) {
      return problems.tooMany('You are sending messages very fast. Wait a minute, then go on.');
    }
    const started = recent(this.#started, senderId, now - DAY_MS);
    if (started.length >= NEW_CONTACTS_PER_DAY && (await isNew())) {
      return problems.tooMany(
        `You started ${NEW_CONTACTS_PER_DAY} conversations today. Write to those you know, or start new ones tomorrow.`,
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
