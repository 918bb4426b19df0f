// A newcomer's first day, on a small phone, end to end: Erin signs up, and while she waits
// she adds a photo and fixes a typo in her sign-up; Mo approves her from his own phone and
// her open page says so by itself; she searches, finds Bob in the grid of faces, opens his
// profile and his photos, and writes to him. Every page she sees fits a 360 px screen,
// has nothing too small to tap and no serious or critical accessibility violation, there
// and on a desktop's screen (the bar and the menu change between the two).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  accessible,
  BOB,
  fitsSmallPhone,
  joined,
  launch,
  logIn,
  MO,
  PHONE,
  signUp,
  SMALL_PHONE,
  startSite,
  type Phone,
  type Site,
} from './browser.ts';

let site: Site;
let browser: Browser;
let files: string;

before(async () => {
  site = await startSite({ MEETCUTE_MODERATORS: MO.email });
  browser = await launch();
  files = mkdtempSync(join(tmpdir(), 'meetcute-e2e-newcomer-'));
});

after(async () => {
  await browser?.close();
  await site?.stop();
  rmSync(files, { recursive: true, force: true });
});

/**
 * The page as it is now fits a 360 px phone (fitsSmallPhone), and axe finds no serious
 * barrier on it at a desktop's size either; the phone's size is put back.
 */
async function fitsBoth(page: Page, name: string): Promise<void> {
  await fitsSmallPhone(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
  await accessible(page, `${name} (desktop)`);
  await page.setViewportSize(SMALL_PHONE);
}

/** A real JPEG of one colour, as a phone's camera would hand it over. */
async function photo(name: string, background: string): Promise<string> {
  const path = join(files, name);
  const jpeg = sharp({ create: { width: 600, height: 800, channels: 3, background } }).jpeg();
  writeFileSync(path, await jpeg.toBuffer());
  return path;
}

/** Uploads a photo from the photos page, as the portrait when asked. */
async function upload(page: Page, file: string, portrait: boolean): Promise<void> {
  await page.getByLabel('Photo', { exact: true }).setInputFiles(file);
  if (portrait) await page.getByLabel('Use as my portrait').check();
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByText('Your photo was uploaded').waitFor();
}

/** Mo approves every photo waiting in his queue. */
async function approvePhotos(mo: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await mo.goto(`${site.url}/review/photos`);
    await mo.getByRole('button', { name: 'Approve' }).first().click();
    await mo.getByText('Approved.').waitFor();
  }
}

test('sign-up, waiting (a photo, a typo fixed), approved live, search, profile, gallery, chat on a 360 px phone', async () => {
  // Bob is already a member, with a portrait and one more photo that Mo approved.
  const [moPhone, bobPhone] = (await joined(site, browser, [MO, BOB])) as [Phone, Phone];
  const mo = moPhone.page;
  const bob = await logIn(site, bobPhone.context, BOB.email);
  await bob.goto(`${site.url}/photos`);
  await upload(bob, await photo('bob-1.jpg', '#5080d0'), true);
  await upload(bob, await photo('bob-2.jpg', '#50a070'), false);
  await approvePhotos(mo, 2);

  const context = await browser.newContext({ ...PHONE, viewport: SMALL_PHONE });
  try {
    const erin = await context.newPage();
    await signUp(site, erin, {
      email: 'erin@example.com',
      nickname: 'Erin',
      gender: 'woman',
      birthday: '1994-07-21',
      city: 'Uppsala',
      looking: ['man'],
      aboutMe: 'I love hikng and baking.',
    });
    await erin.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    await fitsBoth(erin, 'waiting for review');

    // A page that opens on approval says why it is closed, and sends her back to what she can do.
    await erin.goto(`${site.url}/search`);
    await erin.getByText('That page opens once a moderator has approved your profile').waitFor();

    // Meanwhile she adds a photo, from the link on her waiting page.
    await erin.getByRole('link', { name: 'Add photos' }).click();
    await erin.waitForURL(/\/photos$/);
    await fitsBoth(erin, 'photos while waiting');
    await upload(erin, await photo('erin.jpg', '#d08050'), true);

    // And fixes the typo in her sign-up while it waits.
    await erin.goto(`${site.url}/registration`);
    await erin.getByText('Change my sign-up').click();
    await fitsBoth(erin, 'changing the sign-up');
    await erin.getByLabel('About me').fill('I love hiking and baking.');
    await erin.getByRole('button', { name: 'Save the changes' }).click();
    await erin.getByText('Changed. The moderator will read it as it is now.').waitFor();
    assert.match(await erin.locator('main').innerText(), /I love hiking and baking\./);

    // Mo reads the fixed sign-up and approves it; Erin's open page turns into the welcome.
    await mo.goto(`${site.url}/review`);
    const card = mo.locator('article', { has: mo.getByRole('heading', { name: 'Erin', exact: true }) });
    assert.match(await card.innerText(), /I love hiking and baking\./);
    await card.getByRole('button', { name: 'Approve' }).click();
    await mo.getByText('Approved.').waitFor();
    await erin.getByRole('heading', { name: 'Welcome to Meetcute!' }).waitFor();
    await fitsBoth(erin, 'approved live');

    // Search: a grid of faces, Bob's with his portrait.
    await erin.goto(`${site.url}/search`);
    await erin.getByRole('button', { name: 'Search', exact: true }).click();
    const bobCard = erin.locator('li.member-card', { hasText: 'Bob' });
    await bobCard.waitFor();
    assert.equal(await bobCard.locator('img.portrait').count(), 1, 'Bob’s card shows his portrait');
    await fitsBoth(erin, 'search results');

    // His profile opens with his photos; the first opens in the gallery, which leads to the next.
    await bobCard.getByRole('link', { name: 'Bob', exact: true }).click();
    await erin.getByRole('heading', { name: 'Bob' }).first().waitFor();
    await fitsBoth(erin, 'profile');
    await erin.getByRole('link', { name: 'Photo of Bob' }).first().click();
    await erin.getByText('Photo 1 of 2').waitFor();
    await fitsBoth(erin, 'gallery');
    await erin.getByRole('link', { name: /Next/ }).click();
    await erin.getByText('Photo 2 of 2').waitFor();

    // And she writes to him.
    await erin.getByRole('link', { name: 'Back to Bob' }).click();
    await erin.getByRole('link', { name: 'Message Bob' }).click();
    await erin.waitForURL(/\/chats\/[0-9a-f-]+$/);
    await erin.getByLabel('Message').fill('Hi Bob! Your bread looks great.');
    await erin.getByRole('button', { name: 'Send' }).click();
    await erin.locator('.message', { hasText: 'Your bread looks great.' }).first().waitFor();
    await fitsBoth(erin, 'conversation');
  } finally {
    await context.close();
  }
});
