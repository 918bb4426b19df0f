import { defineModule } from '@meetcute/core';
import { CityChanged, LookingForChanged, RegistrationApproved } from '@meetcute/registration/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { blockEvents } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { events } from './events.ts';
import { migrations, projections, project, tables } from './store.ts';
import { MATCHING, matchingService, type Matching } from './service.ts';
import { matchingRoutes } from './routes.ts';
import { matchingPages, suggestionsHome } from './pages.ts';
import { HOME_PARTS, type HomeContribution } from '@meetcute/web';
import { deletionUseCases, useCases } from './use-cases.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { MATCHING, type Matching } from './service.ts';
export type { Suggestion, Candidate } from './rules.ts';
/** The one-way preference rule, for modules that must apply it to past events (news). */
export { fits } from './rules.ts';

/**
 * Matching: members who fit each other's preferences (gender, age, distance within
 * the smaller limit), best first by shared interests and then nearness. Offers the
 * one-way fit and the suggestions to the news module as a service.
 */
export const matching = defineModule({
  name: 'matching',
  description: 'Suggestions of mutually compatible members; the fit the news feed filters with.',
  publishes: events,
  consumes: [
    RegistrationApproved,
    CityChanged,
    LookingForChanged,
    InterestAdded,
    InterestRemoved,
    ...blockEvents,
  ],
  provides: [MATCHING],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        members: { mine: ['member_id'] },
        member_interests: { mine: ['member_id'] },
        ...blockedPairsNaming,
      },
    });
    const blocks = project(ctx);
    const service = matchingService(ctx.db, ctx.clock, blocks);
    ctx.services.provide<Matching>(MATCHING, service);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    matchingRoutes(ctx.http, service, profiles);
    matchingPages(ctx.http, service, profiles, ctx.services);
    ctx.services.contribute<HomeContribution>(HOME_PARTS, suggestionsHome(service, profiles));
  },
});
