// An operator follows one member in the live log tail and opens the trace of what she
// just did: one request that crossed several modules, drawn as a waterfall.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { VIEWERS, type ViewerResolver } from '@meetcute/core';
import {
  BOB,
  joined,
  launch,
  logIn,
  MO,
  NANCY,
  OPERATED_BY_MO,
  snap,
  startSite,
  type Phone,
  type Site,
} from './browser.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite(OPERATED_BY_MO);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Whose phone this is, as the site knows them (the operator reads member ids off log lines). */
async function memberIdOf(context: BrowserContext): Promise<string> {
  const token = (await context.cookies()).find((c) => c.name === 'mc_session')?.value ?? '';
  const viewer = await site.app.services.require<ViewerResolver>(VIEWERS).resolve(token);
  assert.ok(viewer, 'the phone is logged in');
  return viewer.memberId;
}

test('the operator filters the live log to Nancy and opens the trace of her favourite across modules', async () => {
  const [moPhone, nancyPhone, bobPhone] = (await joined(site, browser, [MO, NANCY, BOB])) as [
    Phone,
    Phone,
    Phone,
  ];
  const nancy = await logIn(site, nancyPhone.context, NANCY.email);
  const nancyId = await memberIdOf(nancyPhone.context);
  const bobId = await memberIdOf(bobPhone.context);

  // Mo narrows the tail to Nancy's lines, as an operator types an id into the filter form.
  const mo = moPhone.page;
  await mo.goto(`${site.url}/ops/logs`);
  await mo.getByLabel('Member id').fill(nancyId);
  await mo.getByRole('button', { name: 'Filter' }).click();
  await mo.waitForURL(/\/ops\/logs\?.*member=/);
  await mo.getByText('New lines appear here as they are written.').waitFor();

  // Nancy favours Bob on her phone; the line of that request appears on Mo's page by itself.
  await nancy.goto(`${site.url}/members/${bobId}`);
  await nancy.getByRole('button', { name: '★ Favourite' }).first().click();
  await nancy.waitForLoadState('load');
  const line = mo.locator('.log-line', { hasText: '/members/:memberId/favourite' });
  await line.first().waitFor();
  const members = await mo.locator('.log-line .log-member').allTextContents();
  assert.ok(members.length > 0);
  assert.ok(
    members.every((m) => m === nancyId),
    'only Nancy’s lines',
  );
  await snap(mo, '80-ops-logs-one-member');

  // The line links to its trace: the request, the event and the modules that took it.
  await line.first().locator('.log-trace').click();
  await mo.waitForURL(/\/ops\/traces\/[0-9a-f]{32}$/);
  await mo.getByText('publish FavouriteAdded').waitFor();
  const modules = new Set(await mo.locator('.waterfall .span-module').allTextContents());
  for (const module of ['favourites', 'alerts', 'search'])
    assert.ok(modules.has(module), `${module} is in the waterfall (${[...modules].join(', ')})`);
  await mo.getByText('alerts handles FavouriteAdded').waitFor();
  assert.ok((await mo.locator('.waterfall svg.span-bar rect').count()) >= 4, 'a bar for every span');
  await snap(mo, '81-ops-trace-waterfall');
});
