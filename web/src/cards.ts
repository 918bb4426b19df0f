import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf } from './layout.ts';
import { placeLabel } from './places.ts';
import { hereAt } from './feedback.ts';

const messages: Messages<
  | 'years'
  | 'away'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'search'
  | 'photos'
  | 'profile'
  | 'interests'
  | 'preferences'
> = {
  en: {
    years: '{age} years',
    away: '{km} km away',
    woman: 'woman',
    man: 'man',
    nonbinary: 'non-binary',
    search: 'Find people in search',
    photos: 'Add a photo',
    profile: 'Complete your profile',
    interests: 'Add your interests',
    preferences: 'Change whom you look for',
  },
  sv: {
    years: '{age} år',
    away: '{km} km bort',
    woman: 'kvinna',
    man: 'man',
    nonbinary: 'icke-binär',
    search: 'Hitta folk i sökningen',
    photos: 'Lägg till ett foto',
    profile: 'Gör klart din profil',
    interests: 'Lägg till dina intressen',
    preferences: 'Ändra vem du söker',
  },
  fi: {
    years: '{age} vuotta',
    away: '{km} km päässä',
    woman: 'nainen',
    man: 'mies',
    nonbinary: 'muunsukupuolinen',
    search: 'Etsi ihmisiä hausta',
    photos: 'Lisää kuva',
    profile: 'Täydennä profiilisi',
    interests: 'Lisää kiinnostuksesi',
    preferences: 'Muuta ketä etsit',
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
 * A member as one card in a list (search results, visitors, flirts, favourites): the
 * portrait first and large, as members look for faces, then the name (its link covers the
 * whole card, so a tap on the photo opens the profile), the facts and the buttons other
 * modules contribute, as `memberActions` rendered them for the whole page.
 */
export function memberCard(request: FastifyRequest, facts: CardFacts, buttons: Html): Html {
  // The id is where a card's buttons come back to (cardBack), not the top of the list.
  // The name says who it is, so the portrait's text is empty rather than the name said twice.
  return html`<li class="card member-card" id="${cardAnchor(facts.memberId)}">
    <img
      class="portrait"
      src="${portraitPath(facts.memberId, 'profile')}"
      width="320"
      height="320"
      loading="lazy"
      alt=""
    />
    <div class="card-body">
      <h3><a href="/members/${facts.memberId}">${facts.nickname}</a></h3>
      <p class="facts">${factsLine(request, facts)}</p>
      ${facts.note ? html`<p class="note">${facts.note}</p>` : ''}
      <div class="actions">${buttons}</div>
    </div>
  </li>`;
}

/** The id of a member's card in a list. */
export function cardAnchor(memberId: string): string {
  return `member-${memberId}`;
}

/**
 * Where a button on a member's card comes back to: this page, at that card, so the
 * member sees what the button did (feedback.ts) beside it instead of the top of the list.
 */
export function cardBack(
  request: FastifyRequest,
  memberId: string,
  where: 'profile' | 'card' = 'card',
): string {
  // A profile has one member: its buttons sit together in its actions row.
  return hereAt(request, where === 'profile' ? 'actions' : cardAnchor(memberId));
}

/** Where a member goes from a list with nobody on it: the place that fills it. */
export type NextStep = 'search' | 'photos' | 'profile' | 'interests' | 'preferences';

const NEXT_PATHS: Record<NextStep, string> = {
  search: '/search',
  photos: '/photos',
  profile: '/profile/edit',
  interests: '/interests',
  // Whom they look for (genders, ages, distance), which registration keeps with the member's details.
  preferences: '/profile/details',
};

/** The button on to a next step, in the member's language. */
export function nextStep(request: FastifyRequest, next: NextStep): Html {
  const t = translator(messages, languageOf(request));
  return html`<a class="button" href="${NEXT_PATHS[next]}">${t(next)}</a>`;
}

/** A list's empty state: the page's line, and a button on to what fills the list, where there is one. */
export function emptyState(request: FastifyRequest, empty: string, next?: NextStep): Html {
  return next === undefined ? html`<p class="empty">${empty}</p>` : emptyWith(empty, nextStep(request, next));
}

/** An empty list's line with the button on to what fills it. */
export function emptyWith(empty: string, next: Html): Html {
  return html`<div class="empty">
    <p>${empty}</p>
    <p>${next}</p>
  </div>`;
}

/** A grid of cards, or the page's empty state (with its next step) when there is nothing to show. */
export function cardList(request: FastifyRequest, cards: Html[], empty: string, next?: NextStep): Html {
  return cards.length === 0
    ? emptyState(request, empty, next)
    : html`<ul class="cards member-grid">
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
