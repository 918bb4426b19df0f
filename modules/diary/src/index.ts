import { defineModule } from '@meetcute/core';
import { blockEvents } from '@meetcute/block';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { PROFILE_SECTIONS, type ProfileSection } from '@meetcute/web';
import { events } from './events.ts';
import { findPost, migrations, projections, project, tables } from './store.ts';
import { REPORTABLE, type Reportable } from '@meetcute/reports/events';
import { commands } from './commands.ts';
import { diaryReads } from './views.ts';
import { diaryRoutes } from './routes.ts';
import { diaryPages, diarySection } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { DiaryPosted, DiaryPostEdited, DiaryPostDeleted } from './events.ts';

/**
 * Diary: short posts a member writes, on their profile and (through the events) in
 * the news of members they interest. A post belongs to its author alone, so a block
 * hides it from the other side without deleting anything.
 */
export const diary = defineModule({
  name: 'diary',
  description: 'Short posts on a member’s profile; the news module carries them into feeds.',
  publishes: events,
  consumes: [...events, ...blockEvents],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, { tables: { posts: { mine: ['member_id'] }, ...blockedPairsNaming } });
    const blocks = project(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx);
    const reads = diaryReads(ctx.db, profiles, blocks);
    diaryRoutes(ctx.http, run, reads);
    diaryPages(ctx.http, { commands: run, reads, profiles });
    ctx.services.contribute<ProfileSection>(PROFILE_SECTIONS, diarySection(reads, ctx.db, profiles));
    ctx.services.contribute<Reportable>(REPORTABLE, {
      kind: 'diary-post',
      async lookup(postId) {
        const post = await findPost(ctx.db, postId);
        return post && { memberId: post.memberId, excerpt: post.text };
      },
      remove: (postId, moderatorId) => run.takeDown(moderatorId, postId),
    });
  },
});
