// Nancy adds a photo from her phone, Mo approves it, Bob sees it on her profile and likes
// it, and Nancy hears of the like. The file is a real JPEG made here, with GPS in it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { BOB, joined, launch, logIn, MO, NANCY, snap, startSite, type Phone, type Site } from './browser.ts';

let site: Site;
let browser: Browser;
let files: string;

before(async () => {
  site = await startSite({ MEETCUTE_MODERATORS: 'mo@example.com' });
  browser = await launch();
  files = mkdtempSync(join(tmpdir(), 'meetcute-e2e-photo-'));
});

after(async () => {
  await browser?.close();
  await site?.stop();
  rmSync(files, { recursive: true, force: true });
});

test('a photo is uploaded, approved, seen and liked, and its owner hears of it', async () => {
  const photo = join(files, 'IMG_0042.jpg');
  writeFileSync(
    photo,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d08050' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 0/1' } })
      .toBuffer(),
  );
  const [{ page: mo }, nancyPhone, bobPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [
    Phone,
    Phone,
    Phone,
  ];

  const second = join(files, 'IMG_0043.jpg');
  writeFileSync(
    second,
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#5080d0' } })
      .jpeg()
      .toBuffer(),
  );

  const nancy = await logIn(site, nancyPhone.context, 'nancy@example.com');
  for (const file of [photo, second]) {
    await nancy.goto(`${site.url}/photos`);
    await nancy.getByLabel('Photo', { exact: true }).setInputFiles(file);
    await nancy.getByRole('button', { name: 'Upload' }).click();
    await nancy.getByText('Your photo was uploaded').waitFor();
  }
  await nancy.getByText('Waiting for review').first().waitFor();
  await snap(nancy, 'photos-uploaded');

  for (let approvedSoFar = 0; approvedSoFar < 2; approvedSoFar++) {
    await mo.goto(`${site.url}/review/photos`);
    const card = mo.locator('article', { has: mo.getByText('by Nancy') }).first();
    await card.getByRole('button', { name: 'Approve' }).click();
    await mo.getByText('Approved.').waitFor();
  }

  const bob = await logIn(site, bobPhone.context, 'bob@example.com');
  const nancyId = await nancy.evaluate(async () => {
    const r = await fetch('/api/v1/photos');
    return ((await r.json()) as { photos: Array<{ ownerId: string }> }).photos[0]!.ownerId;
  });
  await bob.goto(`${site.url}/members/${nancyId}`);
  // Her profile opens with her two photos, portrait first, in the profile's size: the browser
  // really got the image (a 404 or the silhouette shown without photos would not be 640 wide).
  const strip = bob.locator('ul.strip img');
  await strip.first().waitFor();
  assert.equal(await strip.count(), 2);
  await strip.first().evaluate((img: HTMLImageElement) => img.decode());
  assert.equal(await strip.first().evaluate((img: HTMLImageElement) => img.naturalWidth), 640);
  assert.equal(await bob.locator('img.portrait-large').count(), 0, 'no silhouette above her photos');
  await bob.getByRole('button', { name: 'Like this photo of Nancy' }).first().click();
  await bob.getByText('1 like', { exact: true }).waitFor();
  await bob.getByRole('button', { name: 'Unlike' }).waitFor();
  await snap(bob, 'photos-liked');

  // Nancy fits what Bob looks for: her approved photo is in his news, and she is found with a photo.
  await bob.goto(`${site.url}/news`);
  // Both of her photos in one card: a run of items by one member is shown once.
  await bob.locator('li.news-item.photo .news-photo img').nth(1).waitFor();
  const newsPhoto = bob.locator('li.news-item.photo .news-photo img').first();
  await newsPhoto.evaluate((img: HTMLImageElement) => img.decode());
  assert.equal(await newsPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth), 240);
  await snap(bob, 'photos-in-news');

  // A photo opens in the gallery; the arrow keys go through her album.
  await newsPhoto.click();
  const shown = bob.getByText(/^Photo \d of 2$/);
  const first = await shown.textContent();
  await bob.keyboard.press(first === 'Photo 1 of 2' ? 'ArrowRight' : 'ArrowLeft');
  await bob.getByText(first === 'Photo 1 of 2' ? 'Photo 2 of 2' : 'Photo 1 of 2').waitFor();
  const large = bob.locator('[data-gallery] img');
  await large.evaluate((img: HTMLImageElement) => img.decode());
  assert.ok((await large.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 240, 'the large size');
  await snap(bob, 'photos-gallery');
  await bob.goto(`${site.url}/search`);
  await bob.getByLabel('Only members with a photo').check();
  await bob
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  await bob
    .locator('li.member-card', { has: bob.getByRole('link', { name: 'Nancy', exact: true }) })
    .waitFor();
  assert.ok(bob.url().includes('hasPhoto=true'));

  // Her alerts say what Bob did and what the moderator decided, without naming the moderator.
  await nancy.goto(`${site.url}/alerts`);
  await nancy.getByText('Bob liked your photo').waitFor();
  await nancy.getByText('Your photo was approved').first().waitFor();
  await snap(nancy, 'photos-alerts');
});
