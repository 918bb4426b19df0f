import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HomeCard, HomePart } from '@meetcute/web';
import { claimCards, mergeCards } from './discovery.ts';

const card = (memberId: string, at?: string, note?: string): HomeCard => ({
  memberId,
  nickname: memberId,
  age: 30,
  gender: 'woman',
  cityLabel: 'Stockholm, Sweden',
  ...(at === undefined ? {} : { at }),
  ...(note === undefined ? {} : { note }),
});
const part = (...cards: HomeCard[]): HomePart => ({ cards, more: { href: '/x', label: 'All' } });
const ids = (cards: readonly HomeCard[]) => cards.map((c) => c.memberId);

test('parts of one section merge newest first, a member twice once with both notes', () => {
  const visits = part(
    card('eve', '2026-06-01T09:00:00Z', 'visited'),
    card('bob', '2026-06-01T08:00:00Z', 'visited'),
  );
  const flirts = part(card('bob', '2026-06-01T08:30:00Z', 'flirted'));
  const merged = mergeCards([visits, flirts]);
  assert.deepEqual(ids(merged), ['eve', 'bob']);
  assert.equal(String(merged[1]!.note), 'flirted · visited');
  // The contributions' own cards are left as they were.
  assert.equal(flirts.cards[0]!.note, 'flirted');
});

test('cards that do not say when keep their order, after those that do', () => {
  const suggestions = part(card('carl'), card('adam'), card('erik'));
  assert.deepEqual(ids(mergeCards([suggestions])), ['carl', 'adam', 'erik']);
  assert.deepEqual(ids(mergeCards([suggestions, part(card('bob', '2026-06-01T08:00:00Z'))])), [
    'bob',
    'carl',
    'adam',
    'erik',
  ]);
});

test('a member is claimed by the first section to claim, and the others fill up to their limit without them', () => {
  const suggestions = {
    spec: { claims: 2, limit: 2 },
    parts: [part(card('bob'), card('carl'), card('adam'))],
    cards: [],
  };
  const interested = {
    spec: { claims: 1, limit: 6 },
    parts: [part(card('bob', '2026-06-01T08:00:00Z'))],
    cards: [],
  };
  const news = { spec: { claims: 3, limit: 4 }, parts: [part(card('carl'), card('dan'))], cards: [] };
  claimCards([suggestions, interested, news]);
  assert.deepEqual(ids(interested.cards), ['bob']);
  assert.deepEqual(ids(suggestions.cards), ['carl', 'adam']);
  assert.deepEqual(ids(news.cards), ['dan']);
});
