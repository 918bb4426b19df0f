import type { FastifyRequest } from 'fastify';
import type { Http, ServiceRegistry } from '@meetcute/core';
import {
  FIRST_STEPS,
  HOME_PARTS,
  MEMBER_ACTIONS,
  MEMBER_HOME,
  cardList,
  firstSteps,
  html,
  languageOf,
  memberCards,
  sendPage,
  translator,
  type FirstStepCheck,
  type HomeCard,
  type HomeContribution,
  type HomePart,
  type HomeSectionName,
  type Html,
  type MemberAction,
  type NextStep,
} from '@meetcute/web';
import { messages } from './messages.ts';

type Key = keyof (typeof messages)['en'];

/**
 * The sections of the home page, in page order: how many cards each shows, what it is
 * called and says when empty, and the step on that would fill it. A member shows once on
 * the page (a card's id is theirs), in the section that claims them first (`claims`):
 * someone who visited or flirted says so, rather than showing as a suggestion or in news.
 */
const SECTIONS: ReadonlyArray<{
  name: HomeSectionName;
  limit: number;
  claims: number;
  title: Key;
  empty: Key;
  next: NextStep;
}> = [
  // Nobody fits both ways: whom they look for is what would change that.
  {
    name: 'suggestions',
    limit: 6,
    claims: 2,
    title: 'suggestions',
    empty: 'emptySuggestions',
    next: 'preferences',
  },
  // A photo is what makes people stop at a profile.
  { name: 'interested', limit: 6, claims: 1, title: 'interested', empty: 'emptyInterested', next: 'photos' },
  { name: 'news', limit: 4, claims: 3, title: 'news', empty: 'emptyNews', next: 'search' },
];

/** A section as the page draws it: what modules sent, and the cards left to show. */
interface Section {
  spec: (typeof SECTIONS)[number];
  parts: HomePart[];
  cards: HomeCard[];
}

/**
 * One section's cards from all its parts, newest first where they say when (visits and
 * flirts together), a member named by two parts once with both notes.
 */
export function mergeCards(parts: readonly HomePart[]): HomeCard[] {
  const byMember = new Map<string, HomeCard>();
  for (const card of parts.flatMap((p) => p.cards).sort(newestFirst)) {
    const seen = byMember.get(card.memberId);
    if (!seen) byMember.set(card.memberId, { ...card });
    else if (card.note) seen.note = seen.note ? html`${seen.note} · ${card.note}` : card.note;
  }
  return [...byMember.values()];
}

/** Cards that say when before those that do not, newer first; the rest keep their order (sort is stable). */
function newestFirst(a: HomeCard, b: HomeCard): number {
  if (a.at === undefined || b.at === undefined)
    return (a.at === undefined ? 1 : 0) - (b.at === undefined ? 1 : 0);
  return a.at < b.at ? 1 : a.at > b.at ? -1 : 0;
}

/**
 * Each section's cards, every member in the section that claims them first, at most its
 * limit: `parts` hold up to twice that, so a section that gives members up still fills.
 */
export function claimCards(
  sections: ReadonlyArray<Pick<Section, 'parts' | 'cards'> & { spec: { claims: number; limit: number } }>,
): void {
  const claimed = new Set<string>();
  for (const section of [...sections].sort((a, b) => a.spec.claims - b.spec.claims)) {
    section.cards = mergeCards(section.parts)
      .filter((card) => !claimed.has(card.memberId))
      .slice(0, section.spec.limit);
    for (const card of section.cards) claimed.add(card.memberId);
  }
}

/** Every section's parts, read at once; a section no module contributes to is left out. */
async function readSections(
  request: FastifyRequest,
  contributions: readonly HomeContribution[],
): Promise<Section[]> {
  const read = await Promise.all(
    contributions.map(async (c) => {
      const limit = SECTIONS.find((s) => s.name === c.section)?.limit ?? 0;
      return { section: c.section, part: await c.read(request, 2 * limit) };
    }),
  );
  const sections = SECTIONS.filter((spec) => contributions.some((c) => c.section === spec.name)).map(
    (spec): Section => ({
      spec,
      parts: read.flatMap((r) => (r.section === spec.name && r.part ? [r.part] : [])),
      cards: [],
    }),
  );
  claimCards(sections);
  return sections;
}

function renderSection(request: FastifyRequest, section: Section, cards: Html[]): Html {
  const t = translator(messages, languageOf(request));
  const { spec, parts } = section;
  const id = `home-${spec.name}`;
  const hadAny = parts.some((p) => p.cards.length > 0);
  // Everyone a section had is on a card in another: saying it is empty would not be true.
  const list =
    cards.length === 0 && hadAny
      ? html`<p class="empty">${t('shownElsewhere')}</p>`
      : cardList(request, cards, t(spec.empty), spec.next);
  return html`<section class="home-section" aria-labelledby="${id}">
    <h2 id="${id}">${t(spec.title)}</h2>
    ${list}
    ${
      hadAny
        ? html`<p class="more">${parts.map((p) => html`<a href="${p.more.href}">${p.more.label}</a> `)}</p>`
        : ''
    }
  </section>`;
}

/**
 * An approved member's home (MEMBER_HOME), where they land after logging in: their
 * checklist while their profile is not complete, then people suggested for them, who
 * visited or flirted with them, and the head of their news. Each module fills its part
 * from its own views; the buttons of every card come in one batch per module.
 */
export function discoveryPage(http: Http, services: ServiceRegistry): void {
  http.get(
    MEMBER_HOME,
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true } },
    async (request, reply) => {
      const t = translator(messages, languageOf(request));
      const [steps, sections] = await Promise.all([
        firstSteps(request, services.contributions<FirstStepCheck>(FIRST_STEPS)),
        readSections(request, services.contributions<HomeContribution>(HOME_PARTS)),
      ]);
      const cards = await memberCards(
        request,
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        sections.flatMap((s) => s.cards),
      );
      let from = 0;
      const drawn = sections.map((section) => {
        const mine = cards.slice(from, (from += section.cards.length));
        return renderSection(request, section, mine);
      });
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <p>${t('intro')}</p>
          ${steps} ${drawn}`,
      });
    },
  );
}
