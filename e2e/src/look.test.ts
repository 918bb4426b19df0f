// Every page type, as a guest, a member waiting for review, an approved member and a
// moderator, at a phone's width and a desktop's: nothing scrolls sideways on a 360 px
// phone, the controls are large enough to tap, the bar and its menu work without
// JavaScript, and a screenshot of each page at both sizes is kept for a person to look at.
// axe-core looks at each at both sizes too, and the suite fails on any serious or critical
// accessibility violation (console.test.ts looks at the operator's console the same way).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  BOB,
  joined,
  launch,
  logIn,
  MO,
  NANCY,
  PHONE,
  SCREENSHOTS,
  signUp,
  SMALL_PHONE,
  startSite,
  accessible,
  fitsSmallPhone,
  type Phone,
  type Site,
} from './browser.ts';

const DESKTOP = { width: 1280, height: 800 };
/** Where the screenshots go: one per page type and size, named so they sort by who looks. */
const FOLDER = join(SCREENSHOTS, 'pages');

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite({ MEETCUTE_MODERATORS: MO.email });
  browser = await launch();
  mkdirSync(FOLDER, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.stop();
  console.log(`Screenshots of every page type, phone and desktop: ${FOLDER}`);
});

/**
 * Opens a page (once) and looks at it on a small phone and on a desktop: no sideways
 * scrolling and nothing too small to tap at 360 px; no serious accessibility barrier at
 * either size (the bar and the menu change between them); a screenshot at each size.
 */
async function look(page: Page, path: string, name: string): Promise<void> {
  if (path !== '') await page.goto(`${site.url}${path}`);
  await fitsSmallPhone(page, name);
  // As tall as the page, so the bar fixed to the screen's bottom is drawn at the page's end.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: SMALL_PHONE.width, height: Math.max(height, SMALL_PHONE.height) });
  await page.screenshot({ path: join(FOLDER, `${name}-phone.png`) });
  await page.setViewportSize(DESKTOP);
  await accessible(page, name);
  await page.screenshot({ path: join(FOLDER, `${name}-desktop.png`), fullPage: true });
}

/** The link in the newest password-reset mail, as Mo's outbox shows it (mail is sent in the background). */
async function resetLink(mo: Page): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    await mo.goto(`${site.url}/mail`);
    const mail = mo.getByRole('link', { name: 'Choose a new Meetcute password' }).first();
    if ((await mail.count()) > 0) {
      await mail.click();
      const link = mo.locator('pre.mail a', { hasText: '/password/reset?token=' }).first();
      if ((await link.count()) > 0) {
        const url = new URL((await link.getAttribute('href')) ?? '', site.url);
        return `${url.pathname}${url.search}`;
      }
    }
    await mo.waitForTimeout(200);
  }
  throw new Error('No password-reset mail in the outbox');
}

test('every page type fits a 360 px phone, with screenshots at phone and desktop sizes', async () => {
  const [moPhone, nancyPhone, bobPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [
    Phone,
    Phone,
    Phone,
  ];

  // Nancy adds a portrait and Mo approves it, so the front page has a face to show.
  const nancy = await logIn(site, nancyPhone.context, NANCY.email);
  assert.equal(new URL(nancy.url()).pathname, '/home', 'an approved member lands on her home after log-in');
  const photo = join(FOLDER, 'portrait.jpg');
  writeFileSync(
    photo,
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#d08050' } })
      .jpeg()
      .toBuffer(),
  );
  await nancy.goto(`${site.url}/photos`);
  await nancy.getByLabel('Photo', { exact: true }).setInputFiles(photo);
  await nancy.getByLabel('Use as my portrait').check();
  await nancy.getByRole('button', { name: 'Upload' }).click();
  await nancy.getByText('Your photo was uploaded').waitFor();
  rmSync(photo);
  await moPhone.page.goto(`${site.url}/review/photos`);
  await moPhone.page.getByRole('button', { name: 'Approve' }).first().click();
  await moPhone.page.getByText('Approved.').waitFor();

  // A guest sees who is here: Nancy's real portrait, not a silhouette.
  const guestContext = await browser.newContext(PHONE);
  const guest = await guestContext.newPage();
  await guest.goto(site.url);
  const face = guest.locator('.faces li', { hasText: 'Nancy' }).locator('img');
  const type = await face.evaluate(async (img: HTMLImageElement) => {
    const response = await fetch(img.src);
    return response.headers.get('content-type');
  });
  assert.equal(type, 'image/webp');
  await look(guest, '', '10-guest-front-page');
  await look(guest, '/login', '11-guest-login');
  await look(guest, '/signup', '12-guest-signup');
  await look(guest, '/password/forgot', '13-guest-forgot-password');
  // The living style guide: every component as the pages draw it, the tokens from the stylesheet.
  await look(guest, '/style-guide', '14-style-guide');
  // A suspended member's appeal form is open to anyone: it asks for the login, not a session.
  await look(guest, '/appeal', '15-guest-appeal');
  // The page a reset link opens: the guest asks for one, and Mo finds it in the outbox.
  await guest.goto(`${site.url}/password/forgot`);
  await guest.getByLabel('Email').fill(NANCY.email);
  await guest.getByRole('button', { name: 'Send me a link' }).click();
  await guest.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await look(guest, await resetLink(moPhone.page), '16-guest-reset-password');

  // Someone waiting for review.
  const eve = await guestContext.newPage();
  await signUp(site, eve, {
    email: 'eve@example.com',
    nickname: 'Eve',
    gender: 'woman',
    birthday: '1997-05-02',
    city: 'Helsinki',
    looking: ['man', 'woman'],
    aboutMe: 'Waiting for a moderator with a long, long sentence that has to wrap on a small phone.',
  });
  await look(eve, '/registration', '20-pending-registration');
  await look(eve, '/account', '21-pending-account');

  // An approved member: every section, a profile, a conversation.
  await nancy.goto(`${site.url}/search`);
  await nancy.getByRole('button', { name: 'Search', exact: true }).click();
  const bobLink = nancy.locator('li.member-card').getByRole('link', { name: 'Bob', exact: true });
  await bobLink.waitFor();
  await look(nancy, '', '30-member-search-results');
  const bobPath = (await bobLink.getAttribute('href')) ?? '';
  await look(nancy, bobPath, '31-member-profile');
  await nancy.getByRole('button', { name: /^Flirt/ }).click();
  await nancy.waitForLoadState('load');
  const sections = [
    '/profile',
    '/profile/edit',
    '/online',
    '/suggestions',
    '/visitors',
    '/flirts',
    '/favourites',
    '/interests',
    '/diary',
    '/photos',
    '/news',
    '/alerts',
    '/chats',
    '/account',
    '/blocks',
    // Her home, where she lands after log-in: suggestions, who visited or flirted, her news.
    '/home',
  ];
  for (const [i, path] of sections.entries())
    await look(nancy, path, `${32 + i}-member${path.replaceAll('/', '-')}`);
  await look(nancy, bobPath.replace('/members/', '/chats/'), '50-member-conversation');
  await look(nancy, '/members/00000000-0000-7000-8000-000000000000', '51-member-not-found');
  // The member's pages off the sections: asking before a block, a report, the forms behind
  // the profile and the account, a tag's members and someone's diary.
  const bobId = bobPath.replace('/members/', '');
  const more = [
    `${bobPath}/block`,
    `/reports/new?kind=profile&contentId=${encodeURIComponent(bobId)}`,
    '/profile/properties',
    '/profile/details',
    '/chats/settings',
    '/account/delete',
    '/account/two-factor',
    '/interests/jazz',
    `${bobPath}/diary`,
  ];
  const names = ['block', 'report', 'profile-properties', 'profile-details', 'chat-settings'];
  names.push('account-delete', 'account-two-factor', 'interest-tag', 'member-diary');
  for (const [i, path] of more.entries()) {
    await look(nancy, path, `${70 + i}-member-${names[i]}`);
    assert.equal(new URL(nancy.url()).pathname, path.split('?')[0], `${path} is shown, not sent elsewhere`);
  }

  // Bob's side: the interest page and what Nancy did show as cards.
  const bob = await logIn(site, bobPhone.context, BOB.email);
  await look(bob, '/flirts', '52-member-flirts-received');
  // Nancy's profile opens with her photo; the photo opens in the gallery, not as a file.
  const nancyLink = bob.locator('li.member-card').getByRole('link', { name: 'Nancy', exact: true });
  await look(bob, (await nancyLink.getAttribute('href')) ?? '', '53-member-profile-with-photos');
  await bob.locator('.profile-gallery .strip a').first().click();
  await bob.locator('[data-gallery]').waitFor();
  await look(bob, '', '54-member-photo-gallery');
  await look(nancy, '/search?minHeight=150&smoking=no&language=sv', '55-member-search-more-filters');

  // A moderator's pages.
  const mo = moPhone.page;
  for (const [i, path] of [
    '/review',
    '/review/photos',
    '/review/about-me',
    '/review/nicknames',
    '/review/reports',
    '/moderation/log',
    '/mail',
  ].entries())
    await look(mo, path, `${60 + i}-moderator${path.replaceAll('/', '-')}`);
  // Mo warns Bob; Bob's next page is the warning, to read before he goes on.
  await mo.goto(`${site.url}/moderation${bobPath}`);
  await mo.locator('#warn-reason').fill('Please keep your messages friendly.');
  await mo.getByRole('button', { name: 'Send the warning' }).click();
  await mo.waitForLoadState('load');
  await look(bob, '/warnings', '79-member-warnings');
  assert.match(bob.url(), /\/warnings/);
  await guestContext.close();

  // Without JavaScript the bar stays at the bottom of a phone and its menu opens and leads on.
  const context = await browser.newContext({ ...PHONE, viewport: SMALL_PHONE, javaScriptEnabled: false });
  try {
    const page = await logIn(site, context, NANCY.email);
    await page.goto(`${site.url}/search`);
    const bar = page.getByRole('navigation', { name: 'Main' });
    const box = await bar.boundingBox();
    assert.ok(
      box && Math.abs(box.y + box.height - SMALL_PHONE.height) < 1,
      `the bar is at ${JSON.stringify(box)}`,
    );
    await bar.getByText('Menu', { exact: true }).click();
    await bar.getByRole('link', { name: 'Favourites' }).click();
    await page.waitForURL(/\/favourites$/);
    await page.getByRole('heading', { name: 'Favourites' }).waitFor();
    // The list is empty, so it says what would fill it and where to go for that.
    await page.locator('.empty').getByRole('link', { name: 'Find people in search' }).click();
    await page.waitForURL(/\/search$/);
  } finally {
    await context.close();
  }
});
