import { problems, type ModuleContext } from '@meetcute/core';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from './events.ts';
import { checkText } from './rules.ts';
import { findPost, type Post, type Tables } from './store.ts';

/**
 * The diary commands, shared by the JSON API and the pages so both enforce the same
 * rules. Each throws a Problem the caller can show as it is.
 */
export interface Commands {
  /** Writes a post; a text empty or too long after trimming is a 400 naming `text`. */
  post(memberId: string, text: string): Promise<Post>;
  /** Changes one's own post; someone else's, or one that is gone, is a 404. */
  edit(memberId: string, postId: string, text: string): Promise<Post>;
  /** Deletes one's own post; someone else's, or one that is gone, is a 404. */
  remove(memberId: string, postId: string): Promise<void>;
  /** A moderator takes a reported post down (nothing to do once gone; never their own). */
  takeDown(moderatorId: string, postId: string): Promise<void>;
  /** One's own post, for the edit form; anyone else's is a 404. */
  own(memberId: string, postId: string): Promise<Post>;
}

/** Someone else's post looks exactly like one that does not exist. */
const noSuchPost = () => problems.notFound('This post');

export function commands(ctx: ModuleContext<Tables>): Commands {
  const written = ctx.metrics.counter('diary_posts', 'Diary posts written');

  const own = async (memberId: string, postId: string): Promise<Post> => {
    const post = await findPost(ctx.db, postId);
    if (!post || post.memberId !== memberId) throw noSuchPost();
    return post;
  };

  return {
    own,

    async post(memberId, input) {
      const text = checkText(input);
      const postId = ctx.ids.next();
      await ctx.transaction((tx) =>
        tx.publish(DiaryPosted, { postId, memberId, text }, { actorId: memberId }),
      );
      written.inc();
      return (await findPost(ctx.db, postId))!;
    },

    async edit(memberId, postId, input) {
      const text = checkText(input);
      return ctx.transaction(async (tx) => {
        const post = await findPost(tx.db, postId);
        if (!post || post.memberId !== memberId) throw noSuchPost();
        // Saving the same text again is not a change worth telling anyone about.
        if (post.text === text) return post;
        await tx.publish(DiaryPostEdited, { postId, memberId, text }, { actorId: memberId });
        return (await findPost(tx.db, postId))!;
      });
    },

    async remove(memberId, postId) {
      await ctx.transaction(async (tx) => {
        const post = await findPost(tx.db, postId);
        if (!post || post.memberId !== memberId) throw noSuchPost();
        await tx.publish(DiaryPostDeleted, { postId, memberId }, { actorId: memberId });
      });
    },

    async takeDown(moderatorId, postId) {
      await ctx.transaction(async (tx) => {
        const post = await findPost(tx.db, postId);
        if (!post) return;
        if (post.memberId === moderatorId)
          throw problems.forbidden('No one moderates themselves: ask another moderator.');
        await tx.publish(DiaryPostDeleted, { postId, memberId: post.memberId }, { actorId: moderatorId });
      });
    },
  };
}
