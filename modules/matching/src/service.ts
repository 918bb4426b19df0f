import { defineService } from '@meetcute/core';
import type { Clock } from '@meetcute/core';
import { hiddenFrom, type Blocks } from '@meetcute/block';
import {
  distanceBetween,
  fits,
  mutuallyCompatible,
  rank,
  sharedInterests,
  type Suggestion,
} from './rules.ts';
import { candidatesFor, findMember, holdersOf, tagsOf, type MatchingDb } from './store.ts';

/** The service key under which news (and anyone else) finds matching. */
export const MATCHING = defineService<Matching>('matching');

/** Compatibility between approved members, as the matching module knows them. */
export interface Matching {
  /**
   * Mutually compatible members for this one, best first (more shared interests,
   * then nearer): never themselves, never anyone in a blocked pair with them, never
   * anyone not approved. Empty for a member matching does not know.
   */
  suggestionsFor(memberId: string, limit: number): Promise<Suggestion[]>;
  /**
   * One way, the viewer's preferences alone: does `memberId` fit what `viewerId`
   * looks for (gender, age today, distance)? False for oneself, for anyone not
   * approved, and for a blocked pair either way.
   */
  fits(viewerId: string, memberId: string): Promise<boolean>;
}

export function matchingService(db: MatchingDb, clock: Clock, blocks: Blocks): Matching {
  return {
    async suggestionsFor(memberId, limit) {
      const viewer = await findMember(db, memberId);
      if (!viewer || limit < 1) return [];
      const now = clock.now();
      const hidden = await hiddenFrom(db, memberId);
      const compatible = (await candidatesFor(db, viewer)).filter(
        (c) => !hidden.has(c.memberId) && mutuallyCompatible(viewer, c, now),
      );
      const mine = await tagsOf(db, memberId);
      const held = await holdersOf(db, mine);
      const ranked = rank(
        compatible.map((c) => {
          const exactKm = distanceBetween(viewer, c);
          return {
            memberId: c.memberId,
            sharedInterests: sharedInterests(mine, held.get(c.memberId) ?? []),
            distanceKm: Math.round(exactKm),
            exactKm,
          };
        }),
      );
      return ranked.slice(0, limit).map(({ memberId: id, sharedInterests: shared, distanceKm }) => ({
        memberId: id,
        sharedInterests: shared,
        distanceKm,
      }));
    },

    async fits(viewerId, memberId) {
      if (viewerId === memberId) return false;
      const [viewer, member] = await Promise.all([findMember(db, viewerId), findMember(db, memberId)]);
      if (!viewer || !member) return false;
      if (await blocks.between(viewerId, memberId)) return false;
      return fits(viewer, member, clock.now());
    },
  };
}
