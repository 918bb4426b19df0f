import type { FastifyRequest } from 'fastify';
import type { ServiceRegistry } from '@meetcute/core';
import { FLAGS, subjectOf, type Flags } from '@meetcute/flags';
import type { Placement } from '@meetcute/web';
import { isBot } from './rules.ts';

/**
 * The multi-variant flag whose variant decides a placement's density for the member who
 * views it. Without such a flag (or the flags module) the configured density holds.
 */
export const DENSITY_FLAGS: Readonly<Record<Placement, string>> = {
  news: 'ads.news',
  alerts: 'ads.alerts',
  profile: 'ads.profile',
};

/** What `variant` answers when there is no such flag: no variant says this. */
const NO_FLAG = 'configured';

/**
 * The density a variant names for a placement: `none` for no sponsored item; in the news
 * `every-N`, one after every N cards (1–100, as MEETCUTE_ADS_NEWS_EVERY); at the top of the
 * alerts and on profile pages `show-N`, N items together (1–5, as MEETCUTE_ADS_ALERTS and
 * MEETCUTE_ADS_PROFILE). Any other variant (`control`, or one of the other placement's
 * form) names none, and the configured density holds for it.
 */
export function variantDensity(placement: Placement, variant: string): number | undefined {
  if (variant === 'none') return 0;
  const news = placement === 'news';
  const named = (news ? /^every-(\d{1,3})$/ : /^show-(\d)$/).exec(variant);
  if (!named) return undefined;
  const n = Number(named[1]);
  return n >= 1 && n <= (news ? 100 : 5) ? n : undefined;
}

/** How many sponsored items each placement holds by configuration (MEETCUTE_ADS_*). */
export interface Configured {
  newsEvery: number;
  alerts: number;
  profile: number;
}

/**
 * A placement's density for the viewer of a request: for the news, every how many cards
 * one item stands (0 for none); for the alerts and profile pages, how many items stand
 * together. The flags module is looked up when asked (it may register after ads, or not
 * at all); its answer comes from memory, and the first answer in a running experiment
 * records the member's exposure. A visitor or a program is shown no ad, so is not asked
 * about: it would be an exposure to nothing.
 */
export function densityOf(
  services: ServiceRegistry,
  configured: Configured,
): (request: FastifyRequest, placement: Placement) => Promise<number> {
  const fallback: Record<Placement, number> = {
    news: configured.newsEvery,
    alerts: configured.alerts,
    profile: configured.profile,
  };
  return async (request, placement) => {
    const flags = services.optional<Flags>(FLAGS);
    if (!flags || !request.viewer || isBot(request.headers['user-agent'])) return fallback[placement];
    const variant = await flags.variant(DENSITY_FLAGS[placement], subjectOf(request), NO_FLAG);
    return variantDensity(placement, variant) ?? fallback[placement];
  };
}
