import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor, Problem, problems, type FieldProblem, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  backAfter,
  feedbackNotice,
  feedbackOf,
  field,
  form,
  FORM_BODY_SCHEMA,
  formErrors,
  formatMoment,
  hidden,
  html,
  moderatorNav,
  itemList,
  languageOf,
  pager,
  sendPage,
  translator,
  type Html,
  type FormBody,
  type MemberAction,
  type Translate,
} from '@meetcute/web';
import { MAX_DAYS, REASON_MAX, REASON_MIN } from './commands.ts';
import { messages, type Key } from './messages.ts';
import { BY_SITE } from './events.ts';
import {
  appealOf,
  logPage,
  sanctionOf,
  warningsOf,
  type LogEntry,
  type Sanction,
  type Warning,
} from './store.ts';
import type { ModerationDeps } from './routes.ts';

type T = Translate<Key>;
export const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));
const SUSPENSION_DAYS = [1, 3, 7, 30, 90, MAX_DAYS];
const moderatorPage = { access: 'moderator', kind: 'page' } as const;
const MemberParams = Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 100 }) });

/** The nicknames of members, approved or not, by id. */
export type Names = (ids: readonly string[]) => Promise<Map<string, string>>;

/** Times in the moderator's (or member's) own time zone, as the rest of the site shows them. */
const zones = new WeakMap<FastifyRequest, string>();
export function when(request: FastifyRequest, iso: string): string {
  return formatMoment(languageOf(request), zones.get(request) ?? 'UTC', iso, 'date-time');
}

/** Sets the request's times to the viewer's own time zone, when their profile says it. */
export async function inOwnZone(profiles: ProfileDirectory, request: FastifyRequest): Promise<void> {
  const zone = request.viewer && (await profiles.get(request.viewer.memberId))?.city.timeZone;
  if (zone) zones.set(request, zone);
}

function standing(request: FastifyRequest, t: T, nickname: string, sanction: Sanction | undefined): string {
  if (!sanction) return t('goodStanding', { nickname });
  if (sanction.until === null) return t('banned', { reason: sanction.reason });
  return t('suspendedUntil', { until: when(request, sanction.until), reason: sanction.reason });
}

function entryLine(request: FastifyRequest, t: T, e: LogEntry, names: Map<string, string>): Html {
  const name = (id: string | null) => (id === null || id === BY_SITE ? t('site') : (names.get(id) ?? id));
  const what = t(`action_${e.action}`, {
    member: name(e.memberId),
    until: e.until ? when(request, e.until) : '',
  });
  // An appeal is the member's own act: no moderator in front of it.
  const who = e.action === 'appealed' ? '' : html`<strong>${name(e.moderatorId)}</strong> `;
  return html`<li>
    <time datetime="${e.at}">${when(request, e.at)}</time> · ${who}${what}
    ${e.reason ? html`<br /><q>${e.reason}</q>` : ''} ·
    <a href="/moderation/members/${encodeURIComponent(e.memberId)}">${t('moderate')}</a>
  </li>`;
}

/** Decisions as a list, each naming its member and moderator, or the line that there are none. */
async function logList(request: FastifyRequest, t: T, entries: LogEntry[], names: Names): Promise<Html> {
  const ids = entries.flatMap((e) => (e.moderatorId ? [e.memberId, e.moderatorId] : [e.memberId]));
  const known = await names(ids);
  return itemList(
    entries.map((e) => entryLine(request, t, e, known)),
    { empty: t('logEmpty'), class: 'list' },
  );
}

/** What the moderators' pages work with: the routes' dependencies, the profiles and everyone's nicknames. */
export interface ModerationPageDeps extends ModerationDeps {
  profiles: ProfileDirectory;
  names: Names;
}

/** Moderators' pages: a member's standing with the actions on it, and the log of every decision. */
export function moderationPages(http: Http, deps: ModerationPageDeps): void {
  memberStandingPage(http, deps);
  sanctionActions(http, deps);
  decisionLogPage(http, deps);
}

/** On profiles, for moderators: the way to act on the member. */
export const moderateAction: MemberAction = (request, _ids, where) => {
  const isModerator = request.viewer?.roles.includes('moderator') ?? false;
  const label = tr(request)('moderate');
  return Promise.resolve((memberId) =>
    isModerator && where === 'profile' && memberId !== request.viewer?.memberId
      ? html`<a class="button secondary" href="/moderation/members/${encodeURIComponent(memberId)}"
          >${label}</a
        >`
      : null,
  );
};

/** A member's standing, or a form on it to show again with what was wrong. */
interface MemberPageOptions {
  errors?: FieldProblem[];
  form?: string;
  notice?: string;
}

/** What a sanction form did, said at the member's standing, which it changed (feedback.ts). */
const SANCTIONED = ['warned', 'suspended', 'banned', 'lifted'] as const;
const STANDING = 'standing';

function memberStandingPage(http: Http, deps: ModerationPageDeps): void {
  http.get(
    '/moderation/members/:memberId',
    {
      config: moderatorPage,
      schema: { params: MemberParams },
    },
    async (request, reply) => {
      const t = tr(request);
      const done = feedbackOf(request, 'moderation', SANCTIONED);
      const notice = done ? t(`done_${done.outcome}`) : undefined;
      return memberPage(deps, request, reply, request.params.memberId, { notice });
    },
  );
}

async function memberPage(
  { db, profiles, names }: ModerationPageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  memberId: string,
  options: MemberPageOptions = {},
  status = 200,
) {
  const t = tr(request);
  await inOwnZone(profiles, request);
  // Any member who signed up, approved or not: a spammer may never have been approved.
  const nickname = (await names([memberId])).get(memberId);
  if (nickname === undefined) throw problems.notFound('This member');
  const sanction = await sanctionOf(db, memberId);
  const appeal = sanction ? await appealOf(db, memberId, sanction.at) : undefined;
  const [warnings, history] = await Promise.all([
    warningsOf(db, memberId),
    logPage(db, { limit: 20, memberId }),
  ]);
  const historyList = await logList(request, t, history, names);
  return sendPage(
    request,
    reply,
    {
      title: t('memberTitle', { nickname }),
      body: html`<h1>${t('memberTitle', { nickname })}</h1>
        <div id="${STANDING}">
          ${options.notice ? feedbackNotice(options.notice) : ''}
          <p>
            <a href="/members/${encodeURIComponent(memberId)}">${nickname}</a> ·
            ${standing(request, t, nickname, sanction)}
          </p>
        </div>
        ${
          appeal
            ? html`<p>${t('appealOf', { date: when(request, appeal.at) })}</p>
                <blockquote>${appeal.text}</blockquote>`
            : ''
        }
        ${formErrors(options.errors, t('fixTitle'))}
        ${renderSanctionForms(request, t, memberId, sanction, options)}
        ${renderRecord(request, t, warnings, historyList)}`,
    },
    status,
  );
}

/** The moderator's forms: lift (when a sanction is in force), warn, suspend and ban. */
function renderSanctionForms(
  request: FastifyRequest,
  t: T,
  memberId: string,
  sanction: Sanction | undefined,
  options: MemberPageOptions,
): Html {
  const action = (name: string) => `/moderation/members/${encodeURIComponent(memberId)}/${name}`;
  const errorsFor = (name: string) => (options.form === name ? options.errors : undefined);
  const reason = (name: string) =>
    field({
      name: 'reason',
      id: `${name}-reason`,
      label: t('reason'),
      hint: t('reasonHint'),
      required: true,
      multiline: true,
      errors: errorsFor(name),
    });
  return html`${
      sanction
        ? html`<section aria-labelledby="lift-title">
            <h2 id="lift-title">${t('liftTitle')}</h2>
            <form method="post" action="${action('lift')}">
              ${hidden(request)} ${reason('lift')}
              <div class="actions"><button type="submit">${t('liftButton')}</button></div>
            </form>
          </section>`
        : ''
    }
    <section aria-labelledby="warn-title">
      <h2 id="warn-title">${t('warnTitle')}</h2>
      <form method="post" action="${action('warn')}">
        ${hidden(request)} ${reason('warn')}
        <div class="actions"><button type="submit">${t('warnButton')}</button></div>
      </form>
    </section>
    <section aria-labelledby="suspend-title">
      <h2 id="suspend-title">${t('suspendTitle')}</h2>
      <form method="post" action="${action('suspend')}">
        ${hidden(request)}
        <div class="field">
          <label for="suspend-days">${t('days')}</label>
          <select id="suspend-days" name="days">
            ${SUSPENSION_DAYS.map((d) => html`<option value="${d}" ${d === 7 ? html`selected` : ''}>${d}</option>`)}
          </select>
        </div>
        ${reason('suspend')}
        <div class="actions"><button type="submit">${t('suspendButton')}</button></div>
      </form>
    </section>
    <section aria-labelledby="ban-title">
      <h2 id="ban-title">${t('banTitle')}</h2>
      <form method="post" action="${action('ban')}">
        ${hidden(request)} ${reason('ban')}
        <div class="actions"><button type="submit" class="secondary">${t('banButton')}</button></div>
      </form>
    </section>`;
}

/** The member's record: their warnings, and the decisions about them. */
function renderRecord(request: FastifyRequest, t: T, warnings: Warning[], history: Html): Html {
  return html`<section aria-labelledby="warnings-title">
      <h2 id="warnings-title">${t('warningsTitle')}</h2>
      ${
        warnings.length === 0
          ? html`<p>${t('noWarnings')}</p>`
          : html`<ul class="list">
              ${warnings.map((w) => html`<li><time datetime="${w.at}">${when(request, w.at)}</time>: ${w.reason} (${w.readAt ? t('warningRead') : t('warningUnread')})</li>`)}
            </ul>`
      }
    </section>
    <section aria-labelledby="history-title">
      <h2 id="history-title">${t('historyTitle')}</h2>
      ${history}
      <p><a href="/moderation/log">${t('toLog')}</a></p>
    </section>`;
}

/** Warning, suspending, banning and lifting, each from its form on the member's page. */
/** The command refuses a reason in English; the moderator reads what to fix in their own language. */
function inLanguage(request: FastifyRequest, errors: FieldProblem[]): FieldProblem[] {
  const t = tr(request);
  return errors.map((e) =>
    e.field === 'reason' ? { ...e, message: t('reasonMissing', { min: REASON_MIN, max: REASON_MAX }) } : e,
  );
}

function sanctionActions(http: Http, deps: ModerationPageDeps): void {
  const run = deps.commands;
  const act = (
    name: 'warn' | 'suspend' | 'ban' | 'lift',
    done: string,
    work: (moderatorId: string, memberId: string, body: FormBody) => Promise<unknown>,
  ) =>
    http.post(
      `/moderation/members/:memberId/${name}`,
      { config: moderatorPage, schema: { params: MemberParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        try {
          await work(request.viewer!.memberId, request.params.memberId, request.body);
        } catch (error) {
          if (error instanceof Problem && error.status === 400) {
            return memberPage(
              deps,
              request,
              reply,
              request.params.memberId,
              { errors: inLanguage(request, error.errors ?? []), form: name },
              400,
            );
          }
          throw error;
        }
        const page = `/moderation/members/${encodeURIComponent(request.params.memberId)}#${STANDING}`;
        return reply.redirect(backAfter({}, page, 'moderation', done), 303);
      },
    );
  act('warn', 'warned', (by, id, body) => run.warn(by, id, form.text(body, 'reason')));
  act('suspend', 'suspended', (by, id, body) => {
    const days = Number(form.text(body, 'days'));
    return run.suspend(by, id, form.text(body, 'reason'), Number.isInteger(days) ? days : -1);
  });
  act('ban', 'banned', (by, id, body) => run.suspend(by, id, form.text(body, 'reason'), null));
  act('lift', 'lifted', (by, id, body) => run.lift(by, id, form.text(body, 'reason')));
}

/** Every moderator decision, newest first, fifty a page. */
function decisionLogPage(http: Http, { db, profiles, names }: ModerationPageDeps): void {
  http.get(
    '/moderation/log',
    {
      config: moderatorPage,
      schema: { querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      await inOwnZone(profiles, request);
      const limit = 50;
      const entries = await logPage(db, { limit, before: decodeCursor(request.query.cursor) });
      const last = entries.at(-1);
      return sendPage(request, reply, {
        title: t('logTitle'),
        body: html`${moderatorNav(request)}
          <h1>${t('logTitle')}</h1>
          ${await logList(request, t, entries, names)}
          ${pager(request, { next: entries.length === limit && last ? encodeCursor(last) : null, more: t('older') })}`,
      });
    },
  );
}
