import { shownTo, type Blocks } from '@meetcute/block';
import { problems, type ModuleContext } from '@meetcute/core';
import { onlineMembers, type OnlinePage } from './query.ts';
import { OPEN_DEFAULTS, readFilters, type Defaults, type Filters, type RawQuery, type Say } from './rules.ts';
import { approvedAmong, findMember, type Tables } from './store.ts';
import type { Presence } from './presence.ts';

/** The reads, shared by the API and the page so both answer the same way. */
export interface OnlineViews {
  /** The viewer's own preferences; wide open when their approval has not reached us yet. */
  defaults(viewerId: string): Promise<Defaults>;
  /** Reads the filters and lists who is online; a Problem naming every bad parameter when it cannot. */
  list(viewerId: string, raw: RawQuery, say: Say): Promise<{ filters: Filters; page: OnlinePage }>;
  /** Whether a member the viewer may see is online; undefined when they may not see them. */
  status(viewerId: string, memberId: string): Promise<boolean | undefined>;
  /** Which of these members the viewer may see are online now (what their badges should say); others are left out. */
  onlineAmong(viewerId: string, memberIds: readonly string[]): Promise<string[]>;
}

export function onlineViews(
  ctx: ModuleContext<Tables>,
  presence: Presence & { settled(): Promise<void> },
  blocks: Blocks,
): OnlineViews {
  const own: OnlineViews = {
    async defaults(viewerId) {
      const me = await findMember(ctx.db, viewerId);
      if (!me) return OPEN_DEFAULTS;
      const { genders, minAge, maxAge, maxDistanceKm } = me.lookingFor;
      return { genders, minAge, maxAge, maxDistanceKm };
    },
    async list(viewerId, raw, say) {
      const me = await findMember(ctx.db, viewerId);
      const read = readFilters(raw, me ? await own.defaults(viewerId) : OPEN_DEFAULTS, say);
      if (!read.filters) throw problems.invalid(read.errors);
      await presence.settled();
      const page = await onlineMembers(ctx.db, viewerId, me, read.filters, ctx.clock.now());
      return { filters: read.filters, page };
    },
    async status(viewerId, memberId) {
      if (!(await findMember(ctx.db, memberId))) return undefined;
      if (await blocks.between(viewerId, memberId)) return undefined;
      return presence.isOnline(memberId);
    },
    async onlineAmong(viewerId, memberIds) {
      const online: string[] = [];
      for (const memberId of await shownTo(blocks, viewerId, [...new Set(memberIds)])) {
        if (await presence.isOnline(memberId)) online.push(memberId);
      }
      // Presence knows anyone who made a request; only approved members are anyone's business.
      return online.length === 0 ? [] : approvedAmong(ctx.db, online);
    },
  };
  return own;
}
