import { defineModule, defineService } from '@meetcute/core';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { SAFETY_ACTIONS, type MemberAction } from '@meetcute/web';
import { events } from './events.ts';
import { migrations, projections, project, tables } from './store.ts';
import { commands } from './commands.ts';
import { blockRoutes, type Names } from './routes.ts';
import { blockAction, blockPages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export { MemberBlocked, MemberUnblocked } from './events.ts';
import { MemberDeleted, honourDeletion } from '@meetcute/auth/events';

export {
  honourBlocks,
  eitherBlocked,
  hasBlocked,
  isSuspended,
  hiddenFrom,
  notBlockedWith,
  notBlockedAcross,
  pairRefused,
  shownTo,
  blockedPairsMigration,
  blockedPairsTables,
  blockEvents,
  blockedPairsNaming,
  BLOCKED_PAIRS,
  type HonourOptions,
  type PairRefusal,
  type Blocks,
  type BlockedPairsDb,
} from './events.ts';

/** Lifts the temporary blocks whose time is up (done every minute), under BLOCK_SWEEP. */
export interface BlockSweep {
  liftEnded(): Promise<number>;
}
export const BLOCK_SWEEP = defineService<BlockSweep>('block.sweep');

/**
 * Blocking. A block hides each member from the other in both directions, in every
 * module: each consumes MemberBlocked through `honourBlocks`, hides what the pair made
 * together until the block is lifted and removes the notifications between them.
 */
export const block = defineModule({
  name: 'block',
  description: 'Block and unblock; every module honours MemberBlocked in both directions.',
  publishes: events,
  consumes: [...events, MemberDeleted],
  provides: [BLOCK_SWEEP],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    project(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const names: Names = {
      nickname: async (id) => (await profiles.get(id))?.nickname ?? null,
      timeZone: async (id) => (await profiles.get(id))?.city.timeZone ?? 'UTC',
    };
    // Whom a deleted member blocked is theirs; that someone blocked them is the blocker's business.
    honourDeletion(ctx, { tables: { blocks: { mine: ['blocker_id'], about: ['blocked_id'] } } });
    const run = commands(ctx, { exists: async (id) => (await profiles.get(id)) !== undefined });
    const deps = { db: ctx.db, commands: run, names };
    blockRoutes(ctx.http, deps);
    blockPages(ctx.http, {
      ...deps,
      safetyActions: () => ctx.services.contributions<MemberAction>(SAFETY_ACTIONS),
    });
    ctx.services.contribute<MemberAction>(SAFETY_ACTIONS, blockAction(ctx.db));
    ctx.services.provide<BlockSweep>(BLOCK_SWEEP, { liftEnded: () => run.liftEnded() });
    // Temporary blocks end on time: looked for every minute.
    const sweep = setInterval(() => {
      run.liftEnded().catch((error: unknown) => ctx.logger.error({ err: error }, 'ended blocks not lifted'));
    }, 60_000);
    sweep.unref();
    ctx.onClose(() => {
      clearInterval(sweep);
      return Promise.resolve();
    });
  },
});
