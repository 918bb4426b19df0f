// Nancy adds a photo from her phone, Mo approves it, Bob sees it on her profile and likes
// it, and Nancy hears of the like. The file is a real JPEG made here, with GPS in it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { approveAll, launch, logIn, PHONE, signUp, snap, startSite, type Site } from './browser.ts';

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
  const moContext = await browser.newContext(PHONE);
  const nancyContext = await browser.newContext(PHONE);
  const bobContext = await browser.newContext(PHONE);
  try {
    const mo = await moContext.newPage();
    await signUp(site, mo, {
      email: 'mo@example.com',
      nickname: 'Mo',
      gender: 'nonbinary',
      birthday: '1988-08-08',
      city: 'Stockholm',
      looking: ['woman'],
      aboutMe: 'Moderator.',
    });
    await signUp(site, await nancyContext.newPage(), {
      email: 'nancy@example.com',
      nickname: 'Nancy',
      gender: 'woman',
      birthday: '1995-03-14',
      city: 'Stockholm',
      looking: ['man'],
      aboutMe: 'Sailing and jazz.',
    });
    await signUp(site, await bobContext.newPage(), {
      email: 'bob@example.com',
      nickname: 'Bob',
      gender: 'man',
      birthday: '1992-01-20',
      city: 'Uppsala',
      looking: ['woman'],
      aboutMe: 'I bake bread.',
    });
    await approveAll(site, mo, ['Nancy', 'Bob']);

    const nancy = await logIn(site, nancyContext, 'nancy@example.com');
    await nancy.goto(`${site.url}/photos`);
    await nancy.getByLabel('Photo', { exact: true }).setInputFiles(photo);
    await nancy.getByRole('button', { name: 'Upload' }).click();
    await nancy.getByText('Your photo was uploaded').waitFor();
    await nancy.getByText('Waiting for review').waitFor();
    await snap(nancy, 'photos-uploaded');

    await mo.goto(`${site.url}/review/photos`);
    const card = mo.locator('article', { has: mo.getByText('by Nancy') });
    await card.getByRole('button', { name: 'Approve' }).click();
    await mo.getByText('Approved.').waitFor();

    const bob = await logIn(site, bobContext, 'bob@example.com');
    const nancyId = await nancy.evaluate(async () => {
      const r = await fetch('/api/v1/photos');
      return ((await r.json()) as { photos: Array<{ ownerId: string }> }).photos[0]!.ownerId;
    });
    await bob.goto(`${site.url}/members/${nancyId}`);
    const image = bob.locator('#photos + ul img').first();
    await image.waitFor();
    // The browser really got the image (a 404 or a silhouette would not be 240 wide).
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 240);
    const portrait = bob.locator('img.portrait-large');
    await portrait.evaluate((img: HTMLImageElement) => img.decode());
    assert.equal(await portrait.evaluate((img: HTMLImageElement) => img.naturalWidth), 640);
    await bob.getByRole('button', { name: 'Like this photo of Nancy' }).click();
    await bob.getByText('1 likes').waitFor();
    await bob.getByRole('button', { name: 'Unlike' }).waitFor();
    await snap(bob, 'photos-liked');

    await nancy.goto(`${site.url}/alerts`);
    await nancy.getByText('Bob liked your photo').waitFor();
  } finally {
    await moContext.close();
    await nancyContext.close();
    await bobContext.close();
  }
});
