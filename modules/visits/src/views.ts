import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { decodeCursor } from './rules.ts';
import { visitorsOf, type VisitsDb } from './store.ts';

export interface VisitView {
  visitor: PublicProfile;
  visitedAt: string;
}

export interface VisitPage {
  visitors: VisitView[];
  nextCursor: string | null;
}

/** One page of who visited a member, with each visitor's public facts; a bad cursor is a 400. */
export async function visitPage(
  db: VisitsDb,
  profiles: ProfileDirectory,
  memberId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<VisitPage> {
  const after = decodeCursor(query.cursor);
  const { entries, nextCursor } = await visitorsOf(db, memberId, { after, limit: query.limit });
  const found = await Promise.all(
    entries.map(async (e) => ({ visitor: await profiles.get(e.visitorId), visitedAt: e.visitedAt })),
  );
  // A visitor no longer approved is left out; the cursor still moves past them.
  return { visitors: found.filter((v): v is VisitView => v.visitor !== undefined), nextCursor };
}
