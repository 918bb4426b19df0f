import { defineModule } from '@meetcute/core';
import { blockEvents } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { HOME_PARTS, MEMBER_ACTIONS, type HomeContribution, type MemberAction } from '@meetcute/web';
import { events } from './events.ts';
import { migrations, projections, project, tables } from './store.ts';
import { commands } from './commands.ts';
import { flirtLists } from './views.ts';
import { flirtRoutes } from './routes.ts';
import { flirtAction, flirtPages, flirtsHome } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { FlirtSent } from './events.ts';
export { FLIRTS_PER_DAY, FLIRTS_PER_MEMBER_PER_DAY } from './rules.ts';

/**
 * Flirts: a one-tap sign of interest from one approved member to another, limited to
 * one a day per member and a daily budget, both counted in the sender's own day.
 */
export const flirt = defineModule({
  name: 'flirt',
  description:
    'One-tap flirts between approved members (once a day per member, 20 a day), and the lists of flirts sent and received.',
  publishes: events,
  consumes: [...events, ...blockEvents],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: { flirts: { mine: ['sender_id', 'recipient_id'] }, ...blockedPairsNaming },
    });
    const blocks = project(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx, profiles);
    const lists = flirtLists(ctx.db, profiles);
    flirtRoutes(ctx.http, run, lists);
    flirtPages(ctx.http, {
      blocks,
      commands: run,
      lists,
      profiles,
      now: () => ctx.clock.now(),
      actions: () => ctx.services.contributions<MemberAction>(MEMBER_ACTIONS),
    });
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, flirtAction(blocks, run, profiles));
    ctx.services.contribute<HomeContribution>(
      HOME_PARTS,
      flirtsHome(lists, profiles, () => ctx.clock.now()),
    );
  },
});
