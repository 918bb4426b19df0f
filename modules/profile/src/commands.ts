import { problems, type ModuleContext, type Tx } from '@meetcute/core';
import {
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  AboutMeSubmitted,
  ProfilePropertiesChanged,
} from './events.ts';
import { checkProperties, sameProperties, type PropertiesInput } from './properties.ts';
import { checkAboutMe, checkReason } from './rules.ts';
import { findProfileForUpdate, type Profile, type ProfileTables } from './store.ts';

/**
 * The profile commands, shared by the JSON API and the pages so both enforce exactly
 * the same rules. Each throws a Problem the caller can show as it is.
 */
export interface Commands {
  /** Sends a new about-me for review; `pending` is false when there is nothing to review. */
  editAboutMe(memberId: string, text: string): Promise<{ pending: boolean }>;
  /** Sets what the member tells of their properties (all of it: a blank is not telling); others see it at once. */
  setProperties(memberId: string, input: PropertiesInput): Promise<void>;
  approve(moderatorId: string, memberId: string): Promise<void>;
  reject(moderatorId: string, memberId: string, reason: string): Promise<void>;
  /** Takes a reported about-me text down (the reports queue checked the reason); nothing to do when there is none. */
  removeAboutMe(moderatorId: string, memberId: string, reason: string): Promise<void>;
}

/** Runs a review of the change waiting on a member's profile, in one transaction with the read. */
async function review(
  ctx: ModuleContext<ProfileTables>,
  moderatorId: string,
  memberId: string,
  decide: (tx: Tx<ProfileTables>, profile: Profile) => Promise<void>,
) {
  if (moderatorId === memberId) throw problems.forbidden('Another moderator must review your own about-me.');
  await ctx.transaction(async (tx) => {
    const profile = await findProfileForUpdate(tx.db, ctx.dialect, memberId);
    if (!profile) throw problems.notFound('This profile');
    if (profile.pendingAboutMe === null) {
      throw problems.conflict(
        'nothing-to-review',
        'Nothing to review',
        'This member has no about-me change waiting; another moderator may have reviewed it already.',
      );
    }
    await decide(tx, profile);
  });
}

export function commands(ctx: ModuleContext<ProfileTables>): Commands {
  const submitted = ctx.metrics.counter('about_me_changes', 'About-me changes sent for review');

  return {
    async editAboutMe(memberId, input) {
      const { text, errors } = checkAboutMe(input);
      if (errors.length > 0) throw problems.invalid(errors);
      const result = await ctx.transaction(async (tx) => {
        const profile = await findProfileForUpdate(tx.db, ctx.dialect, memberId);
        if (!profile) throw problems.notFound('Your profile');
        if (text === profile.aboutMe) {
          // Back to the approved text: withdraw a waiting change, if any; nothing for a moderator to read.
          if (profile.pendingAboutMe !== null)
            await tx.publish(AboutMeSubmitted, { memberId, text }, { actorId: memberId });
          return { pending: false, sent: false };
        }
        // The same text again keeps its place in the queue.
        if (text === profile.pendingAboutMe) return { pending: true, sent: false };
        await tx.publish(AboutMeSubmitted, { memberId, text }, { actorId: memberId });
        return { pending: true, sent: true };
      });
      if (result.sent) submitted.inc();
      return { pending: result.pending };
    },

    async setProperties(memberId, input) {
      const { properties, errors } = checkProperties(input);
      if (errors.length > 0) throw problems.invalid(errors);
      await ctx.transaction(async (tx) => {
        const profile = await findProfileForUpdate(tx.db, ctx.dialect, memberId);
        if (!profile) throw problems.notFound('Your profile');
        if (sameProperties(profile.properties, properties)) return;
        await tx.publish(ProfilePropertiesChanged, { memberId, properties }, { actorId: memberId });
      });
    },

    approve(moderatorId, memberId) {
      return review(ctx, moderatorId, memberId, async (tx, profile) => {
        await tx.publish(
          AboutMeApproved,
          { memberId, moderatorId, text: profile.pendingAboutMe ?? '' },
          { actorId: moderatorId },
        );
      });
    },

    async reject(moderatorId, memberId, reason) {
      const errors = checkReason(reason);
      if (errors.length > 0) throw problems.invalid(errors);
      await review(ctx, moderatorId, memberId, async (tx) => {
        await tx.publish(
          AboutMeRejected,
          { memberId, moderatorId, reason: reason.trim() },
          { actorId: moderatorId },
        );
      });
    },

    async removeAboutMe(moderatorId, memberId, reason) {
      if (moderatorId === memberId)
        throw problems.forbidden('No one moderates themselves: ask another moderator.');
      await ctx.transaction(async (tx) => {
        const profile = await findProfileForUpdate(tx.db, ctx.dialect, memberId);
        if (!profile || (profile.aboutMe === '' && profile.pendingAboutMe === null)) return;
        await tx.publish(AboutMeRemoved, { memberId, moderatorId, reason }, { actorId: moderatorId });
      });
    },
  };
}
