// Nancy reports a member who misbehaves and a moderator suspends him: he is logged out on his phone and gone
// from Nancy's search and chat; when the suspension is lifted, he is back everywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BOB,
  joined,
  launch,
  logIn,
  menuShown,
  MO,
  NANCY,
  snap,
  startSite,
  type Phone,
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

async function bobInSearch(nancy: Page): Promise<number> {
  await nancy.goto(`${site.url}/search`);
  await nancy.getByLabel('Within (km)').fill('100');
  await nancy
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  await nancy.waitForLoadState('load');
  return nancy.getByRole('link', { name: 'Bob', exact: true }).count();
}

test('reported, then suspended: logged out and gone from search and chat; lifted: back', async () => {
  const [moPhone, nancyPhone, bobPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [
    Phone,
    Phone,
    Phone,
  ];
  const nancy = await logIn(site, nancyPhone.context, NANCY.email);
  const bob = await logIn(site, bobPhone.context, BOB.email);
  assert.equal(await bobInSearch(nancy), 1, 'Nancy finds Bob before');
  const bobId = /\/members\/([^/?#]+)/.exec(
    (await nancy.getByRole('link', { name: 'Bob', exact: true }).getAttribute('href')) ?? '',
  )?.[1];
  assert.ok(bobId);

  // Nancy reports Bob from his profile.
  await nancy.goto(`${site.url}/members/${bobId}`);
  await nancy.getByRole('link', { name: 'Report…' }).click();
  await nancy.getByLabel('Harassment or threats').check();
  await nancy
    .getByLabel('Anything the moderators should know (optional)')
    .fill('Keeps writing after I said no');
  await snap(nancy, '69-report-form');
  await nancy.getByRole('button', { name: 'Send the report' }).click();
  await nancy.getByRole('heading', { name: 'Thank you for telling us' }).waitFor();

  // Mo (whose own profile still waits for another moderator) finds it in the queue, opens
  // Bob's moderation page from there and suspends him for three days.
  const mo = moPhone.page;
  await mo.goto(`${site.url}/review/reports`);
  await mo.getByText('Keeps writing after I said no').waitFor();
  await snap(mo, '69-report-queue');
  await mo.getByRole('link', { name: 'Warn, suspend or ban Bob…' }).click();
  await mo.getByRole('heading', { name: 'Moderating Bob' }).waitFor();
  await mo.getByLabel('For how many days').selectOption('3');
  await mo.locator('#suspend-reason').fill('Kept messaging members who asked him to stop');
  await snap(mo, '70-moderate-member');
  await mo.getByRole('button', { name: 'Suspend now' }).click();
  await mo.getByText('Suspended: they are logged out and hidden everywhere.').waitFor();

  // Bob's next page asks him to log in, and logging in says why he cannot.
  await bob.goto(`${site.url}/news`);
  await bob.waitForURL(/\/login\?next=/);
  await bob.getByLabel('Email').fill(BOB.email);
  await bob.getByLabel('Password').fill('correct horse battery');
  await bob.getByRole('button', { name: 'Log in' }).click();
  await bob.getByRole('heading', { name: 'Your account is suspended' }).waitFor();
  await snap(bob, '71-suspended-login');

  // Nancy no longer finds him, his profile is as if absent, and a message to him is not delivered.
  assert.equal(await bobInSearch(nancy), 0, 'gone from search');
  assert.equal((await nancy.goto(`${site.url}/members/${bobId}`))?.status(), 404);
  assert.equal((await nancy.goto(`${site.url}/chats/${bobId}`))?.status(), 404);

  // Mo lifts it; Bob can log in and Nancy finds him again.
  await mo.goto(`${site.url}/moderation/members/${bobId}`);
  await mo.locator('#lift-reason').fill('He apologised to everyone');
  await mo.getByRole('button', { name: 'Lift it' }).click();
  await mo.getByText('Lifted: they can log in and are seen again.').waitFor();
  const again = await logIn(site, bobPhone.context, BOB.email);
  await menuShown(again);
  assert.equal(await bobInSearch(nancy), 1, 'back in search');

  // And the log says who did what, when and why.
  await mo.goto(`${site.url}/moderation/log`);
  const log = await mo.locator('main').innerText();
  assert.match(log, /Mo suspended Bob until/);
  assert.match(log, /Mo lifted the suspension of Bob/);
  await snap(mo, '72-moderation-log');
});
