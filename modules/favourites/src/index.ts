import { defineModule } from '@meetcute/core';
import { blockEvents, honourBlocks } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { MEMBER_ACTIONS, type MemberAction } from '@meetcute/web';
import { events, FavouriteAdded, FavouriteRemoved } from './events.ts';
import { favouriteIdsOf, migrations, projections, project, tables } from './store.ts';
import { commands } from './commands.ts';
import { favouriteRoutes } from './routes.ts';
import { favouriteAction, favouritePages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { forgetInView, honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { FavouriteAdded, FavouriteRemoved } from './events.ts';

/**
 * Favourites: a member's private list of profiles to find again. The list is a
 * projection of the module's own events; a block removes the pair's favourites in
 * both directions for good.
 */
export const favourites = defineModule({
  name: 'favourites',
  description: 'A private list of favourite profiles, with a toggle on every profile and card.',
  publishes: events,
  consumes: [...events, ...blockEvents],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: { favourites: { mine: ['member_id'], about: ['favourite_id'] }, ...blockedPairsNaming },
    });
    const blocks = honourBlocks(ctx);
    project(ctx);
    // Every card on every list page shows the toggle: each member's favourites in memory, kept by the events.
    const favouriteIds = ctx.view<ReadonlySet<string>>({
      name: 'favourites',
      load: (memberId) => favouriteIdsOf(ctx.db, memberId),
    });
    for (const event of [FavouriteAdded, FavouriteRemoved]) {
      favouriteIds.on(event, async (e, changes, tx) =>
        changes.set(e.payload.memberId, await favouriteIdsOf(tx.db, e.payload.memberId)),
      );
    }
    forgetInView(favouriteIds);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx, profiles);
    favouriteRoutes(ctx.http, { db: ctx.db, commands: run, profiles });
    favouritePages(ctx.http, ctx.db, run, profiles, ctx.services);
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, favouriteAction(favouriteIds, blocks));
  },
});
