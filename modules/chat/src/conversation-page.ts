import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, type FieldProblem, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  assetPath,
  feedbackNotice,
  feedbackOf,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  sendPage,
  type Html,
  LOCALES,
  type Language,
  type Translate,
  presenceBadge,
} from '@meetcute/web';
import { CHAT_CLOSED } from './commands.ts';
import { MAX_MESSAGE_LENGTH, type ChatAudience } from './events.ts';
import { closedReason, page, portrait, stamp, timeZoneOf, tr, type Key, type PageDeps } from './pages.ts';
import { characters, TYPING_FLAG } from './rules.ts';
import { subjectOf } from '@meetcute/flags';
import { totalUnread, type Message } from './store.ts';
import type { ChatPartner, ConversationView } from './views.ts';

/** What the rules keep of a typed message, to count it as they do. */
const messageBodyText = (typed: string) => typed.replace(/\r\n?/g, '\n').trim();

/** What a conversation page says besides the messages. */
interface ConversationOptions {
  before?: number | undefined;
  errors?: FieldProblem[];
  typed?: string;
  /** The message the viewer just reported: thanked beside it (web/src/feedback.ts). */
  reported?: string | undefined;
  closed?: Exclude<ChatAudience, 'everyone'> | null;
}

/** A conversation: reading it, and writing in it without JavaScript. */
export function conversationPages(http: Http, deps: PageDeps): void {
  readConversationPage(http, deps);
  sendFromConversationPage(http, deps);
}

function readConversationPage(http: Http, deps: PageDeps): void {
  const { commands, views } = deps;
  http.get(
    '/chats/:memberId',
    {
      config: page,
      schema: {
        hide: true,
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({
          before: Type.Optional(Type.Integer({ minimum: 1 })),
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
      if (other.departed)
        return conversationPage(deps, request, reply, other, { before: request.query.before });
      const before = request.query.before;
      if (before === undefined) {
        // Opening the newest messages reads them; older history does not move the mark.
        await commands.read(viewerId, other.memberId);
        const counter = request.nav?.counters.find((c) => c.name === 'chats');
        if (counter) counter.count = await totalUnread(deps.db, viewerId);
      }
      const reported = feedbackOf(request, 'chat', ['reported'])?.to ?? undefined;
      const closed = await commands.closedBy(viewerId, other.memberId);
      return conversationPage(deps, request, reply, other, { before, reported, closed });
    },
  );
}

function sendFromConversationPage(http: Http, deps: PageDeps): void {
  const { commands } = deps;
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
          return conversationPage(deps, request, reply, other, { closed }, 403);
        }
        if (!(error instanceof Problem) || error.status !== 400 || !error.errors) throw error;
        const other = await commands.partner(viewerId, memberId);
        const errors = inWords(tr(request), typed, error.errors);
        return conversationPage(deps, request, reply, other, { errors, typed }, 400);
      }
      return reply.redirect(`/chats/${memberId}#newest`, 303);
    },
  );
}

/** The rules' problems with a typed message, said in the member's language. */
function inWords(t: Translate<Key>, typed: string, errors: FieldProblem[]): FieldProblem[] {
  const n = characters(messageBodyText(typed));
  return errors.map((e) =>
    e.field === 'body'
      ? {
          field: 'body',
          message: n === 0 ? t('writeSomething') : t('tooLong', { max: MAX_MESSAGE_LENGTH, n }),
        }
      : e,
  );
}

/** Answers with one page of the conversation with `partner`. */
async function conversationPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  partner: ChatPartner,
  options: ConversationOptions,
  status = 200,
): Promise<FastifyReply> {
  const t = tr(request);
  const viewerId = request.viewer!.memberId;
  const other = partner.departed ? { ...partner, nickname: t('deletedMember') } : partner;
  const [view, timeZone, typing] = await Promise.all([
    deps.views.conversation(viewerId, partner, options.before),
    timeZoneOf(deps.profiles, viewerId),
    deps.flags.isOn(TYPING_FLAG, subjectOf(request)),
  ]);
  const reported = options.reported;
  const at: Seen = {
    t,
    viewerId,
    view,
    timeZone,
    language: languageOf(request),
    now: deps.now(),
    typing,
    reported,
  };
  // A report of a message older than this page shows is thanked at the top instead.
  const away = reported !== undefined && !view.messages.some((m) => m.messageId === reported);
  return sendPage(
    request,
    reply,
    {
      title: t('chatWith', { name: other.nickname }),
      notice: away ? t('reported') : undefined,
      body: renderConversation(request, other, options, at),
    },
    status,
  );
}

/** Who looks at a conversation page, and from where. */
interface Seen {
  t: Translate<Key>;
  viewerId: string;
  view: ConversationView;
  timeZone: string;
  language: Language;
  now: Date;
  /** Whether the viewer has "is typing" (its feature flag). */
  typing: boolean;
  reported: string | undefined;
}

function renderConversation(
  request: FastifyRequest,
  other: ChatPartner,
  options: ConversationOptions,
  at: Seen,
): Html {
  const { t, view } = at;
  const older =
    view.olderBefore === null
      ? html`<p class="start">${t('start', { name: other.nickname })}</p>`
      : html`<p class="older">
          <a rel="prev" data-older href="/chats/${other.memberId}?before=${view.olderBefore}"
            >${t('olderMessages')}</a
          >
        </p>`;
  return html`<section
      class="chat"
      data-chat="${view.conversationId}"
      data-member="${other.memberId}"
      data-me="${at.viewerId}"
      data-read-seq="${view.readSeq}"
      data-read-label="${t('read')}"
      data-report-label="${t('report')}"
      data-locale="${LOCALES[at.language]}"
      data-time-zone="${at.timeZone}"
    >
      <header class="chat-head">
        ${portrait(other.memberId)}
        <h1>
          ${other.departed ? other.nickname : html`<a href="/members/${other.memberId}">${other.nickname}</a>`}
        </h1>
        ${other.departed ? '' : presenceBadge(other.memberId, view.online, { label: t('online'), title: t('online') })}
      </header>
      ${older}
      <ol class="messages" data-messages aria-live="polite">
        ${view.messages.map((m) => renderMessage(m, other, at))}
      </ol>
      ${at.typing ? html`<p class="typing" data-typing hidden>${t('typing', { name: other.nickname })}</p>` : ''}
      ${formErrors(options.errors, t('fix'))}
      ${
        other.departed
          ? html`<p class="chat-closed" id="newest">${t('departed')}</p>`
          : options.closed
            ? html`<p class="chat-closed" id="newest">${closedReason(t, other.nickname, options.closed)}</p>`
            : renderComposer(request, other, options, t)
      }
    </section>
    <script src="${assetPath('chat.js')}" defer></script>`;
}

function renderMessage(m: Message, other: ChatPartner, at: Seen): Html {
  const { t } = at;
  const mine = m.senderId === at.viewerId;
  return html`<li
    class="message ${mine ? 'mine' : 'theirs'}"
    id="m-${m.messageId}"
    data-message-id="${m.messageId}"
    data-seq="${m.seq}"
  >
    <p class="body">${m.body}</p>
    <p class="meta">
      <time datetime="${m.sentAt}">${stamp(m.sentAt, at.now, at.timeZone, at.language)}</time>
      ${m.messageId === at.view.readUpTo ? html`<span class="receipt">${t('read')}</span>` : ''}
      ${mine || other.departed ? '' : html`<a class="report" href="/messages/${m.messageId}/report">${t('report')}</a>`}
    </p>
    ${m.messageId === at.reported ? feedbackNotice(t('reported')) : ''}
  </li>`;
}

function renderComposer(
  request: FastifyRequest,
  other: ChatPartner,
  options: ConversationOptions,
  t: Translate<Key>,
): Html {
  const error = options.errors?.find((e) => e.field === 'body');
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
