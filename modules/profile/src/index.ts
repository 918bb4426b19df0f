import { ageIn, defineModule } from '@meetcute/core';
import { RegistrationApproved, type Gender, type Place } from '@meetcute/registration';
import { blockedPairsMigration, blockEvents, honourBlocks, BLOCKED_PAIRS } from '@meetcute/block/events';
import { events, ownEvents, ProfileViewed } from './events.ts';
import { findProfile, migrations, projections, project } from './store.ts';
import { commands } from './commands.ts';
import { profileReads } from './views.ts';
import { profileRoutes } from './routes.ts';
import { profilePages } from './pages.ts';
import { useCases } from './use-cases.ts';

export { AboutMeSubmitted, AboutMeApproved, AboutMeRejected, ProfileViewed } from './events.ts';

/** The service key under which other modules find members' public profile facts. */
export const PROFILES = 'profiles';

/** What anyone who may see a member learns about them: no birthday, no pending or rejected text. */
export interface PublicProfile {
  memberId: string;
  nickname: string;
  gender: Gender;
  /** Whole years today where the member lives. */
  age: number;
  city: Place;
  /** The approved text. */
  aboutMe: string;
}

/**
 * Approved members' public profile facts, for modules that show a member (alerts,
 * search cards, visitors). Who may see whom (blocks) is the caller's to check.
 */
export interface ProfileDirectory {
  /** The member's public facts, or undefined if they have no approved profile. */
  get(memberId: string): Promise<PublicProfile | undefined>;
}

/**
 * Member profiles: what others see of an approved member, and about-me edits that
 * others see only once a moderator approved them.
 */
export const profile = defineModule({
  name: 'profile',
  description:
    'Profiles of approved members (age, city, distance, about-me) and the review of about-me changes.',
  publishes: events,
  consumes: [RegistrationApproved, ...ownEvents, ...blockEvents],
  migrations: [...migrations, blockedPairsMigration],
  projections: [...projections, BLOCKED_PAIRS],
  useCases,
  register(ctx) {
    project(ctx);
    const now = () => ctx.clock.now();
    const run = commands(ctx);
    honourBlocks(ctx);
    // Opening someone's profile is a visit; the visits module turns these into "who visited me".
    const reads = profileReads(ctx.db, now, async (viewerId, memberId) => {
      await ctx.transaction((tx) => tx.publish(ProfileViewed, { viewerId, memberId }, { actorId: viewerId }));
    });
    ctx.services.provide<ProfileDirectory>(PROFILES, {
      async get(memberId) {
        const found = await findProfile(ctx.db, memberId);
        if (!found) return undefined;
        return {
          memberId: found.memberId,
          nickname: found.nickname,
          gender: found.gender,
          age: ageIn(found.city.timeZone, found.birthday, now()),
          city: found.city,
          aboutMe: found.aboutMe,
        };
      },
    });
    profileRoutes(ctx.http, ctx.db, run, reads);
    profilePages(ctx.http, ctx.db, run, reads, ctx.services);
  },
});
