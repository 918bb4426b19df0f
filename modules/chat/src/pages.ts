import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { dateIn, Problem, type FieldProblem, type Http } from '@meetcute/core';
import type { Blocks } from '@meetcute/block/events';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  assetPath,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  portraitPath,
  sendPage,
  translator,
  type Html,
  formatMoment,
  LOCALES,
  type Language,
  type MemberAction,
  type Translate,
} from '@meetcute/web';
import { CHAT_CLOSED, type Commands } from './commands.ts';
import { CHAT_AUDIENCES, MAX_MESSAGE_LENGTH, REPORT_REASONS, type ChatAudience } from './events.ts';
import { messages } from './messages.ts';
import { characters, preview } from './rules.ts';

/** What the rules keep of a typed message, to count it as they do. */
const messageBodyText = (typed: string) => typed.replace(/\r\n?/g, '\n').trim();
import { messageById, totalUnread, type ChatDb, type Message } from './store.ts';
import type { ChatPartner, Views } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** A message's time where the viewer lives: the time today, else the day and time. */
function stamp(sentAt: string, now: Date, timeZone: string, language: Language): string {
  const time = formatMoment(language, timeZone, sentAt, 'time');
  if (dateIn(timeZone, new Date(sentAt)) === dateIn(timeZone, now)) return time;
  return `${formatMoment(language, timeZone, sentAt, 'day-month')} ${time}`;
}

const portrait = (memberId: string, size = 48) =>
  html`<img
    class="portrait"
    src="${portraitPath(memberId)}"
    alt=""
    width="${size}"
    height="${size}"
    loading="lazy"
  />`;

export interface PageDeps {
  db: ChatDb;
  commands: Commands;
  views: Views;
  profiles: ProfileDirectory;
  now: () => Date;
}

/** The "Message" button next to a member on their profile and cards. */
/** Why the viewer may not start a conversation with a member, in the viewer's language. */
function closedReason(t: Translate<Key>, nickname: string, by: Exclude<ChatAudience, 'everyone'>): string {
  return t(by === 'preferences' ? 'closedPreferences' : 'closedContacts', { name: nickname });
}

export function messageAction(
  blocks: Blocks,
  profiles: ProfileDirectory,
  commands: Pick<Commands, 'closedBy'>,
): MemberAction {
  return async (request, memberIds) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    const hiddenIds = await blocks.hiddenFrom(viewer.memberId);
    const members = new Map<string, PublicProfile>();
    const closed = new Map<string, Exclude<ChatAudience, 'everyone'>>();
    for (const memberId of memberIds) {
      if (memberId === viewer.memberId || hiddenIds.has(memberId)) continue;
      const member = await profiles.get(memberId);
      if (!member) continue;
      members.set(memberId, member);
      const by = await commands.closedBy(viewer.memberId, memberId);
      if (by) closed.set(memberId, by);
    }
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

export function chatPages(http: Http, deps: PageDeps): void {
  const { db, commands, views, profiles, now } = deps;
  const page = { access: 'approved', kind: 'page' } as const;
  const timeZoneOf = async (memberId: string) => (await profiles.get(memberId))?.city.timeZone ?? 'UTC';

  http.get(
    '/chats',
    {
      config: page,
      schema: { hide: true, querystring: Type.Object({ cursor: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const language = languageOf(request);
      const viewerId = request.viewer!.memberId;
      const [list, timeZone] = await Promise.all([
        views.conversations(viewerId, request.query.cursor),
        timeZoneOf(viewerId),
      ]);
      const items = list.items.map(
        (i) =>
          html`<li
            class="conversation${i.unread > 0 ? ' unread' : ''}"
            data-conversation="${i.conversationId}"
          >
            <a href="/chats/${i.member.memberId}">
              ${portrait(i.member.memberId)}
              <span class="who">
                <strong>${i.member.departed ? t('deletedMember') : i.member.nickname}</strong>
                ${i.online ? html`<span class="online-badge"><span aria-hidden="true">●</span> ${t('online')}</span>` : ''}
                <span class="preview"
                  >${i.last.senderId === viewerId ? t('you') : ''}${preview(i.last.body)}</span
                >
              </span>
              <span class="when">
                <time datetime="${i.last.sentAt}">${stamp(i.last.sentAt, now(), timeZone, language)}</time>
                ${
                  i.unread > 0
                    ? html`<span class="badge" aria-label="${t('unread', { n: i.unread })}"
                        >${i.unread}</span
                      >`
                    : ''
                }
              </span>
            </a>
          </li>`,
      );
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <section class="chats" data-chat-list>
            ${
              items.length === 0
                ? html`<p class="empty">${t('empty')}</p>`
                : html`<ol class="conversations" data-infinite>
                    ${items}
                  </ol>`
            }
            ${list.nextCursor ? html`<p><a rel="next" href="/chats?cursor=${list.nextCursor}">${t('olderChats')}</a></p>` : ''}
          </section>
          <p class="chat-settings"><a href="/chats/settings">${t('settingsLink')}</a></p>
          <script src="${assetPath('chat.js')}" defer></script>`,
      });
    },
  );

  async function conversationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    partner: ChatPartner,
    options: {
      before?: number | undefined;
      errors?: FieldProblem[];
      typed?: string;
      notice?: string;
      closed?: Exclude<ChatAudience, 'everyone'> | null;
    },
    status = 200,
  ): Promise<FastifyReply> {
    const t = tr(request);
    const language = languageOf(request);
    const viewerId = request.viewer!.memberId;
    const other = partner.departed ? { ...partner, nickname: t('deletedMember') } : partner;
    const [view, timeZone] = await Promise.all([
      views.conversation(viewerId, partner, options.before),
      timeZoneOf(viewerId),
    ]);
    const bubble = (m: Message) => {
      const mine = m.senderId === viewerId;
      return html`<li
        class="message ${mine ? 'mine' : 'theirs'}"
        id="m-${m.messageId}"
        data-message-id="${m.messageId}"
        data-seq="${m.seq}"
      >
        <p class="body">${m.body}</p>
        <p class="meta">
          <time datetime="${m.sentAt}">${stamp(m.sentAt, now(), timeZone, language)}</time>
          ${m.messageId === view.readUpTo ? html`<span class="receipt">${t('read')}</span>` : ''}
          ${mine || other.departed ? '' : html`<a class="report" href="/messages/${m.messageId}/report">${t('report')}</a>`}
        </p>
      </li>`;
    };
    const older =
      view.olderBefore === null
        ? html`<p class="start">${t('start', { name: other.nickname })}</p>`
        : html`<p class="older">
            <a rel="prev" data-older href="/chats/${other.memberId}?before=${view.olderBefore}"
              >${t('olderMessages')}</a
            >
          </p>`;
    const error = options.errors?.find((e) => e.field === 'body');
    return sendPage(
      request,
      reply,
      {
        title: t('chatWith', { name: other.nickname }),
        notice: options.notice,
        body: html`<section
            class="chat"
            data-chat="${view.conversationId}"
            data-member="${other.memberId}"
            data-me="${viewerId}"
            data-read-seq="${view.readSeq}"
            data-read-label="${t('read')}"
            data-report-label="${t('report')}"
            data-locale="${LOCALES[language]}"
            data-time-zone="${timeZone}"
          >
            <header class="chat-head">
              ${portrait(other.memberId)}
              <h1>
                ${other.departed ? other.nickname : html`<a href="/members/${other.memberId}">${other.nickname}</a>`}
              </h1>
              ${view.online ? html`<span class="online-badge"><span aria-hidden="true">●</span> ${t('online')}</span>` : ''}
            </header>
            ${older}
            <ol class="messages" data-messages aria-live="polite">
              ${view.messages.map(bubble)}
            </ol>
            <p class="typing" data-typing hidden>${t('typing', { name: other.nickname })}</p>
            ${formErrors(options.errors, t('fix'))}
            ${
              other.departed
                ? html`<p class="chat-closed" id="newest">${t('departed')}</p>`
                : options.closed
                  ? html`<p class="chat-closed" id="newest">
                      ${closedReason(t, other.nickname, options.closed)}
                    </p>`
                  : composer()
            }
          </section>
          <script src="${assetPath('chat.js')}" defer></script>`,
      },
      status,
    );

    function composer(): Html {
      return html`<form
        method="post"
        action="/chats/${other.memberId}"
        class="composer"
        data-composer
        id="newest"
      >
        ${hidden(request)}
        <label for="f-body" class="visually-hidden">${t('message')}</label>
        <textarea
          id="f-body"
          name="body"
          rows="2"
          required
          maxlength="${MAX_MESSAGE_LENGTH}"
          aria-describedby="f-body-hint${error ? ' f-body-error' : ''}"
          ${error ? html`aria-invalid="true"` : ''}
        >
${options.typed ?? ''}</textarea>
        <small id="f-body-hint" class="hint">${t('limit', { n: MAX_MESSAGE_LENGTH })}</small>
        <p class="error" id="f-body-error" data-error ${error ? '' : html`hidden`}>${error?.message ?? ''}</p>
        <button type="submit">${t('send')}</button>
      </form>`;
    }
  }

  http.get(
    '/chats/:memberId',
    {
      config: page,
      schema: {
        hide: true,
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          reported: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      const other: ChatPartner = await commands
        .partner(viewerId, request.params.memberId)
        .catch(async (error: unknown) => {
          // A partner who deleted their account left the conversation to read, and nothing more.
          const departed =
            error instanceof Problem &&
            error.status === 404 &&
            (await views.departed(viewerId, request.params.memberId));
          if (!departed) throw error;
          return departed;
        });
      if (other.departed) return conversationPage(request, reply, other, { before: request.query.before });
      const before = request.query.before;
      if (before === undefined) {
        // Opening the newest messages reads them; older history does not move the mark.
        await commands.read(viewerId, other.memberId);
        const counter = request.nav?.counters.find((c) => c.name === 'chats');
        if (counter) counter.count = await totalUnread(db, viewerId);
      }
      const notice = request.query.reported === undefined ? undefined : tr(request)('reported');
      const closed = await commands.closedBy(viewerId, other.memberId);
      return conversationPage(request, reply, other, { before, notice, closed });
    },
  );

  http.post(
    '/chats/:memberId',
    {
      config: page,
      schema: {
        hide: true,
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        body: FORM_BODY_SCHEMA,
      },
    },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      const memberId = request.params.memberId;
      const typed = form.list(request.body, 'body')[0] ?? '';
      try {
        await commands.send(viewerId, memberId, typed);
      } catch (error) {
        if (error instanceof Problem && error.type.endsWith(`/${CHAT_CLOSED}`)) {
          // Their choice changed while the form was open: the page says why instead of the form.
          const other = await commands.partner(viewerId, memberId);
          const closed = await commands.closedBy(viewerId, memberId);
          return conversationPage(request, reply, other, { closed }, 403);
        }
        if (!(error instanceof Problem) || error.status !== 400 || !error.errors) throw error;
        const other = await commands.partner(viewerId, memberId);
        const t = tr(request);
        const n = characters(messageBodyText(typed));
        const errors = error.errors.map((e) =>
          e.field === 'body'
            ? {
                field: 'body',
                message: n === 0 ? t('writeSomething') : t('tooLong', { max: MAX_MESSAGE_LENGTH, n }),
              }
            : e,
        );
        return conversationPage(request, reply, other, { errors, typed }, 400);
      }
      return reply.redirect(`/chats/${memberId}#newest`, 303);
    },
  );

  const settingsForm = (
    request: FastifyRequest,
    audience: ChatAudience | undefined,
    errors?: FieldProblem[],
  ): Html => {
    const t = tr(request);
    return html`<h1>${t('settingsTitle')}</h1>
      ${formErrors(errors, t('fix'))}
      <form method="post" action="/chats/settings">
        ${hidden(request)}
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
  };

  http.get(
    '/chats/settings',
    {
      config: page,
      schema: { hide: true, querystring: Type.Object({ saved: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const audience = await commands.audience(request.viewer!.memberId);
      return sendPage(request, reply, {
        title: t('settingsTitle'),
        notice: request.query.saved === undefined ? undefined : t('saved'),
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
      return reply.redirect('/chats/settings?saved=1', 303);
    },
  );

  /** A message the viewer may report: one they received, still there. */
  async function reportable(viewerId: string, messageId: string): Promise<Message> {
    const message = await messageById(db, messageId);
    if (!message || (message.recipientId !== viewerId && message.senderId !== viewerId)) {
      throw new Problem(
        404,
        'not-found',
        'Not found',
        'This message does not exist or is not visible to you.',
      );
    }
    if (message.recipientId !== viewerId) {
      throw new Problem(
        403,
        'forbidden',
        'You may not do this',
        'You can report only messages you received.',
      );
    }
    return message;
  }

  const reportForm = (
    request: FastifyRequest,
    message: Message,
    sender: string,
    errors?: FieldProblem[],
  ): Html => {
    const t = tr(request);
    return html`<h1>${t('reportTitle')}</h1>
      <p>${t('reportIntro', { name: sender })}</p>
      <blockquote class="reported"><p class="body">${message.body}</p></blockquote>
      ${formErrors(errors, t('fix'))}
      <form method="post" action="/messages/${message.messageId}/report">
        ${hidden(request)}
        <fieldset>
          <legend>${t('reason')}</legend>
          ${REPORT_REASONS.map(
            (r, i) =>
              html`<label class="choice"
                ><input type="radio" name="reason" value="${r}" ${i === 0 ? html`required` : ''} />
                ${t(r)}</label
              >`,
          )}
        </fieldset>
        <div class="field">
          <label for="f-note">${t('note')}</label>
          <small id="f-note-hint">${t('noteHint')}</small>
          <textarea
            id="f-note"
            name="note"
            rows="3"
            maxlength="500"
            aria-describedby="f-note-hint"
          ></textarea>
        </div>
        <button type="submit">${t('sendReport')}</button>
      </form>`;
  };

  http.get(
    '/messages/:messageId/report',
    {
      config: page,
      schema: { hide: true, params: Type.Object({ messageId: Type.String({ format: 'uuid' }) }) },
    },
    async (request, reply) => {
      const message = await reportable(request.viewer!.memberId, request.params.messageId);
      const sender = await commands.partner(request.viewer!.memberId, message.senderId);
      return sendPage(request, reply, {
        title: tr(request)('reportTitle'),
        body: reportForm(request, message, sender.nickname),
      });
    },
  );

  http.post(
    '/messages/:messageId/report',
    {
      config: page,
      schema: {
        hide: true,
        params: Type.Object({ messageId: Type.String({ format: 'uuid' }) }),
        body: FORM_BODY_SCHEMA,
      },
    },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      const message = await reportable(viewerId, request.params.messageId);
      const reason = REPORT_REASONS.find((r) => r === form.text(request.body, 'reason'));
      const note = form.text(request.body, 'note');
      if (!reason || [...note].length > 500) {
        const sender = await commands.partner(viewerId, message.senderId);
        const t = tr(request);
        const errors: FieldProblem[] = !reason
          ? [{ field: 'reason', message: t('chooseReason') }]
          : [{ field: 'note', message: t('noteTooLong') }];
        return sendPage(
          request,
          reply,
          { title: tr(request)('reportTitle'), body: reportForm(request, message, sender.nickname, errors) },
          400,
        );
      }
      try {
        await commands.report(viewerId, message.messageId, reason, note);
      } catch (error) {
        // Reporting twice says the same "thank you": the moderators have it either way.
        if (!(error instanceof Problem) || error.status !== 409) throw error;
      }
      return reply.redirect(`/chats/${message.senderId}?reported=1`, 303);
    },
  );
}
