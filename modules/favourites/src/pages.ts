import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http, ServiceRegistry, View } from '@meetcute/core';
import type { FavouritesDb } from './store.ts';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  cardBack,
  MEMBER_ACTIONS,
  cardList,
  form,
  hidden,
  html,
  languageOf,
  localPath,
  memberActions,
  memberCard,
  sendPage,
  translator,
  formatMoment,
  type MemberAction,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE } from './rules.ts';
import { favouritePage } from './views.ts';

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

/** The toggle on a profile and on each card: "★ Favourite", or "Remove favourite" for a favourite. */
export function favouriteAction(favouriteIds: View<ReadonlySet<string>>, blocks: Blocks): MemberAction {
  return async (request, memberIds) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    const hiddenIds = await blocks.hiddenFrom(viewer.memberId);
    const shown = new Set(memberIds.filter((id) => id !== viewer.memberId && !hiddenIds.has(id)));
    const favourites = (await favouriteIds.get(viewer.memberId)) ?? new Set<string>();
    const tr = t(request);
    return (memberId) => {
      if (!shown.has(memberId)) return null;
      const favourite = favourites.has(memberId);
      return html`<form
        method="post"
        action="/members/${memberId}/${favourite ? 'unfavourite' : 'favourite'}"
        class="inline"
      >
        ${hidden(request)}<input type="hidden" name="back" value="${cardBack(request, memberId)}" />
        <button type="submit" ${favourite ? html`class="secondary"` : ''}>
          ${tr(favourite ? 'remove' : 'add')}
        </button>
      </form>`;
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
      const language = languageOf(request);
      const viewerId = request.viewer!.memberId;
      const timeZone = (await profiles.get(viewerId))?.city.timeZone ?? 'UTC';
      const list = await favouritePage(db, profiles, viewerId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? PAGE.default,
      });
      const buttons = await memberActions(
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        request,
        list.favourites.map(({ member }) => member.memberId),
        'card',
      );
      const cards = list.favourites.map(({ member, addedAt }) =>
        memberCard(
          request,
          {
            memberId: member.memberId,
            nickname: member.nickname,
            age: member.age,
            gender: member.gender,
            cityLabel: member.city.label,
            note: html`<time datetime="${addedAt}"
              >${tr('added', { date: formatMoment(language, timeZone, addedAt, 'date') })}</time
            >`,
          },
          buttons(member.memberId),
        ),
      );
      return sendPage(request, reply, {
        title: tr('title'),
        body: html`<h1>${tr('title')}</h1>
          <p>${tr('explain')}</p>
          ${cardList(cards, tr('empty'))}
          ${
            list.nextCursor
              ? html`<p><a rel="next" href="/favourites?cursor=${list.nextCursor}">${tr('older')}</a></p>`
              : ''
          }`,
      });
    },
  );

  http.post(
    '/members/:memberId/favourite',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.add(request.viewer!.memberId, request.params.memberId);
      return reply.redirect(localPath(form.text(request.body, 'back'), '/favourites'), 303);
    },
  );

  http.post(
    '/members/:memberId/unfavourite',
    { config: page, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      // A second tap (or an old tab) finds it already gone: the page just goes back.
      await commands.remove(request.viewer!.memberId, request.params.memberId);
      return reply.redirect(localPath(form.text(request.body, 'back'), '/favourites'), 303);
    },
  );
}
