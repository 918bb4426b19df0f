import type { View } from '@meetcute/core';
import { allMembers, subjectOfMember, type ConfiguredRoles, type FlagMember } from './member-store.ts';
import { evaluate, type Flag } from './rules.ts';
import type { FlagsDb } from './store.ts';

/** How many members a flag reaches now, and with which variant (for a flag with variants). */
export interface Reach {
  reached: number;
  of: number;
  /** Among the members reached, how many get each variant (empty for an on/off flag). */
  variants: Array<{ variant: string; members: number }>;
}

/** The reach of a flag over these members, by the one decision every request gets (rules.ts). */
export function reachAmong(flag: Flag, members: Iterable<FlagMember>): Reach {
  let of = 0;
  let reached = 0;
  const byVariant = new Map(flag.variants.map((v) => [v, 0]));
  for (const member of members) {
    of += 1;
    const served = evaluate(flag, subjectOfMember(member));
    if (!served.on) continue;
    reached += 1;
    if (byVariant.has(served.variant)) byVariant.set(served.variant, byVariant.get(served.variant)! + 1);
  }
  return { reached, of, variants: [...byVariant].map(([variant, n]) => ({ variant, members: n })) };
}

/**
 * A flag's reach counted over the module's view of members: from memory while it holds
 * every member, else from the table (a site larger than the view's budget).
 */
export function reachOver(
  db: FlagsDb,
  members: View<FlagMember>,
  configured: ConfiguredRoles,
): (flag: Flag) => Promise<Reach> {
  return async (flag) => reachAmong(flag, members.entries() ?? (await allMembers(db, configured)));
}
