import {
  ageIn,
  currentWork,
  defineModule,
  groupCommit,
  runWithWork,
  type ModuleContext,
  type WorkContext,
  defineService,
} from '@meetcute/core';
import {
  CityChanged,
  NicknameApproved,
  RegistrationApproved,
  type Gender,
  type Place,
} from '@meetcute/registration';
import {
  blockedPairsMigration,
  blockedPairsNaming,
  blockEvents,
  honourBlocks,
  BLOCKED_PAIRS,
} from '@meetcute/block/events';
import { MemberDeleted, honourDeletion } from '@meetcute/auth/events';
import { events, ownEvents, ProfileViewed } from './events.ts';
import type { Properties } from './properties.ts';
import {
  allProfiles,
  findProfile,
  migrations,
  projections,
  project,
  tables,
  type Profile,
  type ProfileTables,
} from './store.ts';
import {
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  AboutMeSubmitted,
  ProfilePropertiesChanged,
} from './events.ts';
import { commands } from './commands.ts';
import { profileReads } from './views.ts';
import { profileRoutes } from './routes.ts';
import { profilePages } from './pages.ts';
import { landing } from './landing.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export {
  AboutMeSubmitted,
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  ProfilePropertiesChanged,
  ProfileViewed,
} from './events.ts';
export {
  CHOICES,
  CHOICE_NAMES,
  SPOKEN,
  HEIGHT_CM,
  describeProperties,
  languageName,
  propertyWords,
  type ChoiceName,
  type Properties,
} from './properties.ts';

/** How the reports queue takes a reported profile's about-me text down (moderator, member, reason). */
export const ABOUT_ME_REMOVAL = defineService<AboutMeRemoval>('profile.about-me-removal');
export type AboutMeRemoval = (memberId: string, moderatorId: string, reason: string) => Promise<void>;

/** The service key under which other modules find members' public profile facts. */
export const PROFILES = defineService<ProfileDirectory>('profiles');

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
  /** What they tell of the optional facts (height, goal, children, smoking, languages). */
  properties: Properties;
}

/**
 * Approved members' public profile facts, for modules that show a member (alerts,
 * search cards, visitors). Who may see whom (blocks) is the caller's to check.
 */
export interface ProfileDirectory {
  /** The member's public facts, or undefined if they have no approved profile. */
  get(memberId: string): Promise<PublicProfile | undefined>;
}

/** The approved profiles among `memberIds`, by id; members without one are left out. */
export async function profilesOf(
  directory: ProfileDirectory,
  memberIds: Iterable<string>,
): Promise<Map<string, PublicProfile>> {
  const found = new Map<string, PublicProfile>();
  for (const memberId of memberIds) {
    const profile = await directory.get(memberId);
    if (profile) found.set(memberId, profile);
  }
  return found;
}

/**
 * Member profiles: what others see of an approved member, and about-me edits that
 * others see only once a moderator approved them.
 */
/** Looking at the same profile again within this time is the same visit. */
export const VISIT_EVERY_MS = 10 * 60 * 1000;
const REMEMBERED_VISITS = 100_000;

/**
 * Records visits without making every profile read a transaction of its own: a member
 * flicking back to a profile within minutes is not a new visit, and the visits of reads
 * that arrive together commit together (each read still waits for its visit's commit).
 * What was recently recorded is remembered per node; forgetting it (a restart, another
 * node) only records a visit again, which visits counts once a day anyway.
 */
function visitRecorder(
  ctx: ModuleContext<ProfileTables>,
): (viewerId: string, memberId: string) => Promise<void> {
  const recorded = new Map<string, number>();
  const commit = groupCommit<{ viewerId: string; memberId: string; work: WorkContext | undefined }>((views) =>
    ctx.transaction(async (tx) => {
      for (const { viewerId, memberId, work } of views) {
        const publish = () => tx.publish(ProfileViewed, { viewerId, memberId }, { actorId: viewerId });
        // Each visit keeps the trace of the request that made it, not of the batch's first.
        await (work ? runWithWork(work, publish) : publish());
      }
    }),
  );
  return async (viewerId, memberId) => {
    const key = `${viewerId} ${memberId}`;
    const at = ctx.clock.now().getTime();
    const last = recorded.get(key);
    if (last !== undefined && at - last < VISIT_EVERY_MS) return;
    await commit({ viewerId, memberId, work: currentWork() });
    recorded.delete(key);
    recorded.set(key, at);
    if (recorded.size > REMEMBERED_VISITS) recorded.delete(recorded.keys().next().value!);
  };
}

export const profile = defineModule({
  name: 'profile',
  description:
    'Profiles of approved members (age, city, distance, about-me) and the review of about-me changes.',
  publishes: events,
  consumes: [RegistrationApproved, CityChanged, NicknameApproved, ...ownEvents, ...blockEvents],
  provides: [ABOUT_ME_REMOVAL, PROFILES],
  tables,
  migrations: [...migrations, blockedPairsMigration],
  projections: [...projections, BLOCKED_PAIRS],
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    project(ctx);
    // Every page that shows a member reads their profile: all of them in memory, kept by the events.
    const profiles = ctx.view<Profile>({
      name: 'profiles',
      load: (memberId) => findProfile(ctx.db, memberId),
      warm: () => allProfiles(ctx.db),
      budget: 500_000,
    });
    for (const event of [
      RegistrationApproved,
      CityChanged,
      NicknameApproved,
      AboutMeSubmitted,
      AboutMeApproved,
      AboutMeRejected,
      AboutMeRemoved,
      ProfilePropertiesChanged,
    ]) {
      profiles.on(event, async (e, changes, tx) =>
        changes.set(e.payload.memberId, await findProfile(tx.db, e.payload.memberId)),
      );
    }
    profiles.on(MemberDeleted, (e, changes) => changes.set(e.payload.memberId, undefined));
    honourDeletion(ctx, { tables: { profiles: { mine: ['member_id'] }, ...blockedPairsNaming } });
    const now = () => ctx.clock.now();
    const run = commands(ctx);
    const blocks = honourBlocks(ctx);
    // Opening someone's profile is a visit; the visits module turns these into "who visited me".
    const reads = profileReads(profiles, blocks, now, visitRecorder(ctx));
    ctx.services.provide<ProfileDirectory>(PROFILES, {
      async get(memberId) {
        const found = await profiles.get(memberId);
        if (!found) return undefined;
        return {
          memberId: found.memberId,
          nickname: found.nickname,
          gender: found.gender,
          age: ageIn(found.city.timeZone, found.birthday, now()),
          city: found.city,
          aboutMe: found.aboutMe,
          properties: found.properties,
        };
      },
    });
    ctx.services.provide<AboutMeRemoval>(ABOUT_ME_REMOVAL, (memberId, moderatorId, reason) =>
      run.removeAboutMe(moderatorId, memberId, reason),
    );
    const deps = { db: ctx.db, commands: run, reads };
    profileRoutes(ctx.http, deps);
    profilePages(ctx.http, { ...deps, services: ctx.services });
    landing(ctx.services, ctx.db, (memberId) => profiles.get(memberId));
  },
});
