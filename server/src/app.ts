import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App, type AppOptions, type Config } from '@meetcute/core';
import { assetRoutes, errorPage, styleGuideRoutes } from '@meetcute/web';
import { modules } from './modules.ts';

const version =
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    }
  ).version ?? '0.0.0';

/** The commit this checkout is at, asked of git once; none when it is not a git checkout. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}
// Asked once per process, however many apps the tests build.
let commit: { value: string | null } | undefined;

/**
 * The one composition root. Everything the app needs is built here from config;
 * tests pass overrides (storage, clock, ids, logger) instead of touching globals.
 */
export function buildApp(config: Config, overrides: Partial<Omit<AppOptions, 'config'>> = {}): Promise<App> {
  return createApp({
    config,
    modules,
    version,
    commit: (commit ??= { value: gitCommit() }).value,
    plugins: [assetRoutes, styleGuideRoutes],
    renderError: errorPage,
    ...overrides,
  });
}

export { modules };
