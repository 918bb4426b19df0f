// Ads as an operator runs them and members meet them, in the browser: Mo creates a
// campaign for women 25–35 near Stockholm with the console's form, and a house campaign
// for everyone; Nancy (31, Stockholm) sees the first in her news labelled Sponsored and
// Magnus (50, Malmö) sees only the house one; Nancy's click lands on the address
// registered with the campaign, she hides the house campaign from her alerts, and Mo's
// campaign page counts what she was shown and clicked.
//
// Members browse on a phone's ordinary browser: headless Chromium's own user agent names
// it as a program, and programs are shown no ads (isBot), so the phones say what a
// person's phone says.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  fitsSmallPhone,
  joined,
  launch,
  MO,
  NANCY,
  OPERATED_BY_MO,
  snap,
  startSite,
  type Site,
} from './browser.ts';

const A_PERSONS_PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const MAGNUS = {
  email: 'magnus@example.com',
  nickname: 'Magnus',
  gender: 'man',
  birthday: '1976-02-02',
  city: 'Malmö',
  looking: ['woman'],
  aboutMe: 'Fishing and old cars.',
};

const SAILING = {
  name: 'Summer sailing',
  headline: 'Sail the archipelago',
  url: 'https://boats.example/summer',
};
const JAZZ = {
  name: 'Jazz night',
  headline: 'Jazz at the community café',
  url: 'https://meetcute.example/jazz',
};

let site: Site;
let browser: Browser;

before(async () => {
  // Two sponsored items at the top of the alerts page, so Nancy meets both campaigns there.
  site = await startSite({ ...OPERATED_BY_MO, MEETCUTE_ADS_ALERTS: '2' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Mo fills in the console's campaign form as an operator would, and lands on the campaign's page. */
async function createCampaign(
  mo: Page,
  c: { name: string; headline: string; url: string },
  targeting: {
    house?: boolean;
    woman?: boolean;
    minAge?: string;
    maxAge?: string;
    city?: string;
    radiusKm?: string;
  },
): Promise<void> {
  await mo.goto(`${site.url}/ops/ads`);
  await mo.getByLabel('Name', { exact: true }).fill(c.name);
  await mo.getByLabel('Advertiser').fill(targeting.house ? 'Meetcute' : 'Saltsjön Boats');
  if (targeting.house) await mo.getByLabel('House campaign (the community’s own)').check();
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await mo.getByLabel('First day').fill(day(-1));
  await mo.getByLabel('Last day').fill(day(30));
  await mo.getByLabel('Impression budget').fill('1000');
  await mo.getByLabel('Impressions a day at most').fill('100');
  await mo.getByLabel('Impressions a member a day at most').fill('10');
  if (targeting.woman) await mo.locator('input[name="genders"][value="woman"]').check();
  if (targeting.minAge) await mo.getByLabel('Lowest age').fill(targeting.minAge);
  if (targeting.maxAge) await mo.getByLabel('Highest age').fill(targeting.maxAge);
  if (targeting.city) await mo.getByLabel('Near the place').fill(targeting.city);
  if (targeting.radiusKm) await mo.getByLabel('Within km of it').fill(targeting.radiusKm);
  await mo.getByLabel('Headline').fill(c.headline);
  await mo.getByLabel('Text', { exact: true }).fill('See you there.');
  await mo.getByLabel('Where a click leads').fill(c.url);
  await mo.getByRole('button', { name: 'Create the campaign' }).click();
  await mo.waitForURL(/\/ops\/ads\/[0-9a-f-]{36}$/);
  await mo.getByRole('heading', { name: c.name }).waitFor();
}

/** The figure the campaign page's list of figures shows under a label. */
function figure(mo: Page, label: string): Promise<string> {
  return mo
    .locator('dl.metrics dt', { hasText: label })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
}

test('a campaign for women 25–35 near Stockholm reaches Nancy, not Magnus; her click and hide count on Mo’s page', async () => {
  const [mo, nancy, magnus] = await joined(site, browser, [MO, NANCY, MAGNUS], {
    userAgent: A_PERSONS_PHONE,
  });
  assert.ok(mo && nancy && magnus);

  await createCampaign(mo.page, SAILING, {
    woman: true,
    minAge: '25',
    maxAge: '35',
    city: 'Stockholm, Sweden',
    radiusKm: '30',
  });
  const sailingPage = mo.page.url();
  await createCampaign(mo.page, JAZZ, { house: true });
  await snap(mo.page, '90-ads-campaign-created');

  // Nancy's news: the paying campaign first, labelled, on a phone's width.
  await nancy.page.goto(`${site.url}/news`);
  const ad = nancy.page.locator('li.sponsored');
  await ad.getByText(SAILING.headline).waitFor();
  await ad.getByText('Sponsored', { exact: true }).first().waitFor();
  await fitsSmallPhone(nancy.page, 'news with a sponsored item');
  await snap(nancy.page, '91-ads-in-news');

  // Magnus, a man of 50 in Malmö, is not who the sailing campaign is for; the house one is for everyone.
  await magnus.page.goto(`${site.url}/news`);
  await magnus.page.locator('li.sponsored').getByText(JAZZ.headline).waitFor();
  assert.equal(
    await magnus.page.getByText(SAILING.headline).count(),
    0,
    'Magnus is not shown the sailing campaign',
  );

  // Her click leads to the address registered with the campaign (answered here: no internet).
  await nancy.context.route('https://boats.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<h1>Saltsjön Boats</h1>' }),
  );
  await ad.locator('a[href^="/ads/click/"]').first().click();
  await nancy.page.waitForURL(SAILING.url);
  await nancy.page.getByRole('heading', { name: 'Saltsjön Boats' }).waitFor();

  // On her alerts page both stand at the top; she hides the house campaign, saying why.
  await nancy.page.goto(`${site.url}/alerts`);
  const jazz = nancy.page.locator('li.sponsored', { hasText: JAZZ.headline });
  await jazz.waitFor();
  await nancy.page.locator('li.sponsored', { hasText: SAILING.headline }).waitFor();
  await jazz.locator('summary', { hasText: 'Hide this ad' }).click();
  await jazz.getByLabel('Why do you hide it?').selectOption('seen-too-often');
  await jazz.getByRole('button', { name: 'Hide this ad' }).click();
  // She is back on her alerts page, at a notice where the ad stood.
  await nancy.page.waitForURL(/\/alerts\?ad=hidden#ad-hidden$/);
  await nancy.page.locator('#ad-hidden [role="status"]', { hasText: 'The ad is hidden.' }).waitFor();
  await nancy.page.locator('li.sponsored', { hasText: SAILING.headline }).waitFor();
  assert.equal(
    await nancy.page.getByText(JAZZ.headline).count(),
    0,
    'the hidden campaign is gone from her page',
  );
  await nancy.page.goto(`${site.url}/news`);
  assert.equal(await nancy.page.getByText(JAZZ.headline).count(), 0, 'and stays away from her news');

  // Mo's page for the sailing campaign: Nancy alone was shown it, four times, and clicked it once.
  await mo.page.goto(sailingPage);
  assert.equal(await figure(mo.page, 'Members reached'), '1');
  assert.equal(await figure(mo.page, 'Clicks'), '1');
  assert.equal(
    await figure(mo.page, 'Impressions'),
    '4',
    'her news, her alerts page before and after the hide, her news again',
  );
  await fitsSmallPhone(mo.page, 'a campaign page with its figures');
  await snap(mo.page, '92-ads-campaign-figures');
});
