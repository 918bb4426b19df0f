import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, readConfig } from '@meetcute/core';
import type { TestAppFactory } from '@meetcute/core/testing';
import { buildApp } from './app.ts';

/**
 * The whole app as the use cases see it: silent logs, Mo as moderator, injected clock,
 * ids and mail-link key, and a directory of its own for photos and kept mail, removed
 * when the app closes.
 */
export const testApp: TestAppFactory = async ({ storage, clock, ids, linkKey }) => {
  const files = await mkdtemp(join(tmpdir(), 'meetcute-files-'));
  const app = await buildApp(
    readConfig({
      MEETCUTE_MODERATORS: 'mo@example.com',
      MEETCUTE_LOG_LEVEL: 'silent',
      MEETCUTE_PHOTO_DIRECTORY: join(files, 'photos'),
      MEETCUTE_MAIL_DIRECTORY: join(files, 'mail'),
    }),
    { storage, clock, ids, linkKey, logger: createLogger('silent') },
  ).catch(async (error: unknown) => {
    await rm(files, { recursive: true, force: true });
    throw error;
  });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await rm(files, { recursive: true, force: true });
  };
  return app;
};
