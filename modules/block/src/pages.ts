import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import {
  backAfter,
  backField,
  cardAnchor,
  feedbackNotice,
  feedbackOf,
  form,
  FORM_BODY_SCHEMA,
  formatMoment,
  hidden,
  html,
  languageOf,
  memberActions,
  sendPage,
  translator,
  type Html,
  type MemberAction,
} from '@meetcute/web';
import { messages } from './messages.ts';
import type { BlockDeps } from './routes.ts';
import { blockedAmong, blockedBy, blockStands, type BlockDb } from './store.ts';

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

const OUTCOMES = ['blocked', 'unblocked'] as const;

/**
 * What a profile page offers: "Block…", which asks first on a page of its own (it works
 * without JavaScript, and says what a block does before it is done), or "Unblock".
 */
export function blockAction(db: BlockDb): MemberAction {
  return async (request, memberIds, where) => {
    const viewer = request.viewer;
    // Blocking is a considered step: offered on the profile, apart from the friendly actions.
    if (!viewer || where !== 'profile') return () => null;
    const others = memberIds.filter((id) => id !== viewer.memberId);
    const blocked = await blockedAmong(db, viewer.memberId, others);
    const tr = t(request);
    const last = feedbackOf(request, 'block', OUTCOMES);
    return (memberId) => {
      if (memberId === viewer.memberId) return null;
      if (!blocked.has(memberId)) {
        return html`<a class="button secondary" href="/members/${memberId}/block">${tr('blockMore')}</a>${
            last?.to === memberId && last.outcome === 'unblocked' ? feedbackNotice(tr('unblockedNotice')) : ''
          }`;
      }
      // Back to the row on the blocked members page, or to the profile's safety row.
      const anchor = request.routeOptions.url === '/blocks' ? cardAnchor(memberId) : 'safety';
      return html`<form method="post" action="/members/${memberId}/unblock" class="inline" data-feedback>
          ${hidden(request)}${backField(request, anchor)}
          <button type="submit" class="secondary">${tr('unblock')}</button>
        </form>
        ${last?.to === memberId && last.outcome === 'blocked' ? feedbackNotice(tr('blockedNotice')) : ''}`;
    };
  };
}

/** What the block pages work with: the routes' own, and what a blocked member's row offers. */
export interface BlockPageDeps extends BlockDeps {
  /**
   * What the profile offers under "report and block" (this module's unblock, the reports
   * module's report): each blocked member's row shows them, so a member can still report
   * someone they blocked.
   */
  safetyActions: () => readonly MemberAction[];
}

const page = { access: 'approved', kind: 'page' } as const;
const params = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

export function blockPages(http: Http, deps: BlockPageDeps): void {
  blockListPage(http, deps);
  blockingPages(http, deps);
}

/** The members the viewer blocked, each with the profile's safety actions. */
function blockListPage(http: Http, { db, names, safetyActions }: BlockPageDeps): void {
  http.get('/blocks', { config: page, schema: { hide: true } }, async (request, reply) => {
    const tr = t(request);
    const viewerId = request.viewer!.memberId;
    const [entries, timeZone] = await Promise.all([blockedBy(db, viewerId), names.timeZone(viewerId)]);
    const actions = await memberActions(
      safetyActions(),
      request,
      entries.map((e) => e.memberId),
      'profile',
    );
    const moment = (iso: string, style: 'date' | 'date-time') =>
      formatMoment(languageOf(request), timeZone, iso, style);
    const rows = await Promise.all(
      entries.map(async (e) => {
        const nickname = (await names.nickname(e.memberId)) ?? '—';
        return html`<li class="card" id="${cardAnchor(e.memberId)}">
          <strong>${nickname}</strong>
          <span class="facts"
            >${tr('since', { date: moment(e.blockedAt, 'date') })}${e.until ? html`, ${tr('until', { date: moment(e.until, 'date-time') })}` : ''}</span
          >
          <div class="actions">${actions(e.memberId)}</div>
        </li>`;
      }),
    );
    const unblocked = await unblockedRow(request, { db, names }, entries);
    if (unblocked) rows.unshift(unblocked);
    return sendPage(request, reply, {
      title: tr('title'),
      body: html`<h1>${tr('title')}</h1>
        <p>${tr('explain')}</p>
        ${
          rows.length === 0
            ? html`<p>${tr('empty')}</p>`
            : html`<ul class="plain">
                ${rows}
              </ul>`
        }`,
    });
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * After unblocking from this page the member is no longer on it: their row stays, saying
 * so (feedback.ts), until the page is left. Null for anyone else the query might name.
 */
async function unblockedRow(
  request: FastifyRequest,
  { db, names }: Pick<BlockPageDeps, 'db' | 'names'>,
  entries: readonly { memberId: string }[],
): Promise<Html | null> {
  const last = feedbackOf(request, 'block', OUTCOMES);
  const to = last?.outcome === 'unblocked' ? last.to : null;
  if (to === null || !UUID.test(to) || entries.some((e) => e.memberId === to)) return null;
  if (await blockStands(db, to, request.viewer!.memberId)) return null;
  const nickname = await names.nickname(to);
  if (nickname === null) return null;
  return html`<li class="card" id="${cardAnchor(to)}">
    <strong>${nickname}</strong>
    ${feedbackNotice(t(request)('unblockedNotice'))}
  </li>`;
}

/** Blocking asks first, on a page that says what a block does; unblocking is one button. */
function blockingPages(http: Http, { db, commands, names }: BlockPageDeps): void {
  http.get(
    '/members/:memberId/block',
    { config: page, schema: { hide: true, params } },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      const { memberId } = request.params;
      if (memberId === viewerId) return reply.redirect('/profile', 303);
      // Someone who blocked the viewer is as absent here as on their profile.
      const name = (await blockStands(db, memberId, viewerId)) ? null : await names.nickname(memberId);
      if (name === null) throw problems.notFound('This member');
      if (await blockStands(db, viewerId, memberId)) return reply.redirect('/blocks', 303);
      return confirmPage(request, reply, memberId, name);
    },
  );

  http.post(
    '/members/:memberId/block',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const hours = form.text(request.body, 'hours');
      await commands.block(
        request.viewer!.memberId,
        request.params.memberId,
        hours === '' ? null : Number(hours),
      );
      const { memberId } = request.params;
      return reply.redirect(
        backAfter(request.body, `/blocks#${cardAnchor(memberId)}`, 'block', 'blocked', memberId),
        303,
      );
    },
  );

  http.post(
    '/members/:memberId/unblock',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const { memberId } = request.params;
      await commands.unblock(request.viewer!.memberId, memberId);
      return reply.redirect(
        backAfter(request.body, `/blocks#${cardAnchor(memberId)}`, 'block', 'unblocked', memberId),
        303,
      );
    },
  );
}

/** The question before a block: for good, a day or a week. */
function confirmPage(
  request: FastifyRequest,
  reply: FastifyReply,
  memberId: string,
  name: string,
): FastifyReply {
  const tr = t(request);
  return sendPage(request, reply, {
    title: tr('confirmTitle', { name }),
    body: html`<h1>${tr('confirmTitle', { name })}</h1>
      <p>${tr('confirmExplain', { name })}</p>
      <p>${tr('confirmChat', { name })}</p>
      <p>${tr('confirmGone', { name })}</p>
      <form method="post" action="/members/${memberId}/block">
        ${hidden(request)}
        <fieldset class="field">
          <legend>${tr('howLong')}</legend>
          <label><input type="radio" name="hours" value="" checked /> ${tr('forGood')}</label>
          <label><input type="radio" name="hours" value="24" /> ${tr('forDay')}</label>
          <label><input type="radio" name="hours" value="168" /> ${tr('forWeek')}</label>
        </fieldset>
        <div class="actions">
          <button type="submit">${tr('confirmBlock', { name })}</button>
          <a class="button secondary" href="/members/${memberId}">${tr('cancel')}</a>
        </div>
      </form>`,
  });
}
