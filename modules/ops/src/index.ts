import { randomUUID } from 'node:crypto';
import { defineModule } from '@meetcute/core';
import { commands as opsCommands } from './commands.ts';
import { events } from './events.ts';
import { eventPages } from './event-pages.ts';
import { MetricsHistory, WINDOWS } from './history.ts';
import { incidentPages } from './incident-pages.ts';
import { overviewRoute } from './overview.ts';
import { overviewPage } from './overview-page.ts';
import { releasePages } from './release-pages.ts';
import { incidentRoutes } from './routes.ts';
import { migrations, noteStart, project, projections, tables } from './store.ts';
import { useCases } from './use-cases.ts';
import { pageUseCases } from './use-cases.pages.ts';

/**
 * The operator console: how the site is doing (graphs of each node's metrics), what runs
 * where (release history), the event log, and incidents with their post-mortems.
 */
export const ops = defineModule({
  name: 'ops',
  description: 'The operator console: live graphs, release history, the event browser and incidents.',
  publishes: events,
  // Incidents are kept as tables made from the module's own events.
  consumes: events,
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...pageUseCases],
  async register(ctx) {
    // Every process of the site notes its build as it starts: the release history.
    await noteStart(ctx.db, randomUUID(), ctx.node);
    project(ctx);
    const commands = opsCommands(ctx);
    incidentRoutes(ctx.http, commands, ctx.db);
    incidentPages(ctx.http, commands, ctx.db);
    releasePages(ctx.http, ctx.db);
    const history = new MetricsHistory({
      self: ctx.node,
      read: () => ctx.observe.metrics(),
      broker: ctx.broker,
      now: () => ctx.clock.now().getTime(),
    });
    const sampling = setInterval(() => {
      history
        .sample()
        .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not sample the metrics'));
    }, WINDOWS.hour.stepMs);
    sampling.unref();
    ctx.onClose(() => Promise.resolve(clearInterval(sampling)));
    const deps = {
      db: ctx.db,
      history,
      clock: ctx.clock,
      prometheusUrl: ctx.config.prometheusUrl,
      logger: ctx.logger,
    };
    overviewRoute(ctx.http, deps);
    overviewPage(ctx.http, deps);
    eventPages(ctx.http, ctx.observe);
  },
});
