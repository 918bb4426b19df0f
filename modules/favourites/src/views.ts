import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { decodeCursor } from './rules.ts';
import { favouritesOf, type FavouritesDb } from './store.ts';

export interface FavouriteView {
  member: PublicProfile;
  addedAt: string;
}

export interface FavouritePage {
  favourites: FavouriteView[];
  nextCursor: string | null;
}

/** One page of a member's favourites with each one's public facts; a bad cursor is a 400. */
export async function favouritePage(
  db: FavouritesDb,
  profiles: ProfileDirectory,
  memberId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<FavouritePage> {
  const after = decodeCursor(query.cursor);
  const { entries, nextCursor } = await favouritesOf(db, memberId, { after, limit: query.limit });
  const found = await Promise.all(
    entries.map(async (e) => ({ member: await profiles.get(e.favouriteId), addedAt: e.addedAt })),
  );
  // Someone no longer approved is left out; the cursor still moves past them.
  return {
    favourites: found.filter((f): f is FavouriteView => f.member !== undefined),
    nextCursor,
  };
}
