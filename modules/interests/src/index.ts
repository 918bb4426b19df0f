import { defineModule, defineService } from '@meetcute/core';
import { RegistrationApproved } from '@meetcute/registration/events';
import { blockEvents } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import {
  FIRST_STEPS,
  languageOf,
  PROFILE_SECTIONS,
  translator,
  type FirstStepCheck,
  type ProfileSection,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { events, InterestAdded, InterestRemoved } from './events.ts';
import { countOf, migrations, projections, project, tables, tagsOf, type InterestsDb } from './store.ts';
import { commands } from './commands.ts';
import { interestReads } from './views.ts';
import { interestRoutes } from './routes.ts';
import { interestPages, interestsSection } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { forgetInView, honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { InterestAdded, InterestRemoved } from './events.ts';
export { normaliseTag, checkTag } from './rules.ts';

/** The service key under which search and matching find members' interests. */
export const INTERESTS = defineService<InterestDirectory>('interests');

/** Members' interests, for modules that compare or filter by them. Who may see whom is the caller's to check. */
export interface InterestDirectory {
  /** A member's tags, normalised and sorted; empty when they have none. */
  of(memberId: string): Promise<string[]>;
}

/**
 * Interests: tags a member puts on their profile ("hiking", "jazz"). Each tag leads
 * to the approved members who have it, minus anyone in a blocked pair with the viewer.
 */
export const interests = defineModule({
  name: 'interests',
  description: 'Tags on profiles ("hiking", "jazz"); each tag lists the members who have it.',
  publishes: events,
  consumes: [...events, RegistrationApproved, ...blockEvents],
  provides: [INTERESTS],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        interests: { mine: ['member_id'] },
        approved_members: { mine: ['member_id'] },
        ...blockedPairsNaming,
      },
    });
    const blocks = project(ctx);
    const run = commands(ctx);
    const reads = interestReads(ctx.db, ctx.services.require<ProfileDirectory>(PROFILES), blocks);
    ctx.services.provide<InterestDirectory>(INTERESTS, { of: (memberId) => tagsOf(ctx.db, memberId) });
    ctx.services.contribute<ProfileSection>(PROFILE_SECTIONS, interestsSection(reads));
    // The checklist heads every page a new member opens: whether they have any interest, in memory.
    const hasInterests = ctx.view<boolean>({
      name: 'has-interests',
      load: async (memberId) => (await countOf(ctx.db, memberId)) > 0,
    });
    hasInterests.on(InterestAdded, (e, changes) => changes.set(e.payload.memberId, true));
    hasInterests.on(InterestRemoved, async (e, changes, tx) =>
      changes.set(e.payload.memberId, (await countOf(tx.db as InterestsDb, e.payload.memberId)) > 0),
    );
    forgetInView(hasInterests);
    ctx.services.contribute<FirstStepCheck>(FIRST_STEPS, async (request) => ({
      done: !!request.viewer && (await hasInterests.get(request.viewer.memberId)) === true,
      label: translator(messages, languageOf(request))('stepInterests'),
      href: '/interests',
    }));
    interestRoutes(ctx.http, { commands: run, reads });
    interestPages(ctx.http, { commands: run, reads, services: ctx.services });
  },
});
