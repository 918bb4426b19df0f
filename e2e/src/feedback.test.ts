// One feedback pattern for every action (web/src/feedback.ts): with JavaScript, a card's
// button updates that card in place, says what it did beside it and takes focus there; the
// page neither reloads nor jumps to its top. Without JavaScript the same button lands at the
// card's anchor with the same notice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BOB, joined, launch, logIn, MO, NANCY, startSite, type Phone, type Site } from './browser.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite({ MEETCUTE_MODERATORS: 'mo@example.com' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

test('favouriting from search updates the card in place, at the card, with the notice focused', async () => {
  const [, nancyPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [Phone, Phone, Phone];
  const nancy = await logIn(site, nancyPhone.context, 'nancy@example.com');
  await nancy.goto(`${site.url}/search?gender=man`);
  const card = nancy.locator('li.member-card', {
    has: nancy.getByRole('link', { name: 'Bob', exact: true }),
  });
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();
  // A mark that a reload would wipe, and where the page stood before the button.
  const before = await nancy.evaluate(() => {
    (window as unknown as { samePage: boolean }).samePage = true;
    return window.scrollY;
  });

  await card.getByRole('button', { name: /Favourite/ }).click();
  const notice = card.getByRole('status').filter({ hasText: 'Added to your favourites.' });
  await notice.waitFor();

  const after = await nancy.evaluate(() => ({
    samePage: (window as unknown as { samePage?: boolean }).samePage === true,
    scrollY: window.scrollY,
    focused: document.activeElement?.hasAttribute('data-feedback-notice') ?? false,
    url: location.pathname + location.search + location.hash,
  }));
  assert.equal(after.samePage, true, 'the page was reloaded');
  assert.equal(after.focused, true, 'focus is not on the notice');
  // Where the member stood is where they are: the card is still on the screen (a reload to the
  // top would pass a scroll check on a page too short to scroll, not this one).
  const box = await card.boundingBox();
  const height = await nancy.evaluate(() => window.innerHeight);
  assert.ok(
    box && box.y + box.height > 0 && box.y < height,
    `the card left the screen: ${JSON.stringify({ before, after, box })}`,
  );
  assert.match(after.url, /^\/search\?gender=man&favourite=added&to=[0-9a-f-]+#member-[0-9a-f-]+$/);
  // The card is the new one: its button now takes the favourite back, and does so in place too.
  await card.getByRole('button', { name: /Remove favourite/ }).click();
  await card.getByRole('status').filter({ hasText: 'Removed from your favourites.' }).waitFor();
  assert.equal(
    await nancy.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true),
    true,
  );

  // Without JavaScript the same button lands at the card with the same notice.
  const plain = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await nancyPhone.context.storageState(),
  });
  const page = await plain.newPage();
  await page.goto(`${site.url}/search?gender=man`);
  await page
    .locator('li.member-card')
    .getByRole('button', { name: /Favourite/ })
    .click();
  await page.waitForURL(/favourite=added&to=[0-9a-f-]+#member-/);
  await page.locator('li.member-card [role="status"]', { hasText: 'Added to your favourites.' }).waitFor();
  await plain.close();
});

test('after a diary post made in place, scrolling down still brings the older posts', async () => {
  const context = await browser.newContext();
  try {
    const nancy = await logIn(site, context, 'nancy@example.com');
    await nancy.goto(`${site.url}/diary`);
    // More posts than one page holds (20), written through the API as another device would.
    const statuses = await nancy.evaluate(async () => {
      const answers: number[] = [];
      for (let i = 1; i <= 21; i++) {
        const r = await fetch('/api/v1/diary', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: `Old post ${i}` }),
        });
        answers.push(r.status);
      }
      return answers;
    });
    assert.deepEqual(new Set(statuses), new Set([201]));
    await nancy.goto(`${site.url}/diary`);
    await nancy.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await nancy.getByLabel('New post').fill('A new post, made in place');
    await nancy.getByRole('button', { name: 'Post', exact: true }).click();
    await nancy.locator('#my-diary [role="status"]').waitFor();
    assert.equal(
      await nancy.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true),
      true,
      'the page was reloaded',
    );

    // The list and its "Older" link are the new ones: they still load the next page.
    await nancy.locator('#my-diary a[rel="next"]').scrollIntoViewIfNeeded();
    await nancy.waitForFunction(() => document.querySelectorAll('[data-infinite] > *').length === 22, null, {
      timeout: 10_000,
    });
  } finally {
    await context.close();
  }
});
