// Live updates in two browsers: Nancy flirts and Bob's alert counter rises without a
// reload, and a new alert joins his open alerts page; Nancy's diary post reaches the news of a member who matches her and not of
// one who does not; a brand-new member sees their approval arrive live, and their news is never empty;
// a sign-up sent back shows its reason on the open waiting page; a new diary post joins an
// open news page, and an online badge goes and comes back as its member leaves and returns.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  approveAll,
  BOB,
  joined,
  launch,
  MO,
  NANCY,
  PHONE,
  signUp,
  snap,
  startSite,
  type SignUpForm,
  type Site,
} from './browser.ts';

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

test('counters move live, news follows preferences, new members get a full feed', async () => {
  const CARL: SignUpForm = {
    email: 'carl@example.com',
    nickname: 'Carl',
    gender: 'man',
    birthday: '1975-05-05',
    city: 'Stockholm',
    looking: ['woman'],
    ages: [40, 50],
    aboutMe: 'Looking for someone my age.',
  };
  const [mo, nancy, bob, carl] = (await joined(site, browser, [MO, NANCY, BOB, CARL])).map((p) => p.page) as [
    Page,
    Page,
    Page,
    Page,
  ];

  // Bob's first alert welcomes him; opening the alerts reads it.
  await bob.goto(`${site.url}/alerts`);
  await bob.getByText('Welcome! Your profile was approved').waitFor();
  // Bob has a page open; Nancy flirts with him from his profile.
  await bob.goto(`${site.url}/profile`);
  const bobAlerts = bob.locator('[data-counter="alerts"] .badge');
  assert.equal(await bobAlerts.isHidden(), true, 'no new alerts');
  await nancy.goto(`${site.url}/search`);
  const bobLink = nancy.getByRole('link', { name: 'Bob', exact: true });
  await bobLink.waitFor();
  await nancy.goto(`${site.url}${await bobLink.getAttribute('href')}`);
  await nancy.getByRole('button', { name: /^Flirt/ }).click();
  await nancy.waitForLoadState('load');
  // No reload on Bob's side: the live channel moves the counter.
  await bob
    .locator('[data-counter="alerts"] .badge:not([hidden])')
    .filter({ hasText: /^\s*[1-9]/ })
    .waitFor({ timeout: 5000 });
  await snap(bob, '30-alert-counter-live');

  // Bob keeps his alerts open; Nancy adds him to her favourites: the alert appears at the top, no reload.
  await bob.goto(`${site.url}/alerts`);
  await bob.getByText('Nancy flirted with you').waitFor();
  // Opening the alerts reads them, as opening the news or a conversation does: the badge
  // clears and there is nothing left to mark.
  assert.equal(await bobAlerts.isHidden(), true, 'opened, so read');
  assert.equal(await bob.getByRole('button', { name: 'Mark all as read' }).count(), 0, 'all read');
  await bob.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await nancy.getByRole('button', { name: '★ Favourite' }).click();
  await nancy.waitForLoadState('load');
  await bob
    .locator('.alerts li')
    .first()
    .getByText('Nancy added you to her favourites')
    .waitFor({ timeout: 5000 });
  assert.equal(await bob.locator('.alerts li').filter({ hasText: 'Nancy flirted with you' }).count(), 1);
  assert.equal(
    await bob.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
    true,
    'the page was not reloaded',
  );
  // It arrives marked new, on a page that is open: read at once, so the badge clears again.
  assert.equal(await bob.locator('.alerts li.unread').filter({ hasText: 'Nancy added you' }).count(), 1);
  await bob.locator('[data-counter="alerts"] .badge[hidden]').waitFor({ state: 'attached', timeout: 5000 });
  await snap(bob, '30b-alert-arrives-live');

  // Nancy writes in her diary: Bob (women 25–35 within 100 km) sees it at the top of his
  // open news page, without a reload; Carl (women 40–50) does not see it.
  await bob.goto(`${site.url}/news`);
  await bob.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await nancy.goto(`${site.url}/diary`);
  await nancy.getByLabel('New post').fill('Off to the archipelago this weekend!');
  await nancy.getByRole('button', { name: 'Post' }).click();
  await nancy.waitForLoadState('load');
  await bob
    .locator('.news > li')
    .first()
    .getByText('Off to the archipelago this weekend!')
    .waitFor({ timeout: 5000 });
  assert.equal(
    await bob.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
    true,
    'the page was not reloaded',
  );
  // Her card took the post in: she is on the page once, not once per item.
  assert.equal(await bob.locator('.news > li').filter({ hasText: 'Nancy' }).count(), 1);
  await snap(bob, '31-news-with-diary-post');
  await carl.goto(`${site.url}/news`);
  assert.equal(await carl.getByText('Off to the archipelago this weekend!').count(), 0);

  // Dave joins after the post: his very first news page already has it.
  const dave = await (await browser.newContext(PHONE)).newPage();
  await signUp(site, dave, {
    email: 'dave@example.com',
    nickname: 'Dave',
    gender: 'man',
    birthday: '1990-10-10',
    city: 'Stockholm',
    looking: ['woman'],
    ages: [25, 40],
    aboutMe: 'New here.',
  });
  // Dave keeps his waiting page open: Mo's approval shows on it, without a reload.
  await dave.getByRole('heading', { name: 'Waiting for review' }).waitFor();
  await dave.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await approveAll(site, mo, ['Dave']);
  await dave.getByRole('heading', { name: 'Welcome to Meetcute!' }).waitFor({ timeout: 5000 });
  assert.equal(
    await dave.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
    true,
    'the page was not reloaded',
  );
  await snap(dave, '32a-approved-live');
  await dave.goto(`${site.url}/news`);
  await dave.getByText('Off to the archipelago this weekend!').waitFor();
  await snap(dave, '32-new-member-news-backfilled');

  // Erin's sign-up is sent back while her waiting page is open: the reason and the form to fix it arrive on it.
  const erin = await (await browser.newContext(PHONE)).newPage();
  await signUp(site, erin, {
    email: 'erin@example.com',
    nickname: 'Erin',
    gender: 'woman',
    birthday: '1993-03-03',
    city: 'Stockholm',
    looking: ['man'],
    aboutMe: 'x',
  });
  await erin.getByRole('heading', { name: 'Waiting for review' }).waitFor();
  await erin.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await mo.goto(`${site.url}/review`);
  const card = mo.locator('article', { has: mo.getByRole('heading', { name: 'Erin', exact: true }) });
  await card.getByLabel('Reason for the member').fill('Please say a little more about yourself.');
  await card.getByRole('button', { name: 'Send back' }).click();
  await mo.getByText('Sent back to the member.').waitFor();
  await erin.getByText('Please say a little more about yourself.').waitFor({ timeout: 5000 });
  await erin.getByRole('button', { name: 'Send again' }).waitFor();
  assert.equal(
    await erin.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
    true,
    'the page was not reloaded',
  );
  await snap(erin, '32b-sent-back-live');

  // Online badges follow members while a page stays open: Nancy's card on Bob's search says
  // she is online (her page is open); the page asks again every half minute.
  await bob.clock.install();
  await bob.goto(`${site.url}/search`);
  const nancyId = (await bob.getByRole('link', { name: 'Nancy', exact: true }).getAttribute('href'))!
    .split('/')
    .pop()!;
  const badge = bob.locator(`[data-presence="${nancyId}"]`).first();
  await badge.waitFor({ state: 'visible' });
  // Nancy closes her page and six minutes pass: she is offline, and Bob's page says so. (The
  // server hears of the closed page a moment later; until then she counts as online.)
  const nancyContext = nancy.context();
  await nancy.close();
  for (let tries = 0; !(await badge.isHidden()); tries++) {
    assert.ok(tries < 20, 'Nancy’s badge stayed on after she left');
    site.skipAhead(6 * 60_000);
    await bob.clock.fastForward(31_000);
    await badge.waitFor({ state: 'hidden', timeout: 500 }).catch(() => undefined);
  }
  // She comes back: her badge shows again on Bob's open page.
  const back = await nancyContext.newPage();
  await back.goto(`${site.url}/news`);
  await bob.clock.fastForward(31_000);
  await badge.waitFor({ state: 'visible', timeout: 5000 });
});
