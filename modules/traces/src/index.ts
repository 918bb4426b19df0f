import { defineModule } from '@meetcute/core';
import { logPages } from './log-pages.ts';
import { tracePages } from './pages.ts';
import { useCases } from './use-cases.ts';

export const traces = defineModule({
  name: 'traces',
  description:
    'Traces and the live log tail: operators see one request’s way through every module as a waterfall, and every node’s recent log lines as they are written.',
  publishes: [],
  consumes: [],
  tables: {},
  migrations: [],
  projections: [],
  useCases,
  register(ctx) {
    tracePages(ctx.http, ctx.telemetry);
    logPages(ctx.http, ctx.telemetry);
  },
});
