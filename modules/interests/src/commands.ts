import { sql } from 'kysely';
import { problems, type ModuleContext, type Tx } from '@meetcute/core';
import { InterestAdded, InterestRemoved } from './events.ts';
import { checkTag, LIMITS, normaliseTag } from './rules.ts';
import { countOf, hasTag, type InterestsTables } from './store.ts';

/**
 * The interest commands, shared by the JSON API and the pages so both enforce the
 * same rules. Each throws a Problem the caller can show as it is.
 */
export interface Commands {
  /** Adds a tag as normalised; `added` is false when the member already had it. */
  add(memberId: string, input: string): Promise<{ tag: string; added: boolean }>;
  /** Removes a tag; false when the member did not have it. */
  remove(memberId: string, input: string): Promise<{ tag: string; removed: boolean }>;
}

export const tooManyInterests = () => {
  const detail = `You have ${LIMITS.perMember} interests, the most there can be. Remove one first.`;
  return problems.conflict('too-many-interests', 'Too many interests', detail, [
    { field: 'tag', message: detail },
  ]);
};

export function commands(ctx: ModuleContext<InterestsTables>): Commands {
  const added = ctx.metrics.counter('interests_added', 'Interests added to profiles');
  const removed = ctx.metrics.counter('interests_removed', 'Interests removed from profiles');

  /** One change to a member's tags at a time, so two quick adds cannot pass the limit or both add. */
  async function lockMember(tx: Tx<InterestsTables>, memberId: string): Promise<void> {
    // SQLite runs one write transaction at a time already.
    if (ctx.dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtext(${`interests:${memberId}`}))`.execute(tx.db);
  }

  return {
    async add(memberId, input) {
      const { tag, errors } = checkTag(input);
      if (errors.length > 0) throw problems.invalid(errors);
      const isNew = await ctx.transaction(async (tx) => {
        await lockMember(tx, memberId);
        if (await hasTag(tx.db, memberId, tag)) return false;
        if ((await countOf(tx.db, memberId)) >= LIMITS.perMember) throw tooManyInterests();
        await tx.publish(InterestAdded, { memberId, tag }, { actorId: memberId });
        return true;
      });
      if (isNew) added.inc();
      return { tag, added: isNew };
    },

    async remove(memberId, input) {
      // Not checked against today's rules: a tag added under older rules must stay removable.
      const tag = normaliseTag(input);
      const isGone = await ctx.transaction(async (tx) => {
        await lockMember(tx, memberId);
        if (!(await hasTag(tx.db, memberId, tag))) return false;
        await tx.publish(InterestRemoved, { memberId, tag }, { actorId: memberId });
        return true;
      });
      if (isGone) removed.inc();
      return { tag, removed: isGone };
    },
  };
}
