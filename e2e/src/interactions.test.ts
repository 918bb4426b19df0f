// Two members meet: Nancy searches, finds Bob, visits, flirts and favourites him; Bob
// sees the visit and the flirt; then Bob blocks Nancy and she can neither find nor open him;
// he lifts the block and the flirt and favourite it hid are back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BOB, joined, launch, logIn, MO, NANCY, snap, startSite, type Phone, type Site } from './browser.ts';

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

test('search, visit, flirt, favourite, then a block hides them from each other until it is lifted', async () => {
  const [, nancyPhone, bobPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [Phone, Phone, Phone];

  const nancy = await logIn(site, nancyPhone.context, 'nancy@example.com');
  await nancy.goto(`${site.url}/search`);
  // A checkbox sits beside its words, one line high, not stretched above them.
  const onlineBox = nancy.getByRole('checkbox', { name: 'Only members online now' });
  const [box, label] = await Promise.all([
    onlineBox.boundingBox(),
    nancy.locator('label', { has: onlineBox }).boundingBox(),
  ]);
  assert.ok(box && label && box.width < 40 && label.height < 60, JSON.stringify({ box, label }));
  await nancy
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  const bobCard = nancy.locator('li.member-card', {
    has: nancy.getByRole('link', { name: 'Bob', exact: true }),
  });
  await bobCard.waitFor();
  assert.match(await bobCard.innerText(), /34 years/);
  await snap(nancy, '20-search-results');

  const bobProfile = `${site.url}${await bobCard.getByRole('link', { name: 'Bob', exact: true }).getAttribute('href')}`;
  await nancy.goto(bobProfile);
  await nancy.getByRole('heading', { name: 'Bob' }).waitFor();
  assert.match(await nancy.locator('main').innerText(), /km away/);
  await nancy.getByRole('button', { name: /^Flirt/ }).click();
  // Said beside the button, where she pressed it (in place with JavaScript, feedback.ts).
  await nancy.getByRole('status').filter({ hasText: 'You flirted with Bob.' }).waitFor();
  await nancy.goto(bobProfile);
  await nancy.getByRole('button', { name: /Favourite/ }).click();
  await nancy.waitForLoadState('load');
  // Back on his profile, beside the button, as after the flirt.
  await nancy.getByRole('status').filter({ hasText: 'Added to your favourites.' }).waitFor();
  await nancy.goto(bobProfile);
  assert.match(await nancy.locator('main').innerText(), /Remove favourite/);
  await snap(nancy, '21-profile-after-flirt-and-favourite');

  const bob = await logIn(site, bobPhone.context, 'bob@example.com');
  await bob.goto(`${site.url}/visitors`);
  await bob.getByRole('link', { name: 'Nancy', exact: true }).waitFor();
  await snap(bob, '22-visitors');
  await bob.goto(`${site.url}/flirts`);
  await bob.getByRole('link', { name: 'Nancy', exact: true }).first().waitFor();
  await snap(bob, '23-flirts-received');

  // Bob blocks Nancy from her profile.
  await bob.getByRole('link', { name: 'Nancy', exact: true }).first().click();
  await bob.getByRole('heading', { name: 'Nancy' }).waitFor();
  // It sits apart from flirting and writing, with reporting, and asks first; Bob confirms.
  assert.equal(await bob.locator('.actions:not(.safety)').getByRole('link', { name: 'Block…' }).count(), 0);
  await bob.locator('.actions.safety').getByRole('link', { name: 'Report…' }).waitFor();
  await bob.locator('.actions.safety').getByRole('link', { name: 'Block…' }).click();
  await bob.getByRole('heading', { name: 'Block Nancy?' }).waitFor();
  await snap(bob, '24-block-confirm');
  await bob.getByRole('button', { name: 'Block Nancy' }).click();
  await bob.waitForURL(/\/blocks/);
  await snap(bob, '24-blocked-list');

  await nancy.goto(`${site.url}/search`);
  await nancy
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  await nancy.waitForLoadState('load');
  assert.equal(
    await nancy.getByRole('link', { name: 'Bob', exact: true }).count(),
    0,
    'Bob is gone from Nancy’s search',
  );
  const gone = await nancy.goto(bobProfile);
  assert.equal(gone?.status(), 404, 'Bob’s profile is as if absent for Nancy');
  await snap(nancy, '25-blocked-profile-is-404');
  const response = await nancy.goto(`${site.url}/favourites`);
  assert.equal(response?.status(), 200);
  assert.equal(
    await nancy.getByRole('link', { name: 'Bob', exact: true }).count(),
    0,
    'Bob is gone from Nancy’s favourites',
  );

  // Bob lifts the block: what it hid comes back, Nancy's flirt and her favourite with it.
  await bob.goto(`${site.url}/blocks`);
  await bob.getByRole('button', { name: 'Unblock' }).click();
  await bob.getByText('what the block hid is back').waitFor();
  await bob.goto(`${site.url}/flirts`);
  await bob.getByRole('link', { name: 'Nancy', exact: true }).first().waitFor();
  await nancy.goto(`${site.url}/favourites`);
  await nancy.getByRole('link', { name: 'Bob', exact: true }).first().waitFor();
  await snap(nancy, '26-favourite-back-after-unblock');
});
