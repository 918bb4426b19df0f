import { problems, type ModuleContext, type View, defineService } from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import { GENDERS } from '@meetcute/registration/events';
import { findMembers, searchMembers, type Found } from './query.ts';
import type { Searchable } from './index-view.ts';
import type { SearchTables } from './store.ts';
import {
  LIMITS,
  readCriteria,
  type CityChoice,
  type Criteria,
  type Defaults,
  type RawQuery,
  type Say,
} from './rules.ts';

/** Who is online now, for the online-only filter: offered by the online module, which registers after search. */
export interface OnlineNow {
  onlineIds(): Promise<Set<string>>;
}
export const ONLINE_NOW = defineService<OnlineNow>('search.online-now');

/** What the client sees of the search that ran, so it can show which defaults were used. */
export interface Applied {
  genders: Criteria['genders'];
  minAge: number;
  maxAge: number;
  cityId: number;
  maxDistanceKm: number;
  interests: string[];
  onlineOnly: boolean;
  hasPhoto: boolean;
  sort: Criteria['sort'];
}

export function applied(c: Criteria): Applied {
  return {
    genders: c.genders,
    minAge: c.minAge,
    maxAge: c.maxAge,
    cityId: c.origin.id,
    maxDistanceKm: c.maxDistanceKm,
    interests: c.interests,
    onlineOnly: c.onlineOnly,
    hasPhoto: c.hasPhoto,
    sort: c.sort,
  };
}

/** The search, shared by the API and the page so both read and answer the same way. */
export interface Searches {
  /** The searcher's own preferences and city; wide open when search has not heard of them yet. */
  defaults(viewerId: string): Promise<Defaults>;
  /** Reads and runs a search; a Problem naming every bad parameter when it cannot. */
  run(
    viewerId: string,
    raw: RawQuery,
    city: CityChoice,
    say: Say,
  ): Promise<{ criteria: Criteria; found: Found }>;
}

/**
 * Searches run over the index in memory while it holds every member, and over the tables
 * once a community outgrows the index's budget (counted, so an operator sees it).
 */
export function searches(
  ctx: ModuleContext<SearchTables>,
  index: View<Searchable>,
  blocks: Blocks,
): Searches {
  const counter = ctx.metrics.counter('searches', 'Member searches run');
  const fromTables = ctx.metrics.counter(
    'searches_from_tables',
    'Member searches the tables answered because the index in memory is over its budget',
  );
  const own: Searches = {
    async defaults(viewerId) {
      const me = await index.get(viewerId);
      if (!me) {
        // The approval reached auth before it reached us; a moment later it is here.
        return {
          genders: [...GENDERS],
          minAge: LIMITS.age.min,
          maxAge: LIMITS.age.max,
          maxDistanceKm: 100,
          origin: null,
        };
      }
      return {
        genders: me.lookingFor.genders,
        minAge: me.lookingFor.minAge,
        maxAge: me.lookingFor.maxAge,
        maxDistanceKm: me.lookingFor.maxDistanceKm,
        origin: me.city,
      };
    },
    async run(viewerId, raw, city, say) {
      const read = readCriteria(raw, await own.defaults(viewerId), city, say);
      if (!read.criteria) throw problems.invalid(read.errors);
      // The online module registers after search, so its service is looked up when needed.
      const online = read.criteria.onlineOnly
        ? ((await ctx.services.optional(ONLINE_NOW)?.onlineIds()) ?? new Set<string>())
        : new Set<string>();
      const everyone = index.entries();
      let found: Found;
      if (everyone) {
        const hidden = await blocks.hiddenFrom(viewerId);
        found = searchMembers(everyone, viewerId, read.criteria, ctx.clock.now(), { hidden, online });
      } else {
        found = await findMembers(ctx.db, viewerId, read.criteria, ctx.clock.now(), [...online]);
        fromTables.inc();
      }
      counter.inc();
      return { criteria: read.criteria, found };
    },
  };
  return own;
}
