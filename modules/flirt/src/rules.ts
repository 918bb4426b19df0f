import { dateIn } from '@meetcute/core';

/** How many flirts a member may send to the same member in one of their days. */
export const FLIRTS_PER_MEMBER_PER_DAY = 1;
/** How many flirts a member may send in one of their days, to anyone. */
export const FLIRTS_PER_DAY = 20;

/**
 * How far back a flirt can still have been sent "today" in some time zone: a calendar
 * day lasts at most 25 hours (a DST change), so two days back is always enough.
 */
export const TODAY_LOOKBACK_MS = 48 * 60 * 60 * 1000;

/** A flirt the sender sent earlier, as the limits see it. */
export interface SentFlirt {
  recipientId: string;
  sentAt: string;
}

/** Why a flirt is refused: the same member again today, or today's budget is used up. */
export type Refusal = 'flirt-limit' | 'flirt-budget';

/** The sender's calendar day at a moment, where the sender lives. */
export function senderDay(timeZone: string, at: Date): string {
  return dateIn(timeZone, at);
}

/** The flirts among `sent` that fall on the same calendar day as `now` in the sender's time zone. */
export function sentToday(sent: readonly SentFlirt[], timeZone: string, now: Date): SentFlirt[] {
  const today = senderDay(timeZone, now);
  return sent.filter((f) => senderDay(timeZone, new Date(f.sentAt)) === today);
}

/**
 * Whether one more flirt to `recipientId` is allowed, given what the sender sent today.
 * The same member again is the more specific (and more useful) reason, so it wins.
 */
export function refusal(today: readonly SentFlirt[], recipientId: string): Refusal | null {
  const toThem = today.filter((f) => f.recipientId === recipientId).length;
  if (toThem >= FLIRTS_PER_MEMBER_PER_DAY) return 'flirt-limit';
  if (today.length >= FLIRTS_PER_DAY) return 'flirt-budget';
  return null;
}

/** The limit messages, in the API's words (pages translate them). */
export function refusalDetail(reason: Refusal, nickname: string): string {
  return reason === 'flirt-limit'
    ? `You already flirted with ${nickname} today. Try again tomorrow.`
    : `You have used today's ${FLIRTS_PER_DAY} flirts. More tomorrow.`;
}
