import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { form, localPath, type FormBody } from './forms.ts';

/*
 * One feedback pattern for every member action (issue 15). Pages used to say what a button
 * did each their own way (nothing, a loose sentence in the button row, a banner at the top)
 * and every action reloaded the page at its top, far from where the member pressed it. Now
 * every action goes the same way:
 *
 * - its form says the local page it is on and the element it acts on (`backField`: the
 *   page's path with `#id`) and carries `data-feedback`;
 * - its handler answers 303 to that page (`backAfter`: only ever a path on this site) with
 *   what happened in the query (`<action>=<outcome>&to=<subject>`) and the anchor, so the
 *   browser lands at the element, not at the top;
 * - the page reads that back (`feedbackOf`, which ignores anything it does not know) and
 *   puts `feedbackNotice` inside the element acted on;
 * - with JavaScript, site.js submits such a form with fetch, follows the redirect and swaps
 *   the element (by its id) from the page that comes back, focus on the notice; on any
 *   failure it submits the form as the browser would have.
 */

/** The actions that report back this way: each is one query parameter. */
const ACTIONS = [
  'flirt',
  'favourite',
  'album',
  'photo',
  'block',
  'interest',
  'diary',
  'profile',
  'review',
  'moderation',
  'chat',
  'ad',
  'alerts',
  'account',
] as const;
export type FeedbackAction = (typeof ACTIONS)[number];
const BASE = 'http://meetcute.invalid';

// Every form on a page of cards names the page (a few per card): it is read once per request.
const pages = new WeakMap<FastifyRequest, string>();

/** This page, without what an earlier action said, at `anchor`: where a form on it comes back to. */
export function hereAt(request: FastifyRequest, anchor: string): string {
  let page = pages.get(request);
  if (page === undefined) {
    const url = new URL(request.url, BASE);
    withoutFeedback(url);
    page = `${url.pathname}${url.search}`;
    pages.set(request, page);
  }
  return `${page}#${anchor}`;
}

/**
 * The hidden field that tells an action's handler where to come back to: this page (hereAt),
 * or `page` where this one may be a form's answer at its POST address (a queue shown again
 * with what to fix), which is no page to come back to.
 */
export function backField(request: FastifyRequest, anchor: string, page?: string): Html {
  const back = page === undefined ? hereAt(request, anchor) : `${page}#${anchor}`;
  return html`<input type="hidden" name="back" value="${back}" />`;
}

/**
 * Where an action's handler sends the member: the local page the form named (else
 * `fallback`, which carries its own anchor), with what happened and to whom in the query,
 * at the anchor the form gave. Never another site: `back` goes through localPath.
 */
export function backAfter(
  body: FormBody,
  fallback: string,
  action: FeedbackAction,
  outcome: string,
  to?: string,
): string {
  const url = new URL(localPath(form.text(body, 'back') || undefined, fallback), BASE);
  withoutFeedback(url);
  url.searchParams.set(action, outcome);
  if (to !== undefined) url.searchParams.set('to', to);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * What an action just did, read back from the query backAfter wrote; null when the query
 * names no outcome of `action` in `outcomes` (a stale, edited or crafted link shows the page
 * as it is). `to` is the subject it was done to, when there was one.
 */
export function feedbackOf<T extends string>(
  request: FastifyRequest,
  action: FeedbackAction,
  outcomes: readonly T[],
): { outcome: T; to: string | null } | null {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const outcome = outcomes.find((o) => o === query[action]);
  if (outcome === undefined) return null;
  return { outcome, to: typeof query.to === 'string' ? query.to : null };
}

/** What an action did, said where it was done; site.js moves focus here after an in-place update. */
export function feedbackNotice(text: Html | string): Html {
  return html`<p class="notice feedback" role="status" tabindex="-1" data-feedback-notice>${text}</p>`;
}

function withoutFeedback(url: URL): void {
  for (const name of [...ACTIONS, 'to']) url.searchParams.delete(name);
}
