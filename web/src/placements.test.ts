import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from './html.ts';
import { sponsoredSlots, withSponsored } from './placements.ts';

const cards = ['a', 'b', 'c', 'd', 'e'].map((c) => html`<li>${c}</li>`);
const ads = ['x', 'y'].map((c) => html`<li>${c}</li>`);
const texts = (items: readonly { toString(): string }[]) =>
  items.map((i) => i.toString().replace(/<\/?li>/g, ''));

test('a sponsored item stands after every `every` cards, as many as were rendered', () => {
  assert.equal(sponsoredSlots(cards.length, 2), 2);
  assert.deepEqual(texts(withSponsored(cards, ads, 2)), ['a', 'b', 'x', 'c', 'd', 'y', 'e']);
});

test('a short list has one at its end, and an empty one a slot for the page to show', () => {
  assert.equal(sponsoredSlots(3, 5), 1);
  assert.equal(sponsoredSlots(0, 5), 1);
  assert.deepEqual(texts(withSponsored(cards.slice(0, 3), ads, 5)), ['a', 'b', 'c', 'x']);
});

test('a density of 0 (a variant of none) holds no slot and leaves the list as it is', () => {
  assert.equal(sponsoredSlots(cards.length, 0), 0);
  assert.equal(sponsoredSlots(0, 0), 0);
  assert.deepEqual(texts(withSponsored(cards, ads, 0)), ['a', 'b', 'c', 'd', 'e']);
});
