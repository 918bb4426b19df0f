import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App, type AppOptions, type Config } from '@meetcute/core';
import { assetRoutes, errorPage } from '@meetcute/web';
import { modules } from './modules.ts';

const version =
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    }
  ).version ?? '0.0.0';

/**
 * The one composition root. Everything the app needs is built here from config;
 * tests pass overrides (storage, clock, ids, logger) instead of touching globals.
 */
export function buildApp(config: Config, overrides: Partial<Omit<AppOptions, 'config'>> = {}): Promise<App> {
  return createApp({
    config,
    modules,
    version,
    plugins: [assetRoutes],
    renderError: errorPage,
    ...overrides,
  });
}

export { modules };
