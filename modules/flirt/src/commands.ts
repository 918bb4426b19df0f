import { sql } from 'kysely';
import { Problem, type ModuleContext } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import { forgetInView } from '@meetcute/auth/events';
import { FlirtSent } from './events.ts';
import {
  decideFlirt,
  FLIRTS_PER_MEMBER_PER_DAY,
  refusal,
  refusalDetail,
  sentToday,
  TODAY_LOOKBACK_MS,
  type FlirtRefusal,
  type Refusal,
} from './rules.ts';
import { hasBlocked, isSuspended, pairRefused } from '@meetcute/block';
import { hasFlirted, latestSentBy, sentSince, type Tables } from './store.ts';

export interface Flirted {
  flirtId: string;
  recipientId: string;
  sentAt: string;
  /** The recipient had flirted with the sender before: they like each other. */
  mutual: boolean;
}

/** A limit that refused a flirt, with what the page needs to say so in the member's language. */
export class FlirtRefused extends Problem {
  readonly reason: Refusal;
  constructor(reason: Refusal, nickname: string) {
    super(
      429,
      reason,
      reason === 'flirt-limit' ? 'Already flirted today' : 'No flirts left today',
      refusalDetail(reason, nickname),
    );
    this.reason = reason;
  }
}

/** The flirt commands and checks, shared by the JSON API, the pages and the flirt button. */
export interface Commands {
  /** Sends a flirt, or throws the Problem that says why not; nothing is published then. */
  flirt(senderId: string, recipientId: string): Promise<Flirted>;
  /**
   * Which of these members the sender has used today's one flirt to (their button shows
   * "Flirted today"), from memory for a whole page.
   */
  flirtedToday(senderId: string, recipientIds: readonly string[]): Promise<Set<string>>;
}

/** A refused flirt as the API and pages answer it. */
function refused(reason: FlirtRefusal, nickname: string): Problem {
  switch (reason) {
    case 'self':
    case 'not-found':
    case 'blocked':
      return pairRefused(reason, {
        self: 'You cannot flirt with yourself.',
        blocked: `You blocked ${nickname}. Unblock to flirt.`,
      });
    case 'flirt-limit':
    case 'flirt-budget':
      return new FlirtRefused(reason, nickname);
  }
}

/**
 * The flirt buttons keep only each member's latest flirt in memory, which tells "flirted
 * today" only while one flirt a day per member is the limit: raising it fails to compile
 * here, where the view would then have to keep that many.
 */
const _latestIsEnough: 1 = FLIRTS_PER_MEMBER_PER_DAY;

export function commands(ctx: ModuleContext<Tables>, profiles: ProfileDirectory): Commands {
  const counter = ctx.metrics.counter('flirts', 'Flirts sent');

  /** The sender's day is counted where they live; a member without a profile yet counts in UTC. */
  const timeZoneOf = async (memberId: string) => (await profiles.get(memberId))?.city.timeZone ?? 'UTC';
  const lookback = (now: Date) => new Date(now.getTime() - TODAY_LOOKBACK_MS).toISOString();
  // Every card's flirt button asks: when the sender last flirted with each member, in memory
  // (enough for the limit: _latestIsEnough).
  const latestSent = ctx.view<ReadonlyMap<string, string>>({
    name: 'latest-sent',
    load: (senderId) => latestSentBy(ctx.db, senderId),
  });
  latestSent.on(FlirtSent, ({ payload: { senderId, recipientId }, occurredAt }, changes) =>
    changes.update(senderId, (held) => {
      const before = held?.get(recipientId);
      return before !== undefined && before >= occurredAt
        ? held
        : new Map(held ?? []).set(recipientId, occurredAt);
    }),
  );
  forgetInView(latestSent);

  return {
    async flirt(senderId, recipientId) {
      const recipient = (await profiles.get(recipientId))?.nickname;
      const timeZone = await timeZoneOf(senderId);
      const flirted = await ctx.transaction(async (tx) => {
        // Two flirts from the same sender at once must not both slip under a limit. SQLite
        // runs one write transaction at a time; PostgreSQL needs a lock per sender.
        if (ctx.dialect === 'postgres') {
          await sql`select pg_advisory_xact_lock(hashtext('flirt'), hashtext(${senderId}))`.execute(tx.db);
        }
        const now = ctx.clock.now();
        const decision = decideFlirt({
          senderId,
          recipientId,
          recipient,
          hiddenFromSender:
            (await hasBlocked(tx.db, recipientId, senderId)) || (await isSuspended(tx.db, recipientId)),
          senderBlocked: await hasBlocked(tx.db, senderId, recipientId),
          today: sentToday(await sentSince(tx.db, senderId, lookback(now)), timeZone, now),
        });
        if (decision.refused) throw refused(decision.refused, recipient ?? '');
        const event = await tx.publish(
          FlirtSent,
          { flirtId: ctx.ids.next(), ...decision.sent },
          { actorId: senderId },
        );
        const mutual = await hasFlirted(tx.db, recipientId, senderId);
        return { flirtId: event.payload.flirtId, recipientId, sentAt: event.occurredAt, mutual };
      });
      counter.inc();
      return flirted;
    },

    async flirtedToday(senderId, recipientIds) {
      if (recipientIds.length === 0) return new Set();
      const latest = (await latestSent.get(senderId)) ?? new Map<string, string>();
      // The latest flirt to each of them is all the rule needs while a member may be flirted
      // with once a day (_latestIsEnough): the same limit as a flirt is decided by.
      const sent = recipientIds.flatMap((recipientId) => {
        const sentAt = latest.get(recipientId);
        return sentAt === undefined ? [] : [{ recipientId, sentAt }];
      });
      if (sent.length === 0) return new Set();
      const today = sentToday(sent, await timeZoneOf(senderId), ctx.clock.now());
      return new Set(recipientIds.filter((id) => refusal(today, id) === 'flirt-limit'));
    },
  };
}
