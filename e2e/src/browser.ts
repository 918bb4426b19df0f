import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { openStorage, readConfig, type App } from '@meetcute/core';
import { buildApp } from '@meetcute/server';
import { codeAt, stepAt } from '@meetcute/auth';
import { axeViolations } from './usable.ts';

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
  /** Moves the site's clock on (its time runs from there), for what only time changes: who is online. */
  skipAhead(ms: number): void;
  stop(): Promise<void>;
}

/** The whole site on a random loopback port, on a throw-away SQLite directory. */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const directory = mkdtempSync(join(tmpdir(), 'meetcute-e2e-'));
  const config = readConfig({
    MEETCUTE_PORT: '0',
    MEETCUTE_HOST: '127.0.0.1',
    MEETCUTE_LOG_LEVEL: 'silent',
    MEETCUTE_PHOTO_DIRECTORY: join(directory, 'photos'),
    MEETCUTE_MAIL_DIRECTORY: join(directory, 'mail'),
    ...env,
  });
  // Quiet unless a test asks for a log level: its lines are kept for the console's tail either way.
  let ahead = 0;
  const app = await buildApp(config, {
    storage: openStorage({ kind: 'sqlite', directory }),
    logOutput: { write: () => undefined },
    clock: { now: () => new Date(Date.now() + ahead) },
  });
  const url = await app.listen();
  return {
    app,
    url,
    skipAhead(ms) {
      ahead += ms;
    },
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

/** The narrowest phone the pages are made for: nothing may scroll sideways on it. */
export const SMALL_PHONE = { width: 360, height: 740 };

/** What is too small to tap on a phone: visible buttons, fields and the bar's links under 44 px high. */
async function tooSmallToTap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a.button, summary, nav.bar a, .menu-panel a, input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), select, textarea',
    );
    return Array.from(controls)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.height < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
  });
}

/** No serious or critical accessibility violation (axe-core) on the page as it is now, at its present width. */
export async function accessible(page: Page, name = page.url()): Promise<void> {
  assert.deepEqual(
    await axeViolations(page, name),
    [],
    `${name}: serious or critical accessibility violations`,
  );
}

/**
 * The page on a 360 px phone: no sideways scrolling, nothing too small to tap and no serious
 * or critical accessibility violation (axe-core); the viewport is put back.
 */
export async function fitsSmallPhone(page: Page, name = page.url()): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize(SMALL_PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= SMALL_PHONE.width, `${name} (${page.url()}) is ${width} px wide on a 360 px phone`);
  assert.deepEqual(await tooSmallToTap(page), [], `${name}: controls under 44 px`);
  await accessible(page, name);
  if (size) await page.setViewportSize(size);
}

export const PASSWORD = 'correct horse battery';

/** What a person types into the sign-up form. */
export interface SignUpForm {
  email: string;
  nickname: string;
  gender: string;
  birthday: string;
  city: string;
  looking: string[];
  aboutMe: string;
  ages?: [number, number];
}

/** The people of our browser tests (Mo is a moderator when the site names mo@example.com). */
export const MO: SignUpForm = {
  email: 'mo@example.com',
  nickname: 'Mo',
  gender: 'nonbinary',
  birthday: '1988-08-08',
  city: 'Stockholm',
  looking: ['woman'],
  aboutMe: 'Moderator.',
};
/** The site as the console's tests start it: Mo approves sign-ups and runs the site (one second factor), every request logged and traced. */
export const OPERATED_BY_MO: Record<string, string> = {
  MEETCUTE_MODERATORS: MO.email,
  MEETCUTE_OPERATORS: MO.email,
  MEETCUTE_LOG_LEVEL: 'info',
  MEETCUTE_TRACE_SAMPLE_RATIO: '1',
};
export const NANCY: SignUpForm = {
  email: 'nancy@example.com',
  nickname: 'Nancy',
  gender: 'woman',
  birthday: '1995-03-14',
  city: 'Stockholm',
  looking: ['man'],
  aboutMe: 'Sailing and jazz.',
};
export const BOB: SignUpForm = {
  email: 'bob@example.com',
  nickname: 'Bob',
  gender: 'man',
  birthday: '1992-01-20',
  city: 'Uppsala',
  looking: ['woman'],
  ages: [25, 35],
  aboutMe: 'I bake bread.',
};

/** A person's own phone: a browser context of its own and the page they are on. */
export interface Phone {
  context: BrowserContext;
  page: Page;
}

/**
 * Each person signs up on a phone of their own, in order, and Mo, who must be among
 * them, approves everyone else from the review queue. The phones come back in the
 * order given, each on the page where its sign-up ended (logged in). `phone` adds to
 * every phone's browser settings (its user agent, say).
 */
export async function joined(
  site: Site,
  browser: Browser,
  people: SignUpForm[],
  phone: BrowserContextOptions = {},
): Promise<Phone[]> {
  const phones: Phone[] = [];
  for (const person of people) {
    const context = await browser.newContext({ ...PHONE, ...phone });
    const page = await context.newPage();
    await signUp(site, page, person);
    phones.push({ context, page });
  }
  const mo = phones[people.findIndex((p) => p.email === MO.email)];
  if (!mo) throw new Error('joined() needs Mo among the people, to approve the others');
  const others = people.filter((p) => p.email !== MO.email).map((p) => p.nickname);
  await approveAll(site, mo.page, others);
  return phones;
}

/** Fills in the sign-up form as a person would and waits for the review page. */
export async function signUp(site: Site, page: Page, who: SignUpForm) {
  await page.goto(`${site.url}/signup`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Nickname').fill(who.nickname);
  await page.locator(`input[name="gender"][value="${who.gender}"]`).check();
  await page.getByLabel('Birthday').fill(who.birthday);
  await page.getByLabel('Where I live').fill(who.city);
  for (const g of who.looking) await page.locator(`input[name="lookingFor.genders"][value="${g}"]`).check();
  if (who.ages) {
    await page.getByLabel('From age').fill(String(who.ages[0]));
    await page.getByLabel('To age').fill(String(who.ages[1]));
  }
  await page.getByLabel('About me').fill(who.aboutMe);
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.waitForURL(/\/registration/);
  if (who.email === MO.email) {
    await setUpAuthenticator(site, page);
    await page.goto(`${site.url}/registration`);
  }
}

/**
 * Mo moderates, and a moderator's role holds only with an authenticator app: the review
 * queue sends Mo to set one up, and Mo does, typing the code an app would show for the
 * key on the page. Returns the key.
 */
export async function setUpAuthenticator(site: Site, page: Page): Promise<string> {
  await page.goto(`${site.url}/review`);
  await page.waitForURL(/\/account\/two-factor$/);
  await page.getByText('Moderators need two-factor authentication').waitFor();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = ((await page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Code').fill(codeAt(secret, stepAt(new Date())));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  return secret;
}

export async function logIn(site: Site, context: BrowserContext, email: string): Promise<Page> {
  // Start logged out, as on a new device: the login page sends members elsewhere.
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${site.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForLoadState('load');
  return page;
}

/** Waits until the page shows a logged-in member's menu, where logging out is. */
export async function menuShown(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByText('Menu', { exact: true }).waitFor();
}

/** Logs out as a member does: from the menu (a <details>, so it is opened first). */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByText('Menu', { exact: true }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
}

/** Mo approves each sign-up from the review queue. */
export async function approveAll(site: Site, mo: Page, nicknames: string[]): Promise<void> {
  for (const nickname of nicknames) {
    await mo.goto(`${site.url}/review`);
    const card = mo.locator('article', { has: mo.getByRole('heading', { name: nickname, exact: true }) });
    await card.getByRole('button', { name: 'Approve' }).click();
    await mo.getByText('Approved.').waitFor();
  }
}
