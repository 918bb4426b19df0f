import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import type { Suggestion } from './rules.ts';
import type { Matching } from './service.ts';

export interface SuggestionView extends Suggestion {
  member: PublicProfile;
}

/** Suggestions with each member's public facts; anyone the profile module no longer shows is left out. */
export async function suggestionViews(
  matching: Matching,
  profiles: ProfileDirectory,
  viewerId: string,
  limit: number,
): Promise<SuggestionView[]> {
  const found = await Promise.all(
    (await matching.suggestionsFor(viewerId, limit)).map(async (s) => ({
      ...s,
      member: await profiles.get(s.memberId),
    })),
  );
  return found.filter((s): s is SuggestionView => s.member !== undefined);
}
