import { decodeCursor, pageOf, Problem, problems, type TimeCursor } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { checkTag } from './rules.ts';
import { holdersOf, isVisible, tagsOf, type InterestsDb } from './store.ts';

/** A member under a tag, as a card shows them. */
export interface TagMember {
  memberId: string;
  nickname: string;
  age: number;
  gender: PublicProfile['gender'];
  city: { id: number; label: string; country: string };
  /** From the viewer's city, in whole km; null when the viewer has no profile yet. */
  distanceKm: number | null;
  /** When they added the tag. */
  addedAt: string;
}

export interface TagPage {
  tag: string;
  members: TagMember[];
  nextCursor: string | null;
}

export interface InterestReads {
  mine(viewerId: string): Promise<string[]>;
  /** Someone's interests, or undefined when the viewer may not see them (unknown, in review, blocked). */
  visible(viewerId: string, memberId: string): Promise<string[] | undefined>;
  /** Someone's interests, or a 404 problem. */
  of(viewerId: string, memberId: string): Promise<string[]>;
  /** Members with a tag as the viewer may see them; a bad tag or cursor is a 400 naming it. */
  withTag(
    viewerId: string,
    input: { tag: string; cursor?: string | undefined; limit: number },
    fields?: { tag: string; cursor: string },
  ): Promise<TagPage>;
}

export function interestReads(db: InterestsDb, profiles: ProfileDirectory, blocks: Blocks): InterestReads {
  const reads: InterestReads = {
    mine: (viewerId) => tagsOf(db, viewerId),

    async visible(viewerId, memberId) {
      return (await isVisible(db, blocks, viewerId, memberId)) ? tagsOf(db, memberId) : undefined;
    },

    async of(viewerId, memberId) {
      const tags = await reads.visible(viewerId, memberId);
      if (!tags) throw problems.notFound('This member');
      return tags;
    },

    async withTag(viewerId, input, fields = { tag: 'params.tag', cursor: 'cursor' }) {
      const { tag, errors } = checkTag(input.tag, fields.tag);
      let after: TimeCursor | undefined;
      try {
        after = decodeCursor(input.cursor);
      } catch (error) {
        // Said together with a bad tag, so the caller fixes both at once.
        if (!(error instanceof Problem)) throw error;
        errors.push(...(error.errors ?? []).map((e) => ({ ...e, field: fields.cursor })));
      }
      if (errors.length > 0) throw problems.invalid(errors);
      const rows = await holdersOf(db, { viewerId, tag, after, limit: input.limit });
      const { items: page, nextCursor } = pageOf(rows, input.limit, (r) => ({
        at: r.addedAt,
        id: r.memberId,
      }));
      const viewer = await profiles.get(viewerId);
      const members = await Promise.all(
        page.map(async ({ memberId, addedAt }) => {
          const p = await profiles.get(memberId);
          if (!p) return null;
          return {
            memberId,
            nickname: p.nickname,
            age: p.age,
            gender: p.gender,
            city: { id: p.city.id, label: p.city.label, country: p.city.country },
            distanceKm: viewer ? Math.round(distanceKm(viewer.city, p.city)) : null,
            addedAt,
          };
        }),
      );
      return { tag, members: members.filter((m): m is TagMember => m !== null), nextCursor };
    },
  };
  return reads;
}
