// A member who forgot her password gets back in by mail, through a real SMTP server:
// her address confirmed from the welcome mail, a reset link asked for on a laptop, the new
// password set, and the phone she was still logged in on is logged out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, menuShown, NANCY, PASSWORD, PHONE, signUp, snap, startSite, type Site } from './browser.ts';
import { Mailbox } from './mailbox.ts';

const NEW_PASSWORD = 'a brand new secret';
let site: Site;
let browser: Browser;
const mailbox = new Mailbox();

before(async () => {
  const smtp = await mailbox.start();
  site = await startSite({ MEETCUTE_MODERATORS: 'mo@example.com', MEETCUTE_SMTP_URL: smtp });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await mailbox.stop();
});

test('forgotten password: the link arrives by mail, the new password works, old sessions are gone', async () => {
  const phone = await (await browser.newContext(PHONE)).newPage();
  await signUp(site, phone, NANCY);

  // The welcome mail asks Nancy to confirm her address; the link opens a page with a button.
  const welcome = await mailbox.next(NANCY.email, 'Welcome to Meetcute');
  await phone.goto(`${site.url}${Mailbox.linkIn(welcome)}`);
  await phone.getByRole('button', { name: 'Confirm my address' }).click();
  await phone.getByText('Your email address is confirmed').waitFor();
  await phone.goto(`${site.url}/account`);
  await phone.getByText(`${NANCY.email} is confirmed.`).waitFor();

  // On a laptop, logged out, she cannot remember the password.
  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto(`${site.url}/login`);
  await laptop.getByRole('link', { name: 'Forgot your password?' }).click();
  await laptop.getByLabel('Email').fill(NANCY.email);
  await laptop.getByRole('button', { name: 'Send me a link' }).click();
  await laptop.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await snap(laptop, '60-forgot-password-sent');

  const reset = await mailbox.next(NANCY.email, 'Choose a new Meetcute password');
  const link = Mailbox.linkIn(reset);
  await laptop.goto(`${site.url}${link}`);
  await laptop.getByLabel('New password').fill(NEW_PASSWORD);
  await snap(laptop, '61-choose-new-password');
  await laptop.getByRole('button', { name: 'Set my new password' }).click();
  await laptop.getByText('Your new password is set and every device was logged out.').waitFor();

  // The old password is refused, the new one lets her in.
  await laptop.getByLabel('Email').fill(NANCY.email);
  await laptop.getByLabel('Password').fill(PASSWORD);
  await laptop.getByRole('button', { name: 'Log in' }).click();
  await laptop.getByText('Email or password is wrong').first().waitFor();
  await laptop.getByLabel('Password').fill(NEW_PASSWORD);
  await laptop.getByRole('button', { name: 'Log in' }).click();
  await menuShown(laptop);

  // The phone's session ended with the reset: its next page asks to log in.
  await phone.goto(`${site.url}/account`);
  await phone.waitForURL(/\/login\?next=/);

  // The link worked once; and Nancy is told her password changed, in case it was not her.
  await laptop.goto(`${site.url}${link}`);
  await laptop.getByRole('heading', { name: 'This link does not work any more' }).waitFor();
  const notice = await mailbox.next(NANCY.email, 'Your Meetcute password was changed');
  assert.match(notice.text, /other devices were logged out/);
});
