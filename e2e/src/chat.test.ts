// Two members chatting live in two phones: Nancy writes from Bob's profile, Bob's
// unread counter and list move without a reload, he opens the conversation and her
// page shows "Read", he sees her typing, and answers arrive on both sides live.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BOB, fitsSmallPhone, joined, launch, MO, NANCY, snap, startSite, type Site } from './browser.ts';

let site: Site;
let browser: Browser;

before(async () => {
  // The test writes a long story in one go, far faster than a person types.
  site = await startSite({
    MEETCUTE_MODERATORS: 'mo@example.com',
    MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '1000',
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

test('Nancy and Bob chat live: messages, unread counter, read receipt and typing', async () => {
  const [, nancy, bob] = (await joined(site, browser, [MO, NANCY, BOB])).map((phone) => phone.page) as [
    Page,
    Page,
    Page,
  ];

  // Bob has his chats open; nothing yet.
  await bob.goto(`${site.url}/chats`);
  await bob.getByText('No conversations yet.').waitFor();
  const bobUnread = bob.locator('[data-counter="chats"] .badge');
  assert.equal(await bobUnread.isHidden(), true, 'nothing unread yet');

  // Nancy finds Bob and writes to him from his profile.
  await nancy.goto(`${site.url}/search`);
  const bobLink = nancy.getByRole('link', { name: 'Bob', exact: true });
  await bobLink.waitFor();
  await nancy.goto(`${site.url}${await bobLink.getAttribute('href')}`);
  await nancy.getByRole('link', { name: 'Message Bob' }).click();
  await nancy.waitForURL(/\/chats\/[0-9a-f-]+$/);
  const conversationUrl = nancy.url();
  await nancy.getByLabel('Message').fill('Hi Bob! Fancy a coffee on Saturday?');
  await nancy.getByRole('button', { name: 'Send' }).click();
  // Sent by the API, shown at once, no reload: the address has no #newest of the form's redirect.
  const first = nancy.locator('.message.mine', { hasText: 'Hi Bob! Fancy a coffee on Saturday?' });
  await first.waitFor();
  assert.equal(nancy.url(), conversationUrl);
  assert.equal(await nancy.getByLabel('Message').inputValue(), '');

  // Bob's counter and list move live.
  await bob
    .locator('[data-counter="chats"] .badge:not([hidden])')
    .filter({ hasText: /^\s*1\s*$/ })
    .waitFor();
  const entry = bob.locator('.conversation.unread', { hasText: 'Nancy' });
  await entry.getByText('Hi Bob! Fancy a coffee on Saturday?').waitFor();
  await snap(bob, '40-chat-list-unread');

  // Bob opens the conversation: it is read, his counter clears, and Nancy sees "Read".
  await entry.getByRole('link').click();
  await bob.locator('.message.theirs', { hasText: 'Hi Bob! Fancy a coffee on Saturday?' }).waitFor();
  assert.equal(await bobUnread.isHidden(), true, 'opening the conversation read it');
  await first.locator('.receipt', { hasText: 'Read' }).waitFor();

  // Nancy types: Bob sees it; her message then arrives on his page without a reload.
  await nancy.getByLabel('Message').fill('Say 11 at the harbour café');
  await bob.getByText('Nancy is typing…').waitFor();
  await snap(bob, '41-chat-typing');
  await nancy.getByRole('button', { name: 'Send' }).click();
  await bob.locator('.message.theirs', { hasText: 'Say 11 at the harbour café' }).waitFor();
  await bob.getByText('Nancy is typing…').waitFor({ state: 'hidden' });
  // His page is open, so it reads the new message: the receipt moves to it on Nancy's side.
  await nancy
    .locator('.message.mine', { hasText: 'Say 11 at the harbour café' })
    .locator('.receipt')
    .waitFor();
  assert.equal(await nancy.locator('.receipt').count(), 1, 'one receipt, under the newest read message');

  // Bob answers; it arrives on Nancy's page live, line breaks kept.
  await bob.getByLabel('Message').fill('Perfect!\nSee you there.');
  await bob.getByRole('button', { name: 'Send' }).click();
  const answer = nancy.locator('.message.theirs', { hasText: 'Perfect!' });
  await answer.waitFor();
  assert.equal(await answer.locator('.body').innerText(), 'Perfect!\nSee you there.');
  await snap(nancy, '42-chat-conversation');

  // An empty message is refused with the reason, and nothing is sent.
  await bob.getByLabel('Message').fill('   ');
  await bob.getByRole('button', { name: 'Send' }).click();
  await bob.getByText('Write something first.').waitFor();
  assert.equal(await bob.locator('.message').count(), 3);

  // A conversation longer than the screen opens at its newest message, and follows new ones.
  const nancyId = await bob.locator('[data-chat]').getAttribute('data-member');
  for (let i = 1; i <= 20; i++) {
    const sent = await bob.evaluate(
      async ([to, text]) =>
        (
          await fetch(`/api/v1/chats/${to}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ body: text }),
          })
        ).status,
      [nancyId, `Line ${i} of a long story`] as const,
    );
    assert.equal(sent, 201);
  }
  await nancy.reload();
  const newest = nancy.locator('.message.theirs', { hasText: 'Line 20 of a long story' });
  await newest.waitFor();
  const inView = (locator: typeof newest) =>
    locator.evaluate((li) => {
      const box = li.getBoundingClientRect();
      const composer = document.querySelector('[data-composer]')!.getBoundingClientRect();
      return box.bottom > 0 && box.bottom <= composer.top + 1;
    });
  await nancy.waitForFunction(() => window.scrollY > 0);
  assert.equal(await inView(newest), true, 'the newest message is on screen, above the composer');
  assert.equal(await inView(nancy.locator('.message').first()), false, 'the oldest is scrolled away');
  await bob.getByLabel('Message').fill('And one more thing');
  await bob.getByRole('button', { name: 'Send' }).click();
  const more = nancy.locator('.message.theirs', { hasText: 'And one more thing' });
  await more.waitFor();
  await nancy.waitForFunction(
    () => {
      const all = document.querySelectorAll<HTMLElement>('.message');
      const last = all[all.length - 1]!.getBoundingClientRect();
      return last.bottom <= document.querySelector('[data-composer]')!.getBoundingClientRect().top + 1;
    },
    undefined,
    { timeout: 5000 },
  );
  // The writer's own message is followed on their page too.
  assert.equal(await inView(bob.locator('.message.mine', { hasText: 'And one more thing' })), true);

  // A reader who scrolled back up to read is left there: a new message does not pull the page down.
  await nancy.evaluate(() => window.scrollTo(0, 0));
  await nancy.waitForFunction(() => window.scrollY === 0);
  await bob.getByLabel('Message').fill('Are you still there?');
  await bob.getByRole('button', { name: 'Send' }).click();
  await nancy.locator('.message.theirs', { hasText: 'Are you still there?' }).waitFor({ state: 'attached' });
  assert.equal(await nancy.evaluate(() => window.scrollY), 0, 'still where Nancy was reading');

  // Nancy looks around the site; Bob's next message shows her a notice on that page, on her phone.
  await nancy.goto(`${site.url}/search`);
  await bob.getByLabel('Message').fill('Found the café on the map, see you at 11!');
  await bob.getByRole('button', { name: 'Send' }).click();
  const notice = nancy.locator('.message-notice[role="status"]', { hasText: 'New message from Bob' });
  await notice.getByText('Found the café on the map, see you at 11!').waitFor();
  await fitsSmallPhone(nancy, 'a page with a new message notice');
  await snap(nancy, '43-chat-message-notice');
  // Her own messages and the conversation page itself raise none; the notice leads to the conversation.
  await notice.getByRole('link', { name: 'Read and answer' }).click();
  await nancy.waitForURL(conversationUrl);
  await nancy.locator('.message.theirs', { hasText: 'Found the café on the map' }).waitFor();
  assert.equal(await nancy.locator('.message-notice').count(), 0, 'no notice on the conversation itself');
});
