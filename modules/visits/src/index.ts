import { defineModule } from '@meetcute/core';
import { blockEvents, honourBlocks } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { ProfileViewed } from '@meetcute/profile/events';
import { events } from './events.ts';
import { migrations, projections, project, tables } from './store.ts';
import { visitRoutes } from './routes.ts';
import { visitPages, visitorsHome } from './pages.ts';
import { HOME_PARTS, type HomeContribution } from '@meetcute/web';
import { deletionUseCases, useCases } from './use-cases.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

/**
 * Visits: who opened my profile. A projection of the profile module's ProfileViewed,
 * one entry per visitor per UTC day; a block hides the pair's visits both ways until it is lifted.
 */
export const visits = defineModule({
  name: 'visits',
  description: 'Who visited my profile: one entry per visitor per day, newest first.',
  publishes: events,
  consumes: [ProfileViewed, ...blockEvents],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        visits: { mine: ['member_id', 'visitor_id'] },
        ...blockedPairsNaming,
      },
    });
    project(ctx, honourBlocks(ctx));
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    visitRoutes(ctx.http, ctx.db, profiles);
    visitPages(ctx.http, ctx.db, profiles, ctx.services, ctx.clock);
    ctx.services.contribute<HomeContribution>(HOME_PARTS, visitorsHome(ctx.db, profiles, ctx.clock));
  },
});
