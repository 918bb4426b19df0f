import { problems, type ModuleContext } from '@meetcute/core';
import {
  BY_SITE,
  MemberSuspended,
  MemberWarned,
  SuspensionAppealed,
  SuspensionLifted,
  WarningRead,
} from './events.ts';
import { appealOf, endedSuspensions, sanctionOf, warningsOf, type ModerationTables } from './store.ts';

export const REASON_MIN = 3;
export const REASON_MAX = 500;
/** The longest suspension; anything longer is a ban, which says so. */
export const MAX_DAYS = 365;
export const APPEAL_MAX = 2000;
/** A hold lasts a week unless a moderator lifts it sooner (or makes it a suspension or ban). */
const HOLD_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface Commands {
  /** Suspends for `days`, or bans when `days` is null; a sanction in force is replaced. */
  suspend(moderatorId: string, memberId: string, reason: string, days: number | null): Promise<string | null>;
  lift(moderatorId: string, memberId: string, reason: string): Promise<void>;
  warn(moderatorId: string, memberId: string, reason: string): Promise<string>;
  read(memberId: string, warningId: string): Promise<void>;
  /** A suspended member's one appeal of the sanction in force. */
  appeal(memberId: string, text: string): Promise<void>;
  /** Holds a member for review for a week, by the site, unless a sanction is in force. */
  hold(memberId: string, reason: string): Promise<boolean>;
  /** Lifts every suspension whose time is up; answers how many. */
  liftEnded(): Promise<number>;
}

function checkReason(reason: string): string {
  const text = reason.trim();
  if (text.length < REASON_MIN || text.length > REASON_MAX) {
    throw problems.invalid([
      {
        field: 'reason',
        message: `Say why in ${REASON_MIN} to ${REASON_MAX} characters: the member reads it.`,
      },
    ]);
  }
  return text;
}

/**
 * What moderators do to members. `exists` says whether a member id is a member's: the
 * moderation module keeps no member list of its own.
 */
export function commands(
  ctx: ModuleContext<ModerationTables>,
  exists: (memberId: string) => Promise<boolean>,
): Commands {
  const moderation: Moderation = { ctx, exists };
  return {
    suspend: (moderatorId, memberId, reason, days) =>
      suspend(moderation, moderatorId, memberId, reason, days),
    lift: (moderatorId, memberId, reason) => lift(moderation, moderatorId, memberId, reason),
    warn: (moderatorId, memberId, reason) => warn(moderation, moderatorId, memberId, reason),
    read: (memberId, warningId) => read(ctx, memberId, warningId),
    appeal: (memberId, text) => appeal(ctx, memberId, text),
    hold: (memberId, reason) => hold(ctx, memberId, reason),
    liftEnded: () => liftEnded(ctx),
  };
}

/** What the moderators' commands share: the module, and how to tell a member id from a stranger's. */
interface Moderation {
  ctx: ModuleContext<ModerationTables>;
  exists: (memberId: string) => Promise<boolean>;
}

/** The member a moderator acts on: someone else, and a member. */
async function target({ exists }: Moderation, moderatorId: string, memberId: string): Promise<void> {
  if (moderatorId === memberId)
    throw problems.forbidden('No one moderates themselves: ask another moderator.');
  if (!(await exists(memberId))) throw problems.notFound('This member');
}

async function suspend(
  moderation: Moderation,
  moderatorId: string,
  memberId: string,
  reason: string,
  days: number | null,
): Promise<string | null> {
  const { ctx } = moderation;
  const why = checkReason(reason);
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
    throw problems.invalid([
      { field: 'days', message: `A suspension lasts 1 to ${MAX_DAYS} days; longer is a ban.` },
    ]);
  }
  await target(moderation, moderatorId, memberId);
  const until = days === null ? null : new Date(ctx.clock.now().getTime() + days * DAY_MS).toISOString();
  await ctx.transaction(async (tx) => {
    await tx.publish(
      MemberSuspended,
      { memberId, moderatorId, reason: why, until },
      { actorId: moderatorId },
    );
  });
  return until;
}

async function lift(
  moderation: Moderation,
  moderatorId: string,
  memberId: string,
  reason: string,
): Promise<void> {
  const { ctx } = moderation;
  const why = checkReason(reason);
  await target(moderation, moderatorId, memberId);
  if (!(await sanctionOf(ctx.db, memberId))) {
    throw problems.conflict('not-suspended', 'Not suspended', 'This member is neither suspended nor banned.');
  }
  await ctx.transaction(async (tx) => {
    await tx.publish(SuspensionLifted, { memberId, moderatorId, reason: why }, { actorId: moderatorId });
  });
}

async function warn(
  moderation: Moderation,
  moderatorId: string,
  memberId: string,
  reason: string,
): Promise<string> {
  const { ctx } = moderation;
  const why = checkReason(reason);
  await target(moderation, moderatorId, memberId);
  const warningId = ctx.ids.next();
  await ctx.transaction(async (tx) => {
    await tx.publish(
      MemberWarned,
      { warningId, memberId, moderatorId, reason: why },
      { actorId: moderatorId },
    );
  });
  return warningId;
}

async function read(
  ctx: ModuleContext<ModerationTables>,
  memberId: string,
  warningId: string,
): Promise<void> {
  const unread = await warningsOf(ctx.db, memberId, true);
  // Reading one already read (a second tab, a double click) changes nothing.
  if (!unread.some((w) => w.id === warningId)) {
    const all = await warningsOf(ctx.db, memberId);
    if (all.some((w) => w.id === warningId)) return;
    throw problems.notFound('This warning');
  }
  await ctx.transaction(async (tx) => {
    await tx.publish(WarningRead, { warningId, memberId }, { actorId: memberId });
  });
}

async function appeal(ctx: ModuleContext<ModerationTables>, memberId: string, text: string): Promise<void> {
  const words = text.trim();
  if (words.length < REASON_MIN || [...words].length > APPEAL_MAX) {
    throw problems.invalid([
      { field: 'text', message: `Say why in ${REASON_MIN} to ${APPEAL_MAX} characters.` },
    ]);
  }
  const sanction = await sanctionOf(ctx.db, memberId);
  if (!sanction) throw problems.conflict('not-suspended', 'Not suspended', 'There is nothing to appeal.');
  if (await appealOf(ctx.db, memberId, sanction.at)) {
    throw problems.conflict(
      'already-appealed',
      'Already appealed',
      'You appealed this decision already: the moderators have your words.',
    );
  }
  await ctx.transaction(async (tx) => {
    await tx.publish(SuspensionAppealed, { memberId, text: words }, { actorId: memberId });
  });
}

async function hold(
  ctx: ModuleContext<ModerationTables>,
  memberId: string,
  reason: string,
): Promise<boolean> {
  const until = new Date(ctx.clock.now().getTime() + HOLD_DAYS * DAY_MS).toISOString();
  return ctx.transaction(async (tx) => {
    if (await sanctionOf(tx.db, memberId)) return false;
    await tx.publish(MemberSuspended, { memberId, moderatorId: BY_SITE, reason, until }, { actorId: null });
    return true;
  });
}

async function liftEnded(ctx: ModuleContext<ModerationTables>): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let lifted = 0;
  for (const memberId of await endedSuspensions(ctx.db, now)) {
    await ctx.transaction(async (tx) => {
      // Checked again inside: another node's sweep may have lifted it a moment ago.
      const sanction = await sanctionOf(tx.db, memberId);
      if (!sanction?.until || sanction.until > now) return;
      await tx.publish(
        SuspensionLifted,
        { memberId, moderatorId: null, reason: 'The suspension ended.' },
        { actorId: null },
      );
      lifted++;
    });
  }
  return lifted;
}

/** How often suspensions whose time is up are looked for. */
const SWEEP_MS = 60 * 1000;

/** Lifts the suspensions whose time is up, every minute until the app closes. */
export function sweepEndedSuspensions(ctx: ModuleContext<ModerationTables>, run: Commands): void {
  const sweep = setInterval(() => {
    run
      .liftEnded()
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'ended suspensions not lifted'));
  }, SWEEP_MS);
  sweep.unref();
  ctx.onClose(() => {
    clearInterval(sweep);
    return Promise.resolve();
  });
}
