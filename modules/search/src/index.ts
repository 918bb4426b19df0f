import { defineModule } from '@meetcute/core';
import { blockEvents, honourBlocks } from '@meetcute/block';
import { CITIES, type CityDirectory } from '@meetcute/cities';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { RegistrationApproved } from '@meetcute/registration/events';
import { ProfilePropertiesChanged } from '@meetcute/profile/events';
import { projectProperties } from './properties.ts';
import { events } from './events.ts';
import {
  addInterest,
  migrations,
  projectApprovals,
  changeEvents,
  projections,
  removeInterest,
  tables,
  touch,
} from './store.ts';
import { photoEvents, projectPhotos } from './photos.ts';
import { searches } from './searches.ts';
import { searchIndex } from './index-view.ts';
import { searchRoutes } from './routes.ts';
import { searchPages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export {
  birthdayRange,
  readWho,
  single,
  values,
  whole,
  LIMITS as FILTER_LIMITS,
  type RawQuery,
  type WhoFilters,
  type WhoMessage,
} from './filters.ts';
export { ONLINE_NOW, type OnlineNow } from './searches.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

/**
 * Search: approved members by gender, age, distance from a place, interests and photo, sorted
 * by last active, distance or newest. It keeps its own table of searchable members,
 * built only from events; blocked pairs never see each other.
 */
export const search = defineModule({
  name: 'search',
  description:
    'Find approved members by gender, age range, distance, interests and whether they have a photo; sorted by last active, distance or newest.',
  publishes: events,
  consumes: [
    RegistrationApproved,
    ...changeEvents,
    ProfilePropertiesChanged,
    InterestAdded,
    InterestRemoved,
    FlirtSent,
    FavouriteAdded,
    ...photoEvents,
    ...blockEvents,
  ],
  requires: [CITIES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        searchable_members: { mine: ['member_id'] },
        member_interests: { mine: ['member_id'] },
        member_photos: { mine: ['member_id'] },
        member_properties: { mine: ['member_id'] },
        ...blockedPairsNaming,
      },
    });
    projectApprovals(ctx);
    projectProperties(ctx, touch);
    // Every event a member acts in moves their "last active"; the approval also does so for the moderator.
    ctx.on(InterestAdded, async (e, tx) => {
      await addInterest(tx.db, e.payload.memberId, e.payload.tag);
      await touch(tx.db, e.actorId, e.occurredAt);
    });
    ctx.on(InterestRemoved, async (e, tx) => {
      await removeInterest(tx.db, e.payload.memberId, e.payload.tag);
      await touch(tx.db, e.actorId, e.occurredAt);
    });
    ctx.on(FlirtSent, (e, tx) => touch(tx.db, e.actorId, e.occurredAt));
    ctx.on(FavouriteAdded, (e, tx) => touch(tx.db, e.actorId, e.occurredAt));
    projectPhotos(ctx);
    // Search keeps nothing about a pair, so a block has nothing to remove: the query filters it.
    const blocks = honourBlocks(ctx);

    const cities = ctx.services.require<CityDirectory>(CITIES);
    const run = searches(ctx, searchIndex(ctx), blocks);
    searchRoutes(ctx.http, run, cities);
    searchPages(ctx.http, run, cities, ctx.services);
  },
});
