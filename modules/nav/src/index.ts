import { LIVE_HUB } from '@meetcute/live';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { defineModule, type ServiceRegistry } from '@meetcute/core';
import type { LiveHub } from '@meetcute/live';
import { languageOf, NAV_COUNTERS, type NavCounter, type NavState } from '@meetcute/web';
import { useCases } from './use-cases.ts';

async function navState(request: FastifyRequest, services: ServiceRegistry, hub: LiveHub): Promise<NavState> {
  const memberId = request.viewer!.memberId;
  const language = languageOf(request);
  const counters = services.contributions<NavCounter>(NAV_COUNTERS);
  // Taken first: a counter that moves while the others are counted is pushed after this id.
  const liveAfter = hub.latest();
  const counts = await Promise.all(counters.map((c) => c.count(memberId, request)));
  return {
    counters: counters.map((c, i) => ({
      name: c.name,
      href: c.href,
      label: c.label[language] ?? c.label.en,
      count: counts[i] ?? 0,
    })),
    liveAfter,
  };
}

/**
 * The top bar's counters (new alerts, news, unread chats). Without JavaScript they
 * are counted on every page load; with it, the page's live channel moves them as
 * `counter` notifications arrive.
 */
export const nav = defineModule({
  name: 'nav',
  description:
    'Counters in the top bar for new alerts, news and unread chats, rendered on each page and updated live.',
  publishes: [],
  consumes: [],
  requires: [LIVE_HUB],
  tables: {},
  migrations: [],
  projections: [],
  useCases,
  register(ctx) {
    const hub = ctx.services.require<LiveHub>(LIVE_HUB);
    ctx.http.addHook('preHandler', async (request) => {
      if (request.routeOptions.config?.kind !== 'page' || !request.viewer) return;
      // A member still in review counts nothing yet, but their page listens all the same:
      // the moderator's approval reaches it live.
      request.nav =
        request.viewer.status === 'approved'
          ? await navState(request, ctx.services, hub)
          : { counters: [], liveAfter: hub.latest() };
    });
    ctx.http.get(
      '/api/v1/nav',
      {
        config: { access: 'approved', kind: 'api' },
        schema: {
          summary: 'The top bar counters and where the live channel resumes',
          tags: ['nav'],
          response: {
            200: Type.Object({
              counters: Type.Array(
                Type.Object({
                  name: Type.String(),
                  href: Type.String(),
                  label: Type.String(),
                  count: Type.Integer(),
                }),
              ),
              liveAfter: Type.Integer(),
            }),
          },
        },
      },
      (request) => navState(request, ctx.services, hub),
    );
  },
});
