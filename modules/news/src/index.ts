import { defineModule, NOTIFICATIONS, type NotificationHub } from '@meetcute/core';
import { blockEvents } from '@meetcute/block';
import { RegistrationApproved } from '@meetcute/registration/events';
import { events as diaryEvents } from '@meetcute/diary/events';
import { PhotoApproved, PhotoDeleted } from '@meetcute/photos/events';
import { HOME_PARTS, NAV_COUNTERS, type HomeContribution, type NavCounter } from '@meetcute/web';
import { FLAGS, subjectOf, type Flags } from '@meetcute/flags';
import { events } from './events.ts';
import { migrations, projections, tables } from './store.ts';
import { newsMemory } from './memory.ts';
import { changeEvents, COUNTER, project } from './project.ts';
import { commands } from './commands.ts';
import { newsReads } from './views.ts';
import { newsRoutes } from './routes.ts';
import { newsPages } from './pages.ts';
import { newsHome } from './home.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { MemberDeleted, forgetInView, honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { NewsSeen } from './events.ts';
export { fits, BACKFILL } from './rules.ts';

/**
 * News: a personal feed of what interesting members do (they join, they write in their
 * diary, they add a photo), where interesting means they fit what the viewer looks for. Items are copied
 * into each matching viewer's feed when the event is projected (see README.md).
 */
export const news = defineModule({
  name: 'news',
  description:
    'A personal feed of new members, diary posts and new photos by members who fit what the viewer looks for; back-filled on approval.',
  publishes: events,
  consumes: [
    ...events,
    RegistrationApproved,
    ...changeEvents,
    ...diaryEvents,
    PhotoApproved,
    PhotoDeleted,
    ...blockEvents,
  ],
  requires: [NOTIFICATIONS, FLAGS],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        members: { mine: ['member_id'] },
        items: { mine: ['author_id'] },
        seen: { mine: ['member_id'] },
        hidden: { mine: ['viewer_id'], about: ['author_id'] },
        ...blockedPairsNaming,
      },
    });
    const memory = newsMemory(ctx);
    // The feed's photo items sit behind a flag an operator can ramp or kill; the counter follows it.
    const flags = ctx.services.require<Flags>(FLAGS);
    project(ctx, ctx.services.require<NotificationHub>(NOTIFICATIONS), memory, flags);
    memory.authors.on(MemberDeleted, (e, changes) => changes.set(e.payload.memberId, undefined));
    // Their items leave every feed: counts are read afresh, and held pages that show them.
    memory.unseen.on(MemberDeleted, (_e, changes) => changes.forgetWhere(() => true));
    forgetInView(memory.heads);
    forgetInView(memory.items);
    const run = commands(ctx, memory);
    const reads = newsReads(ctx.db, () => ctx.clock.now(), memory, flags);
    ctx.services.contribute<NavCounter>(NAV_COUNTERS, {
      name: COUNTER,
      href: '/news',
      label: { en: 'News', sv: 'Nyheter', fi: 'Uutiset' },
      count: (memberId, request) => reads.unseen(memberId, request && subjectOf(request)),
    });
    newsRoutes(ctx.http, run, reads, flags);
    newsPages(ctx.http, run, reads, ctx.services, flags);
    ctx.services.contribute<HomeContribution>(
      HOME_PARTS,
      newsHome(reads, flags, () => ctx.clock.now()),
    );
  },
});
