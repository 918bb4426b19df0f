import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http, ServiceRegistry, View } from '@meetcute/core';
import type { FavouritesDb } from './store.ts';
import { shownTo, type Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  MEMBER_ACTIONS,
  backAfter,
  cardBack,
  feedbackNotice,
  feedbackOf,
  cardFacts,
  formatMoment,
  hidden,
  html,
  languageOf,
  sendMemberList,
  translator,
  type FormBody,
  type MemberAction,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE } from './rules.ts';
import { favouritePage } from './views.ts';

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

type Outcome = 'added' | 'removed';
const OUTCOMES: readonly Outcome[] = ['added', 'removed'];

/** The page the button was on (only ever a page of this site), at the card, saying what it did to whom. */
function backTo(body: FormBody, memberId: string, outcome: Outcome): string {
  return backAfter(body, '/favourites', 'favourite', outcome, memberId);
}

/** The toggle on a profile and on each card: "★ Favourite", or "Remove favourite" for a favourite. */
export function favouriteAction(favouriteIds: View<ReadonlySet<string>>, blocks: Blocks): MemberAction {
  return async (request, memberIds, where) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    const shown = new Set(await shownTo(blocks, viewer.memberId, memberIds));
    const favourites = (await favouriteIds.get(viewer.memberId)) ?? new Set<string>();
    const tr = t(request);
    const last = feedbackOf(request, 'favourite', OUTCOMES);
    return (memberId) => {
      if (!shown.has(memberId)) return null;
      const favourite = favourites.has(memberId);
      // Back from the button: what it did, beside it (feedback.ts).
      const note =
        last?.to === memberId
          ? feedbackNotice(tr(last.outcome === 'added' ? 'nowFavourite' : 'noLongerFavourite'))
          : '';
      return html`<form
          method="post"
          action="/members/${memberId}/${favourite ? 'unfavourite' : 'favourite'}"
          class="inline"
          data-feedback
        >
          ${hidden(request)}<input type="hidden" name="back" value="${cardBack(request, memberId, where)}" />
          <button type="submit" ${favourite ? html`class="secondary"` : ''}>
            ${tr(favourite ? 'remove' : 'add')}
          </button>
        </form>
        ${note}`;
    };
  };
}

export function favouritePages(
  http: Http,
  db: FavouritesDb,
  commands: Commands,
  profiles: ProfileDirectory,
  services: ServiceRegistry,
): void {
  const page = { access: 'approved', kind: 'page' } as const;
  const params = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

  http.get(
    '/favourites',
    { config: page, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const tr = t(request);
      const viewerId = request.viewer!.memberId;
      const asked = { cursor: request.query.cursor, limit: request.query.limit ?? PAGE.default };
      const [list, viewer] = await Promise.all([
        favouritePage(db, profiles, viewerId, asked),
        profiles.get(viewerId),
      ]);
      const date = (at: string) =>
        formatMoment(languageOf(request), viewer?.city.timeZone ?? 'UTC', at, 'date');
      return sendMemberList(request, reply, {
        words: { title: tr('title'), intro: tr('explain'), empty: tr('empty') },
        next: 'search',
        actions: services.contributions<MemberAction>(MEMBER_ACTIONS),
        members: list.favourites.map(({ member, addedAt }) => ({
          ...cardFacts(member),
          note: html`<time datetime="${addedAt}">${tr('added', { date: date(addedAt) })}</time>`,
        })),
        pager: { next: list.nextCursor, more: tr('older') },
      });
    },
  );

  http.post(
    '/members/:memberId/favourite',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.add(request.viewer!.memberId, request.params.memberId);
      return reply.redirect(backTo(request.body, request.params.memberId, 'added'), 303);
    },
  );

  http.post(
    '/members/:memberId/unfavourite',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      // A second tap (or an old tab) finds it already gone: the page just goes back.
      await commands.remove(request.viewer!.memberId, request.params.memberId);
      return reply.redirect(backTo(request.body, request.params.memberId, 'removed'), 303);
    },
  );
}
