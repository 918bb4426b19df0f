import websocket from '@fastify/websocket';
import { defineModule, NOTIFICATIONS, type NotificationHub } from '@meetcute/core';
import { LiveHub } from './hub.ts';
import { migrations } from './store.ts';
import { liveRoutes } from './routes.ts';
import { useCases } from './use-cases.ts';

export { LiveHub } from './hub.ts';

/**
 * The live channel and the notification hub. Other modules notify a member
 * through the hub (`NOTIFICATIONS`); every open page of that member receives it.
 */
export const live = defineModule({
  name: 'live',
  description:
    'One live channel per open page (WebSocket, SSE, long polling), resumable; the notification hub.',
  publishes: [],
  consumes: [],
  migrations,
  projections: [],
  useCases,
  async register(ctx) {
    const hub = new LiveHub(ctx.db, ctx.clock, ctx.logger);
    ctx.services.provide<NotificationHub>(NOTIFICATIONS, hub);
    ctx.services.provide<LiveHub>('live.hub', hub);
    await ctx.http.register(websocket, { options: { maxPayload: 64 * 1024 } });
    liveRoutes(ctx.http, hub);
  },
});
