import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from './html.ts';
import { translator } from './i18n.ts';
import { formatAgo, formatMoment } from './moments.ts';

// Through another name, so that prettier leaves the templates' layout as written here.
const markup = html;

test('member text is escaped and markup composes, with the indentation of the source taken out', () => {
  const name = `Tom & "Jerry" <b>`;
  const page = markup`<ul>
      ${[1, 2].map((n) => markup`<li>${name} ${n}</li>`)}
    </ul>`;
  assert.equal(
    page.value,
    '<ul>\n<li>Tom &amp; &quot;Jerry&quot; &lt;b&gt; 1</li><li>Tom &amp; &quot;Jerry&quot; &lt;b&gt; 2</li>\n</ul>',
  );
});

test('a long tag laid out over lines closes where its last attribute ends', () => {
  const page = markup`<time datetime="2026-06-01T08:00:00.000Z"
    >2 h ago</time
  >`;
  assert.equal(page.value, '<time datetime="2026-06-01T08:00:00.000Z">2 h ago</time>');
});

test('what a member typed keeps its own spaces and line breaks', () => {
  const typed = 'first line\n    indented on purpose';
  const page = markup`<textarea
      name="body"
    >
${typed}</textarea>`;
  assert.equal(page.value, '<textarea\nname="body">\nfirst line\n    indented on purpose</textarea>');
});

test('messages fill their placeholders, and one without a value stays visible rather than vanishing', () => {
  const t = translator(
    { en: { hello: 'Hello {name}, you have {n} new' }, sv: { hello: 'Hej {name}' } },
    'sv',
  );
  assert.equal(t('hello', { name: 'Ada' }), 'Hej Ada');
  const en = translator({ en: { hello: 'Hello {name}, you have {n} new' } }, 'en');
  assert.equal(en('hello', { name: 'Ada', n: 3 }), 'Hello Ada, you have 3 new');
  assert.equal(en('hello', { name: 'Ada' }), 'Hello Ada, you have {n} new');
});

test('a count reads as one or many, in each language', () => {
  const messages = {
    en: { likes: '{n} likes', likes_one: '{n} like' },
    sv: { likes: '{n} gillningar', likes_one: '{n} gillning' },
    fi: { likes: '{n} tykkäystä' },
  };
  assert.equal(translator(messages, 'en')('likes', { n: 1 }), '1 like');
  assert.equal(translator(messages, 'en')('likes', { n: 0 }), '0 likes');
  assert.equal(translator(messages, 'sv')('likes', { n: 1 }), '1 gillning');
  assert.equal(translator(messages, 'sv')('likes', { n: 2 }), '2 gillningar');
  // Finnish has no form for one here: the English one must not stand in for it.
  assert.equal(translator(messages, 'fi')('likes', { n: 1 }), '1 tykkäystä');
});

test('a moment reads in the member’s language and where they live, the same however often it is asked', () => {
  const at = '2026-05-21T18:19:24.367Z';
  assert.equal(formatMoment('en', 'Europe/Stockholm', at, 'date-time'), '21 May 2026, 20:19');
  assert.equal(formatMoment('en', 'Europe/Stockholm', at, 'date-time'), '21 May 2026, 20:19');
  assert.equal(formatMoment('en', 'America/New_York', at, 'time'), '14:19');
  assert.equal(formatMoment('sv', 'Europe/Stockholm', at, 'date'), '21 maj 2026');
  assert.equal(formatMoment('fi', 'Europe/Helsinki', at, 'day-month'), '21.5.');
});

test('a moment within a stretch formats as its own minute or day, not as the stretch’s first', () => {
  assert.equal(formatMoment('en', 'Europe/Stockholm', '2026-05-21T18:19:59.999Z', 'time'), '20:19');
  assert.equal(formatMoment('en', 'Europe/Stockholm', '2026-05-21T18:20:00.000Z', 'time'), '20:20');
  // Kolkata is 5 h 30 ahead: its midnight falls in the middle of a UTC hour.
  assert.equal(formatMoment('en', 'Asia/Kolkata', '2026-05-21T18:29:59.000Z', 'date'), '21 May 2026');
  assert.equal(formatMoment('en', 'Asia/Kolkata', '2026-05-21T18:30:00.000Z', 'date'), '22 May 2026');
});

test('how long ago steps from just now to minutes, hours, days, then the date where the member lives', () => {
  const now = new Date('2026-06-10T12:00:00.000Z');
  const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  assert.equal(formatAgo('en', 'UTC', before(0.5), now), 'just now');
  assert.equal(formatAgo('en', 'UTC', before(5), now), '5 min ago');
  assert.equal(formatAgo('sv', 'UTC', before(125), now), 'för 2 tim sedan');
  assert.equal(formatAgo('fi', 'UTC', before(3 * 24 * 60), now), '3 pv sitten');
  // 23:30 UTC on 30 April is already 1 May in Stockholm.
  assert.equal(formatAgo('en', 'Europe/Stockholm', '2026-04-30T23:30:00.000Z', now), 'on 1 May 2026');
  assert.equal(formatAgo('sv', 'Europe/Stockholm', '2026-04-30T23:30:00.000Z', now), 'den 1 maj 2026');
});
