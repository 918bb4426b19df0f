import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { dateIn, type FieldProblem, type Http } from '@meetcute/core';
import { shownTo, type Blocks } from '@meetcute/block/events';
import { profilesOf, type ProfileDirectory } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  assetPath,
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  form,
  formErrors,
  hidden,
  html,
  itemList,
  languageOf,
  pager,
  portraitPath,
  sendPage,
  translator,
  type Html,
  formatMoment,
  type Language,
  type MemberAction,
  type Translate,
  nextStep,
  presenceBadge,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { CHAT_AUDIENCES, type ChatAudience } from './events.ts';
import { messages } from './messages.ts';
import { preview } from './rules.ts';
import type { ChatDb } from './store.ts';
import type { ConversationItem, Views } from './views.ts';
import type { Flags } from '@meetcute/flags';

export type Key = keyof (typeof messages)['en'];
export const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/**
 * A message's time where the viewer lives: the time today, the day and time this year,
 * and the whole date before (a "1 Dec" from last year would read as this one's).
 */
export function stamp(sentAt: string, now: Date, timeZone: string, language: Language): string {
  const day = dateIn(timeZone, new Date(sentAt));
  const today = dateIn(timeZone, now);
  if (day === today) return formatMoment(language, timeZone, sentAt, 'time');
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatMoment(language, timeZone, sentAt, 'date-time');
  return `${formatMoment(language, timeZone, sentAt, 'day-month')} ${formatMoment(language, timeZone, sentAt, 'time')}`;
}

export const portrait = (memberId: string, size = 48) =>
  html`<img
    class="portrait"
    src="${portraitPath(memberId)}"
    alt=""
    width="${size}"
    height="${size}"
    loading="lazy"
  />`;

/** Every chat page is for approved members. */
export const page = { access: 'approved', kind: 'page' } as const;

export interface PageDeps {
  flags: Flags;
  db: ChatDb;
  commands: Commands;
  views: Views;
  profiles: ProfileDirectory;
  now: () => Date;
}

/** Where the member lives, for the times a page shows them. */
export async function timeZoneOf(profiles: ProfileDirectory, memberId: string): Promise<string> {
  return (await profiles.get(memberId))?.city.timeZone ?? 'UTC';
}

/** Why the viewer may not start a conversation with a member, in the viewer's language. */
export function closedReason(
  t: Translate<Key>,
  nickname: string,
  by: Exclude<ChatAudience, 'everyone'>,
): string {
  return t(by === 'preferences' ? 'closedPreferences' : 'closedContacts', { name: nickname });
}

/** The "Message" button next to a member on their profile and cards. */
export function messageAction(
  blocks: Blocks,
  profiles: ProfileDirectory,
  commands: Pick<Commands, 'closedByEach'>,
): MemberAction {
  return async (request, memberIds) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    const members = await profilesOf(profiles, await shownTo(blocks, viewer.memberId, memberIds));
    // One look at the members' choices for the whole page, not two queries per card.
    const closed = await commands.closedByEach(viewer.memberId, [...members.keys()]);
    const t = tr(request);
    return (memberId) => {
      const member = members.get(memberId);
      if (!member) return null;
      // Instead of a button that leads to a refusal, say why there is none.
      const by = closed.get(memberId);
      if (by) return html`<p class="chat-closed">${closedReason(t, member.nickname, by)}</p>`;
      return html`<a
        class="button"
        href="/chats/${memberId}"
        aria-label="${t('messageWith', { name: member.nickname })}"
        >${t('messageButton')}</a
      >`;
    };
  };
}

/** The list of the member's conversations and their choice of who may start one. */
export function chatPages(http: Http, deps: PageDeps): void {
  conversationListPage(http, deps);
  settingsPages(http, deps.commands);
}

function conversationListPage(http: Http, deps: PageDeps): void {
  http.get(
    '/chats',
    {
      config: page,
      schema: { hide: true, querystring: Type.Object({ cursor: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const [list, timeZone] = await Promise.all([
        deps.views.conversations(viewerId, request.query.cursor),
        timeZoneOf(deps.profiles, viewerId),
      ]);
      const item = (i: ConversationItem) =>
        renderConversationItem(i, { t, viewerId, timeZone, language: languageOf(request), now: deps.now() });
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <section class="chats" data-chat-list>
            ${itemList(list.items.map(item), { empty: t('empty'), next: nextStep(request, 'search'), class: 'conversations', numbered: true, infinite: true })}
            ${pager(request, { next: list.nextCursor, more: t('olderChats') })}
          </section>
          <p class="chat-settings"><a href="/chats/settings">${t('settingsLink')}</a></p>
          <script src="${assetPath('chat.js')}" defer></script>`,
      });
    },
  );
}

/** One conversation in the list: who, their last message, when, and how many are unread. */
function renderConversationItem(
  i: ConversationItem,
  at: { t: Translate<Key>; viewerId: string; timeZone: string; language: Language; now: Date },
): Html {
  const { t } = at;
  return html`<li
    class="conversation${i.unread > 0 ? ' unread' : ''}"
    data-conversation="${i.conversationId}"
  >
    <a href="/chats/${i.member.memberId}">
      ${portrait(i.member.memberId)}
      <span class="who">
        <strong>${i.member.departed ? t('deletedMember') : i.member.nickname}</strong>
        ${i.member.departed ? '' : presenceBadge(i.member.memberId, i.online, { label: t('online'), title: t('online') })}
        <span class="preview">${i.last.senderId === at.viewerId ? t('you') : ''}${preview(i.last.body)}</span>
      </span>
      <span class="when">
        <time datetime="${i.last.sentAt}">${stamp(i.last.sentAt, at.now, at.timeZone, at.language)}</time>
        ${
          i.unread > 0
            ? html`<span class="badge" aria-label="${t('unread', { n: i.unread })}">${i.unread}</span>`
            : ''
        }
      </span>
    </a>
  </li>`;
}

function settingsPages(http: Http, commands: Commands): void {
  http.get(
    '/chats/settings',
    {
      config: page,
      schema: { hide: true },
    },
    async (request, reply) => {
      const t = tr(request);
      const audience = await commands.audience(request.viewer!.memberId);
      return sendPage(request, reply, {
        title: t('settingsTitle'),
        body: settingsForm(request, audience),
      });
    },
  );

  http.post(
    '/chats/settings',
    { config: page, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const audience = CHAT_AUDIENCES.find((a) => a === form.text(request.body, 'audience'));
      if (!audience) {
        const t = tr(request);
        return sendPage(
          request,
          reply,
          {
            title: t('settingsTitle'),
            body: settingsForm(request, undefined, [{ field: 'audience', message: t('chooseAudience') }]),
          },
          400,
        );
      }
      await commands.chooseAudience(request.viewer!.memberId, audience);
      return reply.redirect(backAfter(request.body, `/chats/settings#${SETTINGS}`, 'chat', 'saved'), 303);
    },
  );
}

/** Where the settings form stands: what saving it comes back to. */
const SETTINGS = 'chat-settings';

function settingsForm(
  request: FastifyRequest,
  audience: ChatAudience | undefined,
  errors?: FieldProblem[],
): Html {
  const t = tr(request);
  const saved = errors ? null : feedbackOf(request, 'chat', ['saved']);
  return html`<h1>${t('settingsTitle')}</h1>
    ${formErrors(errors, t('fix'))}
    <form method="post" action="/chats/settings" id="${SETTINGS}" data-feedback>
      ${saved ? feedbackNotice(t('saved')) : ''} ${hidden(request)}${backField(request, SETTINGS)}
      <fieldset>
        <legend>${t('settingsIntro')}</legend>
        ${CHAT_AUDIENCES.map(
          (a) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="audience"
                value="${a}"
                ${a === audience ? html`checked` : ''}
                ${a === 'everyone' ? html`required` : ''}
              />
              ${t(a)}</label
            >`,
        )}
        <small>${t('existingGoOn')}</small>
      </fieldset>
      <button type="submit">${t('save')}</button>
    </form>`;
}
