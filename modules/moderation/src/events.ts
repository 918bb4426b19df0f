import { Type } from 'typebox';
import { defineEvent, defineService } from '@meetcute/core';

export const MemberSuspended = defineEvent({
  type: 'MemberSuspended',
  module: 'moderation',
  description:
    'A moderator suspended a member until a time, or banned them (until null). At once: their sessions end, their live channels close, and every module hides them as if everyone had blocked them.',
  schema: Type.Object({
    memberId: Type.String(),
    moderatorId: Type.String(),
    reason: Type.String(),
    until: Type.Union([Type.String(), Type.Null()]),
  }),
});

export const SuspensionLifted = defineEvent({
  type: 'SuspensionLifted',
  module: 'moderation',
  description:
    'A suspension or ban ended: lifted by a moderator, or its time ran out (moderatorId null). The member can log in and is seen again.',
  schema: Type.Object({
    memberId: Type.String(),
    moderatorId: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
  }),
});

export const MemberWarned = defineEvent({
  type: 'MemberWarned',
  module: 'moderation',
  description:
    'A moderator warned a member; the warning stands in front of their next page until they read it.',
  schema: Type.Object({
    warningId: Type.String(),
    memberId: Type.String(),
    moderatorId: Type.String(),
    reason: Type.String(),
  }),
});

export const WarningRead = defineEvent({
  type: 'WarningRead',
  module: 'moderation',
  description: 'A member said they read a warning.',
  schema: Type.Object({ warningId: Type.String(), memberId: Type.String() }),
});

export const SuspensionAppealed = defineEvent({
  type: 'SuspensionAppealed',
  module: 'moderation',
  description:
    'A suspended or banned member appealed, once for that decision, in their own words; moderators read it with the member’s standing.',
  schema: Type.Object({ memberId: Type.String(), text: Type.String() }),
});

export const events = [MemberSuspended, SuspensionLifted, MemberWarned, WarningRead, SuspensionAppealed];

/**
 * What moderation offers reports under HOLDS: a member reported by several people in a
 * short time is held (suspended for a week, by the site) until a moderator looks.
 */
export const HOLDS = defineService<Holds>('moderation.holds');
export interface Holds {
  /** Holds the member unless a sanction is already in force; answers whether it did. */
  hold(memberId: string, reason: string): Promise<boolean>;
}
/** The moderator id of what the site decides by itself (a hold; the log says "the site"). */
export const BY_SITE = '';

/** A suspension and a ban, as the events carry them: a ban has no end. */
export const sanctionEvents = [MemberSuspended, SuspensionLifted];
