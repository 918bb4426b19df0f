import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf } from './layout.ts';
import { placeLabel } from './places.ts';

const messages: Messages<'years' | 'away' | 'woman' | 'man' | 'nonbinary'> = {
  en: { years: '{age} years', away: '{km} km away', woman: 'woman', man: 'man', nonbinary: 'non-binary' },
  sv: { years: '{age} år', away: '{km} km bort', woman: 'kvinna', man: 'man', nonbinary: 'icke-binär' },
  fi: {
    years: '{age} vuotta',
    away: '{km} km päässä',
    woman: 'nainen',
    man: 'mies',
    nonbinary: 'muunsukupuolinen',
  },
};

/** What a card shows of a member; every module that lists members fills one of these. */
export interface CardFacts {
  memberId: string;
  nickname: string;
  age: number;
  gender: 'woman' | 'man' | 'nonbinary';
  cityLabel: string;
  /** From the viewer, in whole km; omitted when unknown. */
  distanceKm?: number | null;
  /** A line under the facts, e.g. "visited you 2 hours ago" or shared interests. */
  note?: Html | string | null;
}

/** "31 years · woman · Stockholm, Sweden · 64 km away", in the viewer's language. */
export function factsLine(request: FastifyRequest, facts: Omit<CardFacts, 'memberId' | 'nickname'>): string {
  const t = translator(messages, languageOf(request));
  const parts = [
    t('years', { age: facts.age }),
    t(facts.gender),
    placeLabel(languageOf(request), facts.cityLabel),
  ];
  if (facts.distanceKm !== undefined && facts.distanceKm !== null)
    parts.push(t('away', { km: facts.distanceKm }));
  return parts.join(' · ');
}

/**
 * A member as one card in a list (search results, visitors, flirts, favourites):
 * the facts, a link to the profile, and the buttons other modules contribute, as
 * `memberActions` rendered them for the whole page.
 */
export function memberCard(request: FastifyRequest, facts: CardFacts, buttons: Html): Html {
  // The id is where a card's buttons come back to (cardBack), not the top of the list.
  return html`<li class="card member-card" id="${cardAnchor(facts.memberId)}">
    <img
      class="portrait"
      src="${portraitPath(facts.memberId)}"
      width="80"
      height="80"
      loading="lazy"
      alt="${facts.nickname}"
    />
    <h3><a href="/members/${facts.memberId}">${facts.nickname}</a></h3>
    <p class="facts">${factsLine(request, facts)}</p>
    ${facts.note ? html`<p class="note">${facts.note}</p>` : ''}
    <div class="actions">${buttons}</div>
  </li>`;
}

/** The id of a member's card in a list. */
export function cardAnchor(memberId: string): string {
  return `member-${memberId}`;
}

/**
 * Where a button on a member's card comes back to: this page, at that card, so the
 * member sees what the button did (a note beside it) instead of the top of the list.
 */
export function cardBack(request: FastifyRequest, memberId: string): string {
  return `${request.url}#${cardAnchor(memberId)}`;
}

/** A list of cards, or a friendly line when there is nothing to show. */
export function cardList(cards: Html[], empty: string): Html {
  return cards.length === 0
    ? html`<p class="empty">${empty}</p>`
    : html`<ul class="cards">
        ${cards}
      </ul>`;
}

/**
 * Where a member's portrait is served, at one of the sizes pages use. The photos module
 * answers it (with a neutral silhouette when there is no approved portrait the viewer may
 * see), so any page can show a portrait without asking that module anything.
 */
export function portraitPath(memberId: string, size: 'thumb' | 'profile' = 'thumb'): string {
  return `/members/${memberId}/portrait/${size}`;
}

/** The page that shows one of a member's photos large, with the way through their album. */
export function galleryPath(memberId: string, photoId: string): string {
  return `/members/${memberId}/photos/${photoId}`;
}

/** Where one size of a photo is served, to members allowed to see it; the URL never changes. */
export function photoPath(photoId: string, size: 'thumb' | 'profile' | 'full'): string {
  return `/photos/${photoId}/${size}`;
}
