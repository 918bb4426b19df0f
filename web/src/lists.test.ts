import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import type { MemberAction } from './layout.ts';
import { cardList, nextStep } from './cards.ts';
import { cardFacts, itemList, memberCards, pager, type ListedMember } from './lists.ts';
import { readPlaceLabelsWith } from './places.ts';

/** Just enough of a request for a list: the page's address and the viewer's language. */
function requestFor(url: string, language = 'en'): FastifyRequest {
  return { url, headers: { 'accept-language': language }, cookies: {} } as unknown as FastifyRequest;
}

/** The links a member can follow, as "text -> address", with the next page's marked. */
function links(part: Html): string[] {
  return [...part.value.matchAll(/<a( rel="next")? href="([^"]*)">([^<]*)<\/a>/g)].map(
    ([, next, href, text]) => `${text} -> ${(href ?? '').replaceAll('&amp;', '&')}${next ? ' (next)' : ''}`,
  );
}

/** A member as a list holds them, known on the page by their id `<nickname>-id`. */
function listed(nickname: string, age: number, gender: ListedMember['gender'], city: string): ListedMember {
  return { memberId: `${nickname.toLowerCase()}-id`, nickname, age, gender, city: { label: city } };
}

const nancy = listed('Nancy', 31, 'woman', 'Uppsala, Sweden');
const bob = listed('Bob', 34, 'man', 'Lund, Sweden');

test('members show as cards with their facts, the page’s note, and the buttons other modules put on them', async () => {
  const asked: string[][] = [];
  const flirt: MemberAction = (_request, memberIds) => {
    asked.push([...memberIds]);
    return Promise.resolve((memberId) => (memberId === bob.memberId ? html`<button>Flirt</button>` : null));
  };
  // Places read as the cities module labels them in the reader's language.
  readPlaceLabelsWith((language, label) =>
    language === 'sv' && label === 'Uppsala, Sweden' ? 'Uppsala, Sverige' : undefined,
  );
  const members = [nancy, bob].map((member) => ({
    ...cardFacts(member),
    note: `added by ${member.nickname}`,
  }));
  const cards = await memberCards(requestFor('/favourites', 'sv'), [flirt], members);
  const [first = '', second = ''] = cards.map((card) => card.value);
  assert.deepEqual(links(cards[0]!), ['Nancy -> /members/nancy-id']);
  assert.match(first, /31 år · kvinna · Uppsala, Sverige/);
  assert.match(first, /<p class="note">added by Nancy<\/p>/);
  assert.doesNotMatch(first, /Flirt/);
  assert.match(second, /<div class="actions"><button>Flirt<\/button><\/div>/);
  assert.deepEqual(asked, [['nancy-id', 'bob-id']], 'each module is asked once for the whole list');
});

test('an empty list says the page’s own line, except where the page says nothing of it', () => {
  assert.equal(
    itemList([], { empty: 'No favourites yet.', class: 'cards' }).value,
    '<p class="empty">No favourites yet.</p>',
  );
  assert.doesNotMatch(itemList([], { empty: null, class: 'cards alerts' }).value, /class="empty"/);
});

test('an empty list offers the next step, in the member’s language, and a full one shows its cards in a grid', async () => {
  const swedish = requestFor('/favourites', 'sv');
  const empty = itemList([], {
    empty: 'Inga favoriter än.',
    next: nextStep(swedish, 'search'),
    class: 'cards',
  }).value;
  assert.match(empty, /<p>Inga favoriter än.<\/p>/);
  assert.match(empty, /<a class="button" href="\/search">Hitta folk i sökningen<\/a>/);
  const request = requestFor('/visitors', 'fi');
  assert.match(cardList(request, [], 'Ei vielä ketään.', 'photos').value, /href="\/photos">Lisää kuva<\/a>/);
  const cards = await memberCards(request, [], [cardFacts(nancy)]);
  const grid = cardList(request, cards, 'Ei vielä ketään.', 'photos').value;
  assert.match(grid, /<ul class="cards member-grid">/);
  assert.match(grid, /<img\s+class="portrait"\s+src="\/members\/nancy-id\/portrait\/profile"/);
});

test('items stand in one list with its classes, ordered or scrolling on where the page asks', () => {
  const items = [html`<li>one</li>`, html`<li>two</li>`];
  const diary = itemList(items, { empty: 'none', class: 'plain diary' }).value;
  assert.match(diary, /^<ul class="plain diary" ?>\s*<li>one<\/li><li>two<\/li>\s*<\/ul>$/);
  const chats = itemList(items, {
    empty: 'none',
    class: 'conversations',
    numbered: true,
    infinite: true,
  }).value;
  assert.match(chats, /^<ol class="conversations" data-infinite>\s*<li>one<\/li><li>two<\/li>\s*<\/ol>$/);
});

test('the link on carries the next cursor, and of this page’s query only what the page keeps', () => {
  const request = requestFor('/favourites?limit=2&done=added');
  assert.deepEqual(links(pager(request, { next: 'abc_-1', more: 'Older' })), [
    'Older -> /favourites?cursor=abc_-1 (next)',
  ]);
  assert.deepEqual(links(pager(request, { next: 'abc', more: 'Older', keep: ['limit'] })), [
    'Older -> /favourites?cursor=abc&limit=2 (next)',
  ]);
});

test('a page of two lists moves one by its own cursor, keeps the other’s, and lands on the list', () => {
  const request = requestFor('/flirts?sent=s2&received=r1&flirt=sent&to=bob-id');
  const older = pager(request, {
    next: 'r2',
    more: 'Older',
    cursorName: 'received',
    keep: ['sent'],
    anchor: 'received',
  });
  assert.deepEqual(links(older), ['Older -> /flirts?received=r2&sent=s2#received (next)']);
});

test('the last page has no link on, and the first page no link back', () => {
  assert.equal(pager(requestFor('/favourites?cursor=abc'), { next: null, more: 'Older' }).value, '');
  assert.equal(pager(requestFor('/diary'), { next: null, more: 'Older', first: 'Newest' }).value, '');
  assert.deepEqual(links(pager(requestFor('/diary'), { next: 'abc', more: 'Older', first: 'Newest' })), [
    'Older -> /diary?cursor=abc (next)',
  ]);
});

test('a later page links back to the first, at the list’s own address where the page names one', () => {
  const tagPage = requestFor('/interests/Jazz?cursor=abc&limit=1');
  const back = pager(tagPage, {
    next: null,
    more: 'Older',
    first: 'First',
    label: 'Pages',
    path: '/interests/jazz',
    keep: ['limit'],
  });
  assert.deepEqual(links(back), ['First -> /interests/jazz?limit=1']);
  assert.match(back.value, /<nav class="pager" aria-label="Pages">/);

  const searched = (cursor?: string) => `/search?sort=newest${cursor ? `&cursor=${cursor}` : ''}`;
  const both = pager(requestFor('/search?cursor=abc'), {
    next: 'def',
    more: 'Next',
    first: 'Again',
    href: searched,
  });
  assert.deepEqual(links(both), [
    'Again -> /search?sort=newest',
    'Next -> /search?sort=newest&cursor=def (next)',
  ]);
});
