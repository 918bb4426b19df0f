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

/** What deciding a flirt needs, read in the sending transaction. */
export interface FlirtState {
  senderId: string;
  recipientId: string;
  /** The recipient's nickname when they are an approved member, else undefined. */
  recipient: string | undefined;
  /** The recipient blocked the sender, or is suspended: to the sender they are not there. */
  hiddenFromSender: boolean;
  /** The sender blocked the recipient. */
  senderBlocked: boolean;
  /** What the sender sent today, in their own time zone (sentToday). */
  today: readonly SentFlirt[];
}

/** Why a flirt is not sent; the command maps each to its HTTP answer at the edge. */
export type FlirtRefusal = 'self' | 'not-found' | 'blocked' | Refusal;

export type FlirtDecision =
  | { sent: { senderId: string; recipientId: string }; refused?: undefined }
  | { refused: FlirtRefusal; sent?: undefined };

/**
 * The flirt rule, decided from facts alone: to oneself never; to someone not there (or
 * hidden by their block or a suspension) as if they were not; past one's own block never;
 * then the day's limits. The checks run in this order, so a hidden member is never told
 * apart from one who does not exist.
 */
export function decideFlirt(state: FlirtState): FlirtDecision {
  const { senderId, recipientId } = state;
  if (senderId === recipientId) return { refused: 'self' };
  if (state.recipient === undefined || state.hiddenFromSender) return { refused: 'not-found' };
  if (state.senderBlocked) return { refused: 'blocked' };
  const limit = refusal(state.today, recipientId);
  if (limit) return { refused: limit };
  return { sent: { senderId, recipientId } };
}
