// An operator runs the site from the console while members write to each other: a graph
// moves with their messages, the live log narrows to one of them, her message's trace
// crosses modules, a flag ramped from 0 % to 50 % reaches about half of 200 members, and
// an incident ends with a post-mortem. The traces test covers the log tail and the
// waterfall in depth; this one composes the console's parts into one operator's shift.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { COMMUNITY_PASSWORD, generateCommunity, seedCommunity } from '@meetcute/community';
import { fitsSmallPhone, joined, launch, MO, OPERATED_BY_MO, snap, startSite, type Site } from './browser.ts';

/** 200 generated members (and Mo, who joins in the browser): what a flag's reach is counted over. */
const MEMBERS = 200;
const SEED = 14;
const DAYS = 30;

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite({
    ...OPERATED_BY_MO,
    // The bots write faster than a person may; the brake on it is the chat's own test's business.
    MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '1000',
  });
  browser = await launch();
  await seedCommunity(site.app, { members: MEMBERS, seed: SEED, days: DAYS });
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Login emails of the first approved members of the generated community (as the bots pick them). */
async function approvedEmails(count: number): Promise<string[]> {
  const emails = new Map<string, string>();
  const approved: string[] = [];
  for await (const record of generateCommunity({ members: MEMBERS, seed: SEED, days: DAYS })) {
    const r = record as { kind: string; id?: string; email?: string; member?: string; decision?: string };
    if (r.kind === 'member' && r.id && r.email) emails.set(r.id, r.email);
    if (r.kind === 'review' && r.decision === 'approved' && r.member && emails.has(r.member)) {
      approved.push(emails.get(r.member)!);
      if (approved.length >= count) break;
    }
  }
  return approved;
}

/** A member on the JSON API, as the load-test bots are: logged in with a session cookie. */
interface Bot {
  memberId: string;
  cookie: string;
}

async function logInBot(email: string): Promise<Bot> {
  const response = await fetch(`${site.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: COMMUNITY_PASSWORD }),
  });
  assert.equal(response.status, 200, `${email} logs in`);
  const cookie = /mc_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  assert.ok(cookie, 'a session cookie');
  return { memberId: ((await response.json()) as { memberId: string }).memberId, cookie };
}

async function send(from: Bot, to: Bot, body: string): Promise<void> {
  const response = await fetch(`${site.url}/api/v1/chats/${to.memberId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: from.cookie },
    body: JSON.stringify({ body }),
  });
  assert.ok(response.status < 300, `message sent (${response.status}: ${await response.text()})`);
}

/**
 * Bots write to each other in a ring, until `until` settles: the traffic an operator
 * watches the graphs move with. The pause between messages is the bots' pace (a person
 * types), not a wait for anything: what the test waits for is `until`.
 */
async function chatter(bots: Bot[], until: Promise<unknown>): Promise<number> {
  let done = false;
  const stop = () => (done = true);
  void until.then(stop, stop);
  let sent = 0;
  while (!done) {
    const from = bots[sent % bots.length]!;
    const to = bots[(sent + 1) % bots.length]!;
    await send(from, to, `Hello number ${sent + 1}!`);
    sent += 1;
    await Promise.race([until.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500))]);
  }
  return sent;
}

/** The reach line of a flag's page, as numbers. */
async function reachOn(page: Page): Promise<{ reached: number; of: number }> {
  const line = (await page.locator('.reach-figure').textContent()) ?? '';
  const match = /Reaches ([\d,]+) of ([\d,]+) members/.exec(line);
  assert.ok(match, `a reach line: ${line}`);
  return { reached: Number(match[1]!.replace(/,/g, '')), of: Number(match[2]!.replace(/,/g, '')) };
}

test('an operator watches the site while members write, follows one, ramps a flag and writes a post-mortem', async () => {
  // Mo joins and sets up an authenticator: the operator's role holds only with it.
  const [moPhone] = await joined(site, browser, [MO]);
  const mo = moPhone!.page;
  const bots = await Promise.all((await approvedEmails(4)).map(logInBot));

  // The overview's graphs ask for the figures every 10 s; the messages graph moves once the bots write.
  await mo.goto(`${site.url}/ops`);
  await mo.locator('#graph-business canvas').first().waitFor();
  const moved = mo.waitForResponse(
    async (r) => {
      if (!r.url().includes('/api/v1/ops/metrics')) return false;
      const body = (await r.json()) as { series: Record<string, Array<number | null>> };
      return (body.series.messages ?? []).some((v) => v !== null && v > 0);
    },
    { timeout: 90_000 },
  );
  const sent = await chatter(bots, moved);
  await moved;
  assert.ok(sent > 0);
  await snap(mo, '82-ops-graph-moved');
  await fitsSmallPhone(mo);

  // The live log narrowed to the first bot: her next message's line appears by itself.
  const [writer, reader] = bots as [Bot, Bot];
  await mo.goto(`${site.url}/ops/logs`);
  await mo.getByLabel('Member id').fill(writer.memberId);
  await mo.getByRole('button', { name: 'Filter' }).click();
  await mo.waitForURL(/\/ops\/logs\?.*member=/);
  await mo.getByText('New lines appear here as they are written.').waitFor();
  await send(writer, reader, 'Are you free on Friday?');
  const line = mo.locator('.log-line', { hasText: '/api/v1/chats/:memberId/messages' });
  await line.first().waitFor();
  const members = await mo.locator('.log-line .log-member').allTextContents();
  assert.ok(members.length > 0 && members.every((m) => m === writer.memberId), 'only her lines');

  // Her message's trace: the chat's request and the modules that took MessageSent.
  await line.first().locator('.log-trace').click();
  await mo.waitForURL(/\/ops\/traces\/[0-9a-f]{32}$/);
  await mo.getByText('publish MessageSent').waitFor();
  const modules = new Set(await mo.locator('.waterfall .span-module').allTextContents());
  assert.ok(modules.has('chat'), `chat is in the waterfall (${[...modules].join(', ')})`);
  assert.ok(modules.size >= 2, `the trace crosses modules (${[...modules].join(', ')})`);
  await fitsSmallPhone(mo);

  // A new flag at 0 % reaches nobody; at 50 % about half of the 200 members and Mo.
  await mo.goto(`${site.url}/ops/flags`);
  await mo.getByLabel('Key').fill('chat.stickers');
  await mo.getByLabel('Description').fill('Stickers in the chat');
  await mo.getByRole('button', { name: 'Create flag' }).click();
  await mo.waitForURL(/\/ops\/flags\/chat\.stickers$/);
  assert.deepEqual(await reachOn(mo), { reached: 0, of: MEMBERS + 1 });
  await mo.getByLabel('Share of members (%)').fill('50');
  await mo.getByRole('button', { name: 'Save', exact: true }).click();
  await mo.locator('ol.audit li', { hasText: 'ramped' }).waitFor();
  const half = await reachOn(mo);
  assert.equal(half.of, MEMBERS + 1);
  assert.ok(half.reached > 0.35 * half.of && half.reached < 0.65 * half.of, `about half: ${half.reached}`);
  await snap(mo, '83-ops-flag-reach');
  await fitsSmallPhone(mo);
  await mo.goto(`${site.url}/ops/experiments`);
  await fitsSmallPhone(mo);

  // An incident, resolved, and its blameless post-mortem kept with it.
  await mo.goto(`${site.url}/ops/incidents`);
  await mo.getByLabel('What is wrong').fill('Messages arrive late');
  await mo.getByText('sev2: a feature is broken for many').click();
  await mo.getByRole('button', { name: 'Open the incident' }).click();
  await mo.waitForURL(/\/ops\/incidents\/[0-9a-f-]{36}$/);
  await mo.getByRole('button', { name: 'Resolve the incident' }).click();
  await mo.getByLabel('What happened').fill('A slow query held the chat’s writes.');
  await mo.getByLabel('Impact on members').fill('Messages arrived up to a minute late for ten minutes.');
  await mo.getByRole('button', { name: 'Save the post-mortem' }).click();
  await mo.getByText('A slow query held the chat’s writes.').waitFor();
  await snap(mo, '84-ops-post-mortem');
  await fitsSmallPhone(mo);
});
