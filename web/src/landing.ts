import type { FastifyRequest } from 'fastify';
import { defineExtension } from '@meetcute/core';
import type { CardFacts } from './cards.ts';
import { html, type Html } from './html.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf } from './layout.ts';

/**
 * Where members land after logging in (the front door, `/`): a moderator with work
 * waiting on the first queue that has some, an approved member on a page of people
 * (not their own profile), a member in review on their sign-up. The queues and the steps
 * of a new member's checklist belong to the modules that keep them; they contribute here.
 */

/** A moderators' queue: where it is, and whether anything waits in it for this moderator. */
export interface ReviewWork {
  href: string;
  waiting(moderatorId: string): Promise<boolean>;
}
export const REVIEW_WORK = defineExtension<ReviewWork>('review.work');

/**
 * Where an approved member lands, their home in the main navigation: people suggested for
 * them, who visited or flirted with them, and the head of their news (modules/home).
 */
export const MEMBER_HOME = '/home';

/** The parts of a member's home page, each filled by the module that keeps what it shows. */
export type HomeSectionName = 'suggestions' | 'interested' | 'news';

/** A member on the home page: a card's facts, and when what the card tells happened (to order a part). */
export interface HomeCard extends CardFacts {
  at?: string;
}

/** What a module shows in a part of the home page, and the link to its own page with the rest. */
export interface HomePart {
  cards: HomeCard[];
  more: { href: string; label: string };
}
/**
 * A module's part of a section of the viewer's home page: at most `limit` cards, newest
 * or best first, never anyone in a blocked pair with the viewer (null: nothing to say,
 * not even that the list is empty). The home page reads every contribution once and asks
 * for the buttons of all its cards in one batch (memberActions).
 */
export interface HomeContribution {
  section: HomeSectionName;
  read(request: FastifyRequest, limit: number): Promise<HomePart | null>;
}
export const HOME_PARTS = defineExtension<HomeContribution>('home.parts');

/** The first queue with work for this moderator, in the order modules contributed them; none when all are empty. */
export async function workWaiting(
  works: readonly ReviewWork[],
  moderatorId: string,
): Promise<string | undefined> {
  const waiting = await Promise.all(works.map((w) => w.waiting(moderatorId)));
  return works.find((_w, i) => waiting[i])?.href;
}

/** One step of a new member's checklist: what it asks, where to do it, and whether it is done. */
export interface FirstStep {
  done: boolean;
  label: string;
  href: string;
}
/** A module's step for the viewer (null: none from this module). */
export type FirstStepCheck = (request: FastifyRequest) => Promise<FirstStep | null>;
export const FIRST_STEPS = defineExtension<FirstStepCheck>('home.first-steps');

const messages: Messages<'title' | 'intro' | 'done'> = {
  en: {
    title: 'Get your profile ready',
    intro: 'People answer complete profiles more often. This list goes away once every step is done.',
    done: 'done',
  },
  sv: {
    title: 'Gör din profil klar',
    intro: 'Folk svarar oftare på fullständiga profiler. Listan försvinner när varje steg är klart.',
    done: 'klart',
  },
  fi: {
    title: 'Viimeistele profiilisi',
    intro: 'Täydellisiin profiileihin vastataan useammin. Lista katoaa, kun jokainen vaihe on tehty.',
    done: 'tehty',
  },
};

/** The checklist of a member whose profile is not complete yet; nothing once every step is done. */
export async function firstSteps(request: FastifyRequest, checks: readonly FirstStepCheck[]): Promise<Html> {
  const steps = (await Promise.all(checks.map((check) => check(request)))).filter(
    (s): s is FirstStep => s !== null,
  );
  if (steps.every((s) => s.done)) return html``;
  const t = translator(messages, languageOf(request));
  return html`<section class="first-steps card" aria-labelledby="first-steps">
    <h2 id="first-steps">${t('title')}</h2>
    <p>${t('intro')}</p>
    <ol>
      ${steps.map((s) =>
        s.done
          ? html`<li class="done">
              <span>✓ ${s.label}</span> <span class="visually-hidden">(${t('done')})</span>
            </li>`
          : html`<li><a href="${s.href}">${s.label}</a></li>`,
      )}
    </ol>
  </section>`;
}
