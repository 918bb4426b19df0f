import { Type, type TObject, type TString } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, ProblemSchema, type FieldProblem, type Http } from '@meetcute/core';
import { html, type Html } from './html.ts';
import { FORM_BODY_SCHEMA, field, form, hidden, sendPage } from './forms.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf } from './layout.ts';
import { backAfter, backField, feedbackNotice, feedbackOf } from './feedback.ts';

/**
 * The moderators' review kit. Moderators decide on three kinds of thing that wait for
 * them (a sign-up, an about-me change, a photo) the same way: a queue of cards, each
 * approved with one tap or turned down with a reason the member reads. What a card shows
 * stays with the module that owns the thing; the decision, its routes and its page frame
 * are here, so the three queues answer alike.
 */

const messages: Messages<
  'approve' | 'moderation' | 'signUps' | 'aboutMe' | 'nicknames' | 'photos' | 'reports' | 'log' | 'mail'
> = {
  en: {
    approve: 'Approve',
    moderation: 'Moderation',
    signUps: 'Sign-ups',
    aboutMe: 'About-me changes',
    nicknames: 'Nicknames',
    photos: 'Photos',
    reports: 'Reports',
    log: 'Moderation log',
    mail: 'Mail to members',
  },
  sv: {
    approve: 'Godkänn',
    moderation: 'Moderering',
    signUps: 'Ansökningar',
    aboutMe: 'Ändrade presentationer',
    nicknames: 'Smeknamn',
    photos: 'Foton',
    reports: 'Anmälningar',
    log: 'Moderationslogg',
    mail: 'E-post till medlemmar',
  },
  fi: {
    approve: 'Hyväksy',
    moderation: 'Moderointi',
    signUps: 'Hakemukset',
    aboutMe: 'Esittelymuutokset',
    nicknames: 'Nimimerkit',
    photos: 'Kuvat',
    reports: 'Ilmoitukset',
    log: 'Moderointiloki',
    mail: 'Jäsenten posti',
  },
};

/** Every page a moderator works from, in the order they usually go through them. */
const MODERATOR_PAGES = [
  { href: '/review', key: 'signUps' },
  { href: '/review/about-me', key: 'aboutMe' },
  { href: '/review/nicknames', key: 'nicknames' },
  { href: '/review/photos', key: 'photos' },
  { href: '/review/reports', key: 'reports' },
  { href: '/moderation/log', key: 'log' },
  { href: '/mail', key: 'mail' },
] as const;

/**
 * The moderators' own navigation: every queue and their log, the page they are on marked.
 * One list for every moderator page, so a new queue is linked from all of them at once.
 */
export function moderatorNav(request: FastifyRequest): Html {
  const t = translator(messages, languageOf(request));
  const here = request.url.split('?')[0];
  return html`<nav class="queue-nav" aria-label="${t('moderation')}">
    <ul>
      ${MODERATOR_PAGES.map(
        (p) =>
          html`<li>
            <a href="${p.href}" ${p.href === here ? html`aria-current="page"` : ''}>${t(p.key)}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** What a moderator decided; the queue's address carries it back (`?review=`, feedback.ts) to say so. */
export type ReviewOutcome = 'approved' | 'rejected';
const OUTCOMES: readonly ReviewOutcome[] = ['approved', 'rejected'];
/** Where a queue's cards stand: what each decision comes back to. */
const QUEUE = 'queue';

/** A rejection to fix: the card it was for, what the moderator typed, and what is wrong with it. */
export interface ReviewProblem {
  subjectId: string;
  reason: string;
  errors: FieldProblem[];
}

/** The words of a card's decision that differ by what is reviewed ("Send back", "Turn down"…). */
export interface DecisionWords {
  reject: string;
  /** The reason box's label and hint: the member reads the reason, so the hint says how to write it. */
  reason: string;
  reasonHint: string;
}

export interface DecisionFormOptions {
  /** The queue's page; the decisions post below it, to `{queue}/{subjectId}/approve|reject`. */
  queue: string;
  subjectId: string;
  words: DecisionWords;
  /** The longest reason the module's command takes, so the box stops there too. */
  reasonMax: number;
  /** A rejection that was refused; it shows on the card it names only. */
  problem?: ReviewProblem | undefined;
}

/** Approve, or reject with a reason: the forms at the foot of every review card. */
export function decisionForms(request: FastifyRequest, o: DecisionFormOptions): Html {
  const t = translator(messages, languageOf(request));
  const mine = o.problem?.subjectId === o.subjectId ? o.problem : undefined;
  // The ids carry the subject because a queue has many cards, each with its own reason box;
  // novalidate lets a missing reason reach the server, whose answer says what to write.
  return html`<div class="actions">
      <form method="post" action="${o.queue}/${o.subjectId}/approve" data-feedback>
        ${hidden(request)}${backField(request, QUEUE, o.queue)}<button type="submit">${t('approve')}</button>
      </form>
    </div>
    <form method="post" action="${o.queue}/${o.subjectId}/reject" novalidate data-feedback>
      ${hidden(request)}${backField(request, QUEUE, o.queue)}
      ${field({ name: 'reason', id: `reason-${o.subjectId}`, label: o.words.reason, hint: o.words.reasonHint, value: mine?.reason, required: true, errors: mine?.errors, attrs: html`maxlength="${o.reasonMax}"` })}
      <button type="submit" class="secondary">${o.words.reject}</button>
    </form>`;
}

export interface ReviewQueuePage {
  title: string;
  /** Said instead of cards when nothing waits. */
  empty: string;
  /** The flash after each decision, in the words of what was decided on. */
  notices: Record<ReviewOutcome, string>;
  cards: Html[];
}

/**
 * Answers with a review queue. After a decision the queue says what was done; with a
 * problem it is a 400, the card it names showing what to fix, and the rest as they were.
 */
export function sendReviewQueue(
  request: FastifyRequest,
  reply: FastifyReply,
  queue: ReviewQueuePage,
  problem?: ReviewProblem,
): FastifyReply {
  const done = problem ? null : feedbackOf(request, 'review', OUTCOMES);
  // The cards are one region: a decided card leaves it, and the notice stands where it was.
  return sendPage(
    request,
    reply,
    {
      title: queue.title,
      body: html`${moderatorNav(request)}
        <h1>${queue.title}</h1>
        <section id="${QUEUE}" aria-label="${queue.title}">
          ${done ? feedbackNotice(queue.notices[done.outcome]) : ''}
          ${queue.cards.length === 0 ? html`<p>${queue.empty}</p>` : ''} ${queue.cards}
        </section>`,
    },
    problem ? 400 : 200,
  );
}

/** The reviewed thing's id in a decision's address, by the name the module's API gives it. */
function subjectParams(param: string): TObject<Record<string, TString>> {
  return Type.Object({ [param]: Type.String({ format: 'uuid' }) });
}

/** The subject's id, which the params schema requires, so a request without one never gets here. */
function subjectOf(params: Record<string, string>, param: string): string {
  return params[param]!;
}

/** A module's decisions: its commands' two calls, by the moderator, on one subject. */
export interface ReviewCommands {
  approve(moderatorId: string, subjectId: string): Promise<void>;
  reject(moderatorId: string, subjectId: string, reason: string): Promise<void>;
}

export interface ReviewQueue {
  commands: ReviewCommands;
  /** The queue's page, e.g. `/review/photos`. */
  queue: string;
  /** The name of the subject's id in the decisions' addresses (`photoId`, `memberId`). */
  param: string;
  /** The queue page; with a problem, the card it names shows what to fix. */
  page(request: FastifyRequest, reply: FastifyReply, problem?: ReviewProblem): Promise<FastifyReply>;
  /** The refused reason in the page's language, where the command's own words are not in it. */
  explain?: (request: FastifyRequest, errors: FieldProblem[]) => FieldProblem[];
}

const moderatorPage = { access: 'moderator', kind: 'page' } as const;

/**
 * A review queue's pages: the queue, and the approve/reject pair its cards post to. Each
 * decision goes back to the queue with its outcome; a reason the command refuses re-renders
 * the queue with what to fix. Any other refusal (already decided, gone) is the chassis'
 * page for that problem, a 4xx that says so.
 */
export function reviewQueuePages(http: Http, d: ReviewQueue): void {
  const schema = { hide: true, params: subjectParams(d.param), body: FORM_BODY_SCHEMA };
  http.get(d.queue, { config: moderatorPage, schema: { hide: true } }, (request, reply) =>
    d.page(request, reply),
  );
  http.post(`${d.queue}/:${d.param}/approve`, { config: moderatorPage, schema }, async (request, reply) => {
    await d.commands.approve(request.viewer!.memberId, subjectOf(request.params, d.param));
    return reply.redirect(backAfter(request.body, `${d.queue}#${QUEUE}`, 'review', 'approved'), 303);
  });
  http.post(`${d.queue}/:${d.param}/reject`, { config: moderatorPage, schema }, async (request, reply) => {
    const subjectId = subjectOf(request.params, d.param);
    const reason = form.text(request.body, 'reason');
    try {
      await d.commands.reject(request.viewer!.memberId, subjectId, reason);
      return reply.redirect(backAfter(request.body, `${d.queue}#${QUEUE}`, 'review', 'rejected'), 303);
    } catch (error) {
      const errors = fieldErrors(error);
      if (!errors) throw error;
      return d.page(request, reply, { subjectId, reason, errors: d.explain?.(request, errors) ?? errors });
    }
  });
}

/** Only a refused field (a reason missing or too long) is the moderator's to fix on the page. */
function fieldErrors(error: unknown): FieldProblem[] | null {
  return error instanceof Problem && error.status === 400 && error.errors && error.errors.length > 0
    ? error.errors
    : null;
}

export interface ReviewDecisionApi {
  commands: ReviewCommands;
  /** The queue's API address, e.g. `/api/v1/review/photos`. */
  path: string;
  param: string;
  tags: string[];
  /** What each decision does, in the API's own documentation. */
  summaries: { approve: string; reject: string };
}

const moderatorApi = { access: 'moderator', kind: 'api' } as const;

/** The API's approve/reject pair: the same decisions as the pages, answered in JSON. */
export function reviewDecisionApi(http: Http, d: ReviewDecisionApi): void {
  const params = subjectParams(d.param);
  const answer = (status: ReviewOutcome) => ({
    200: Type.Object({ status: Type.Literal(status) }),
    404: ProblemSchema,
    409: ProblemSchema,
  });
  http.post(
    `${d.path}/:${d.param}/approve`,
    {
      config: moderatorApi,
      schema: { summary: d.summaries.approve, tags: d.tags, params, response: answer('approved') },
    },
    async (request) => {
      await d.commands.approve(request.viewer!.memberId, subjectOf(request.params, d.param));
      return { status: 'approved' as const };
    },
  );
  http.post(
    `${d.path}/:${d.param}/reject`,
    {
      config: moderatorApi,
      schema: {
        summary: d.summaries.reject,
        tags: d.tags,
        params,
        body: Type.Object({ reason: Type.String({ maxLength: 2000 }) }),
        response: answer('rejected'),
      },
    },
    async (request) => {
      await d.commands.reject(
        request.viewer!.memberId,
        subjectOf(request.params, d.param),
        request.body.reason,
      );
      return { status: 'rejected' as const };
    },
  );
}
