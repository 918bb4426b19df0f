// The site with a keyboard alone, as someone who cannot use a mouse or a touch screen,
// on a laptop's screen and in a narrow window:
// Kim signs up from the front page (every field, the birthday and city typed, the boxes
// ticked with Space, sent with Enter); Nancy, approved, logs in, searches with a changed
// filter, opens Bob's profile from the results and writes to him (Mo, Nancy and Bob join
// the usual way first). Only Tab, Shift+Tab, Enter,
// Space, the arrow keys and typing: no clicks, no filled fields. Wherever the keyboard
// is, the focused element is on the screen (at least most of it), not hidden under
// anything, and shows a focus indicator (an outline or a shadow).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BOB, joined, launch, MO, NANCY, PASSWORD, startSite, type Site } from './browser.ts';

/**
 * A laptop's screen, where most people who browse by keyboard alone are, and a narrow
 * window (or a laptop zoomed in), where the pages take their phone layout with the bar
 * fixed to the bottom. The locale fixes the birthday field's order of parts.
 */
const SIZES = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'narrow window', viewport: { width: 390, height: 844 } },
];

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite({ MEETCUTE_MODERATORS: MO.email });
  browser = await launch();
  const phones = await joined(site, browser, [MO, NANCY, BOB]);
  for (const phone of phones) await phone.context.close();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** What the keyboard is on: a CSS selector it must match, or the text or name it must show. */
type Target = string | RegExp;

/** The focused element in a sentence, for a failure message. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (the page itself)';
    const name = el.getAttribute('name');
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${name ? ` name="${name}"` : ''}> "${text}"`;
  });
}

/** Whether the focused element is the target: by selector, or by its label, aria-label or text. */
function focusedIs(page: Page, target: Target): Promise<boolean> {
  const [selector, source, flags] =
    typeof target === 'string' ? [target, '', ''] : ['', target.source, target.flags];
  return page.evaluate(
    ({ selector, source, flags }) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
      if (selector !== '') return el.matches(selector);
      const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
      const names = [
        el.getAttribute('aria-label') ?? '',
        ...labels.map((l) => l.textContent ?? ''),
        el.textContent ?? '',
      ].map((s) => s.replace(/\s+/g, ' ').trim());
      const pattern = new RegExp(source, flags);
      return names.some((n) => pattern.test(n));
    },
    { selector, source, flags },
  );
}

/**
 * The keyboard's place shows: something is focused, it lies inside the viewport, nothing
 * drawn over it hides its middle, and it (or, for a card's link, the card around it) has
 * an outline or a shadow.
 */
async function focusShows(page: Page, step: string): Promise<void> {
  const problem = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing is focused';
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return 'the focused element has no size';
    // Wholly on the screen, or (a tall field the browser scrolled to only in part) most of it.
    const seen = {
      top: Math.max(box.top, 0),
      left: Math.max(box.left, 0),
      bottom: Math.min(box.bottom, innerHeight),
      right: Math.min(box.right, innerWidth),
    };
    const shown = (seen.bottom - seen.top) * (seen.right - seen.left);
    if (seen.bottom <= seen.top || seen.right <= seen.left || shown < (box.width * box.height) / 2)
      return `the focused element is off the screen at ${JSON.stringify(box)}`;
    const top = document.elementFromPoint((seen.left + seen.right) / 2, (seen.top + seen.bottom) / 2);
    const mine = top !== null && (el.contains(top) || top.contains(el) || top.closest('label')?.contains(el));
    if (!mine) return `something covers the focused element: <${top?.tagName.toLowerCase()}>`;
    const own = getComputedStyle(el);
    const outlined = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    if (outlined(own) || own.boxShadow !== 'none') return '';
    // A card whose whole face is its link shows the focus around the card.
    for (let n = el.parentElement, i = 0; n && i < 4; n = n.parentElement, i++)
      if (outlined(getComputedStyle(n))) return '';
    return 'no outline or shadow shows the focus';
  });
  assert.equal(problem, '', `${step}: ${problem} (${await describeFocus(page)})`);
}

/** Presses Tab (or Shift+Tab) until the target has the focus, then checks the focus shows. */
async function tabTo(page: Page, target: Target, max = 60, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(key);
    if (await focusedIs(page, target)) {
      await focusShows(page, `on ${String(target)}`);
      return;
    }
  }
  assert.fail(
    `${String(target)} is not reached in ${max} presses of ${key}; the focus is on ${await describeFocus(page)}`,
  );
}

/** Types into the focused field and checks it is still the one focused, visibly. */
async function typeHere(page: Page, text: string, step: string): Promise<void> {
  await page.keyboard.type(text);
  await focusShows(page, step);
}

for (const [i, size] of SIZES.entries()) {
  test(`sign-up with a keyboard alone, ${size.name}: every field, the boxes ticked with Space, sent with Enter`, () =>
    signUpByKeyboard(size.viewport, `Kim${i + 1}`));
  test(`search, a profile and a chat with a keyboard alone, ${size.name}`, () =>
    searchAndChatByKeyboard(size.viewport));
}

async function signUpByKeyboard(
  viewport: { width: number; height: number },
  nickname: string,
): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    // The first Tab offers the skip link, and it shows.
    await page.keyboard.press('Tab');
    await focusShows(page, 'the first Tab on the front page');

    await tabTo(page, /^Sign up$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signup$/);

    await tabTo(page, 'input[name="email"]');
    await typeHere(page, `${nickname.toLowerCase()}@example.com`, 'email');
    await tabTo(page, 'input[name="password"]');
    await typeHere(page, PASSWORD, 'password');
    await tabTo(page, 'input[name="nickname"]');
    await typeHere(page, nickname, 'nickname');
    // A radio group is one stop: Tab lands on its first choice, an arrow moves and picks.
    await tabTo(page, 'input[name="gender"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await focusShows(page, 'gender');
    assert.equal(await page.locator('input[name="gender"]:checked').getAttribute('value'), 'man');
    // The birthday's parts (month, day, year in en-US) take digits and move on by themselves.
    await tabTo(page, 'input[name="birthday"]');
    await typeHere(page, '07211994', 'birthday');
    assert.equal(await page.locator('input[name="birthday"]').inputValue(), '1994-07-21');
    await tabTo(page, 'input[name="city"]');
    await typeHere(page, 'Uppsala', 'city');
    await tabTo(page, 'input[name="lookingFor.genders"][value="woman"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="lookingFor.genders"][value="nonbinary"]');
    await page.keyboard.press('Space');
    await focusShows(page, 'looking for');
    assert.deepEqual(
      await page
        .locator('input[name="lookingFor.genders"]:checked')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
      ['woman', 'nonbinary'],
    );
    // Back one field with Shift+Tab, and forward again.
    await tabTo(page, 'input[name="lookingFor.genders"][value="woman"]', 5, 'Shift+Tab');
    await tabTo(page, 'input[name="lookingFor.minAge"]');
    await tabTo(page, 'textarea[name="aboutMe"]');
    await typeHere(page, 'Board games and long walks.', 'about me');
    assert.equal(await page.locator('input[name="city"]').inputValue(), 'Uppsala');

    await tabTo(page, /^Send for review$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/registration/);
    await page.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(nickname));
  } finally {
    await context.close();
  }
}

async function searchAndChatByKeyboard(viewport: { width: number; height: number }): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  try {
    // Nancy logs in: the fields typed, the form sent with Enter from the password.
    const page = await context.newPage();
    await page.goto(`${site.url}/login`);
    await tabTo(page, 'input[name="email"]');
    await typeHere(page, NANCY.email, 'login email');
    await tabTo(page, 'input[name="password"]');
    await typeHere(page, PASSWORD, 'login password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');

    // Search: from the bar's link, a filter changed with the arrow keys, sent with Enter.
    await page.goto(`${site.url}/`);
    await tabTo(page, /^Search$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search/);
    await tabTo(page, 'select[name="sort"]');
    const before = await page.locator('select[name="sort"]').inputValue();
    await page.keyboard.press('ArrowDown');
    const sort = await page.locator('select[name="sort"]').inputValue();
    assert.notEqual(sort, before, 'the arrow key changes the order');
    await focusShows(page, 'sort');
    await tabTo(page, 'form.search button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`sort=${sort}`));

    // A result's link, opened with Enter.
    await tabTo(page, 'li.member-card a[href^="/members/"]');
    assert.ok(await focusedIs(page, /^Bob$/), `Bob's link, not ${await describeFocus(page)}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/members\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'Bob' }).first().waitFor();

    // From his profile to the conversation, and a message typed and sent.
    await tabTo(page, /^Message Bob$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chats\/[0-9a-f-]+$/);
    await tabTo(page, 'textarea[name="body"]');
    const message = `Hi Bob! Sent without a mouse, ${viewport.width} px wide.`;
    await typeHere(page, message, 'the message');
    await tabTo(page, /^Send$/);
    await page.keyboard.press('Enter');
    await page.locator('.message', { hasText: message }).first().waitFor();
  } finally {
    await context.close();
  }
}
