import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLogger, openStorage, readConfig, type App } from '@meetcute/core';
import { buildApp } from '@meetcute/server';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');

/** Chromium as these machines can run it: headless, no sandbox (root), no calls home. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Site {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** The whole site on a random loopback port, on a throw-away SQLite directory. */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const directory = mkdtempSync(join(tmpdir(), 'meetcute-e2e-'));
  const config = readConfig({
    MEETCUTE_PORT: '0',
    MEETCUTE_HOST: '127.0.0.1',
    MEETCUTE_LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await buildApp(config, {
    storage: openStorage({ kind: 'sqlite', directory }),
    logger: createLogger('silent'),
  });
  const url = await app.listen();
  return {
    app,
    url,
    async stop() {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under e2e/screenshots (git-ignored) for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A phone-sized page: most members use phones. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
};
