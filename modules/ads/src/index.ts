import { defineModule } from '@meetcute/core';
import { CITIES, type CityDirectory } from '@meetcute/cities';
import { AccountCreated, CityChanged, RegistrationApproved } from '@meetcute/registration/events';
import { honourDeletion, MemberDeleted } from '@meetcute/auth/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { SITE_IMAGES, type SiteImages } from '@meetcute/photos';
import { SPONSORED_ITEMS, type SponsoredItems } from '@meetcute/web';
import { AdClicked, AdShown, AdsShown, events } from './events.ts';
import { migrations, project, projections, tables } from './store.ts';
import { adsCommands } from './commands.ts';
import { adsRoutes } from './routes.ts';
import { memberPages } from './pages.ts';
import { opsPages } from './ops-pages.ts';
import { sponsoredItems } from './serving.ts';
import { adsMemory } from './memory.ts';
import { useCases } from './use-cases.ts';
import { pictureUseCases } from './use-cases.images.ts';

/**
 * Ads: campaigns that operators run, shown as sponsored items among the cards of the news
 * feed to the members they target. It learns gender, age, place and language from
 * registration's events; impressions, clicks and hides are its own events. A creative's
 * picture goes through the photos module's pipeline (SITE_IMAGES).
 */
export const ads = defineModule({
  name: 'ads',
  description:
    'Sponsored items in the news feed from campaigns operators run: targeted, capped, counted honestly, and hideable.',
  publishes: events,
  consumes: [
    ...events,
    AccountCreated,
    RegistrationApproved,
    CityChanged,
    InterestAdded,
    InterestRemoved,
    MemberDeleted,
  ],
  provides: [SPONSORED_ITEMS],
  requires: [CITIES, SITE_IMAGES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...pictureUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        audience: { mine: ['member_id'] },
        languages: { mine: ['member_id'] },
        member_interests: { mine: ['member_id'] },
        hidden: { mine: ['member_id'] },
        shown_counts: { mine: ['member_id'] },
        recent_impressions: { mine: ['member_id'] },
      },
      // A campaign's counts stay when a member leaves; their impressions and clicks go under the pseudonym.
      kept: { impressions: ['member_id'], clicks: ['member_id'] },
      keptEvents: [AdShown, AdsShown, AdClicked],
    });
    project(ctx);
    const commands = adsCommands(
      ctx,
      ctx.services.require<CityDirectory>(CITIES),
      ctx.services.require<SiteImages>(SITE_IMAGES),
    );
    ctx.services.provide<SponsoredItems>(
      SPONSORED_ITEMS,
      sponsoredItems(ctx, adsMemory(ctx), ctx.config.ads),
    );
    adsRoutes(ctx.http, ctx, commands);
    memberPages(ctx.http, commands);
    opsPages(ctx.http, ctx, commands);
  },
});
