import { decodeCursor, problems } from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import { postsOf, type DiaryDb, type Post } from './store.ts';

export interface PostPage {
  posts: Post[];
  nextCursor: string | null;
}

export interface DiaryReads {
  /** Whether the viewer may read the member's diary: themselves, or approved and not blocked either way. */
  visible(viewerId: string, memberId: string): Promise<boolean>;
  /** A page of the member's posts, newest first; 404 when not visible, 400 for a bad cursor. */
  page(
    viewerId: string,
    memberId: string,
    query: { cursor?: string | undefined; limit: number },
  ): Promise<PostPage>;
}

export function diaryReads(db: DiaryDb, profiles: ProfileDirectory, blocks: Blocks): DiaryReads {
  const reads: DiaryReads = {
    async visible(viewerId, memberId) {
      if (viewerId === memberId) return true;
      if (!(await profiles.get(memberId))) return false;
      return !(await blocks.between(viewerId, memberId));
    },

    async page(viewerId, memberId, query) {
      if (!(await reads.visible(viewerId, memberId))) throw problems.notFound('This member');
      return postsOf(db, memberId, { after: decodeCursor(query.cursor), limit: query.limit });
    },
  };
  return reads;
}
