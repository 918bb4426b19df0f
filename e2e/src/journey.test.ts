// The first member journey in a real browser: sign up → a moderator approves → the
// member logs in → sees and edits the profile → the moderator approves the edit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, logIn, logOut, MO, PASSWORD, PHONE, signUp, snap, startSite, type Site } from './browser.ts';

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

test('sign up, review, log in, see and edit the profile', async () => {
  const nancyContext = await browser.newContext(PHONE);
  const moContext = await browser.newContext(PHONE);
  try {
    // Mo signs up like anyone; the moderator role comes from MEETCUTE_MODERATORS.
    const moSignup = await moContext.newPage();
    await signUp(site, moSignup, MO);

    const nancy = await nancyContext.newPage();
    await nancy.goto(site.url);
    await snap(nancy, '01-home');
    await nancy.goto(`${site.url}/signup`);
    await snap(nancy, '02-signup');
    await signUp(site, nancy, {
      email: 'nancy@example.com',
      nickname: 'Nancy',
      gender: 'woman',
      birthday: '1995-03-14',
      city: 'Stockholm',
      looking: ['man'],
      aboutMe: 'Sailing, jazz and long walks.',
    });
    await nancy.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    await snap(nancy, '03-waiting-for-review');

    await moSignup.goto(`${site.url}/review`);
    const card = moSignup.locator('article', { has: moSignup.getByRole('heading', { name: 'Nancy' }) });
    await card.waitFor();
    await snap(moSignup, '04-review-queue');
    await card.getByRole('button', { name: 'Approve' }).click();
    await moSignup.getByText('Approved.').waitFor();

    // Nancy logs out and in again, as she would the next day.
    await logOut(nancy);
    await nancy.waitForURL(`${site.url}/`);
    await nancyContext.clearCookies();
    const back = await logIn(site, nancyContext, 'nancy@example.com');
    // She lands on her home, headed by her first steps; whom she looks for is one of them.
    assert.equal(new URL(back.url()).pathname, '/home');
    await back.getByRole('heading', { name: 'Get your profile ready' }).waitFor();
    await snap(back, '05-after-login');
    const lookingFor = 'Check whom you look for: genders, ages and distance';
    await back.getByRole('link', { name: lookingFor }).click();
    await back.waitForURL(/\/profile\/details$/);
    // Saved as it was, it is hers: the step is ticked off on her home.
    await back.getByRole('button', { name: 'Save', exact: true }).click();
    await back.getByText('Saved. Suggestions, news and search follow your changes now.').waitFor();
    await back.goto(`${site.url}/home`);
    await back.locator('.first-steps li.done', { hasText: lookingFor }).waitFor();
    await back.goto(`${site.url}/profile`);
    await back.getByRole('heading', { name: 'Nancy' }).waitFor();
    assert.match(await back.locator('main').innerText(), /Sailing, jazz and long walks\./);
    assert.match(await back.locator('main').innerText(), /31/);
    await snap(back, '06-my-profile');

    await back.getByRole('link', { name: /Edit about me/ }).click();
    await back.getByLabel('About me').fill('Sailing, jazz, long walks and good coffee.');
    await snap(back, '07-edit-profile');
    await back.getByRole('button', { name: /Send for review|Save/ }).click();
    await back.waitForURL(/\/profile/);
    assert.match(await back.locator('main').innerText(), /good coffee/);
    await snap(back, '08-profile-pending-edit');

    await moSignup.goto(`${site.url}/review/about-me`);
    const change = moSignup.locator('article', { hasText: 'good coffee' });
    await change.getByRole('button', { name: 'Approve' }).click();
    await moSignup.waitForURL(/review=approved/);
    await snap(moSignup, '09-about-me-reviewed');

    // Mo, approved earlier by nobody, is a moderator but not yet a member others see; Nancy's
    // profile as another approved member sees it is the profile module's use cases' job.
    await back.goto(`${site.url}/profile`);
    const text = await back.locator('main').innerText();
    assert.match(text, /good coffee/);
    assert.doesNotMatch(text, /waiting for review/i);
  } finally {
    await nancyContext.close();
    await moContext.close();
  }
});

test('sign-up works without JavaScript', async () => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await signUp(site, page, {
      email: 'bob@example.com',
      nickname: 'Bob',
      gender: 'man',
      birthday: '1992-01-20',
      city: 'Uppsala',
      looking: ['woman'],
      aboutMe: 'I bake bread.',
    });
    await page.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    await page.goto(`${site.url}/signup`);
    // Already logged in: the sign-up page sends members to their review state.
    assert.match(page.url(), /\/registration$/);
  } finally {
    await context.close();
  }
});

test('a form with mistakes comes back with them explained, in Swedish too', async () => {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'sv-SE',
    extraHTTPHeaders: { 'accept-language': 'sv-SE,sv;q=0.9' },
  });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/signup`);
    await page.getByLabel('E-post').fill('young@example.com');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByLabel('Smeknamn').fill('Young');
    await page.locator('input[name="gender"][value="woman"]').check();
    await page.getByLabel('Födelsedag').fill('2010-01-01');
    await page.getByLabel('Där jag bor').fill('Stockholm');
    await page.locator('input[name="lookingFor.genders"][value="man"]').check();
    await page.getByRole('button', { name: 'Skicka för granskning' }).click();
    await page.locator('.error-summary').waitFor();
    await snap(page, '10-signup-errors-sv');
    assert.match(await page.locator('#f-birthday-error').innerText(), /18/);
    assert.equal(await page.getByLabel('Smeknamn').inputValue(), 'Young');
  } finally {
    await context.close();
  }
});
