import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type App, type ModuleDefinition } from '@meetcute/core';
import type { TestAppDeps, TestAppFactory } from '@meetcute/core/testing';
import { buildApp } from './app.ts';

/**
 * The whole app as the use cases see it: silent logs, Mo as moderator, Otto as operator, injected clock,
 * ids and mail-link key, and a directory of its own for photos and kept mail, removed
 * when the app closes. `settings` add to or override that environment (a mail server, a
 * size limit, a directory a test reads); `modules` replaces the list of modules (a new
 * module's test runs it beside the others). Every test that starts the app starts it here.
 */
export function testAppWith(
  settings: Record<string, string> = {},
  options: { modules?: ModuleDefinition[] } = {},
): (deps: Pick<TestAppDeps, 'storage' | 'clock'> & Partial<TestAppDeps>) => Promise<App> {
  return async ({ storage, clock, ids, linkKey }) => {
    const files = await mkdtemp(join(tmpdir(), 'meetcute-files-'));
    const app = await buildApp(
      readConfig({
        MEETCUTE_MODERATORS: 'mo@example.com',
        MEETCUTE_OPERATORS: 'otto@example.com',
        MEETCUTE_LOG_LEVEL: 'silent',
        MEETCUTE_PHOTO_DIRECTORY: join(files, 'photos'),
        MEETCUTE_MAIL_DIRECTORY: join(files, 'mail'),
        ...settings,
      }),
      {
        storage,
        clock,
        logOutput: { write: () => undefined },
        ...(ids && { ids }),
        ...(linkKey !== undefined && { linkKey }),
        ...(options.modules && { modules: options.modules }),
      },
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
}

export const testApp: TestAppFactory = testAppWith();
