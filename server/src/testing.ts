import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, readConfig } from '@meetcute/core';
import type { TestAppFactory } from '@meetcute/core/testing';
import { buildApp } from './app.ts';

/**
 * The whole app as the use cases see it: silent logs, Mo as moderator, injected clock and
 * ids, and its own photo directory, removed when the app closes.
 */
export const testApp: TestAppFactory = async ({ storage, clock, ids }) => {
  const photos = await mkdtemp(join(tmpdir(), 'meetcute-photos-'));
  const app = await buildApp(
    readConfig({
      MEETCUTE_MODERATORS: 'mo@example.com',
      MEETCUTE_LOG_LEVEL: 'silent',
      MEETCUTE_PHOTO_DIRECTORY: photos,
    }),
    { storage, clock, ids, logger: createLogger('silent') },
  ).catch(async (error: unknown) => {
    await rm(photos, { recursive: true, force: true });
    throw error;
  });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await rm(photos, { recursive: true, force: true });
  };
  return app;
};
