import { createLogger, readConfig } from '@meetcute/core';
import type { TestAppFactory } from '@meetcute/core/testing';
import { buildApp } from '../src/app.ts';

/** The whole app as the use cases see it: silent logs, Mo as moderator, injected clock and ids. */
export const testApp: TestAppFactory = ({ storage, clock, ids }) =>
  buildApp(readConfig({ MEETCUTE_MODERATORS: 'mo@example.com', MEETCUTE_LOG_LEVEL: 'silent' }), {
    storage,
    clock,
    ids,
    logger: createLogger('silent'),
  });
