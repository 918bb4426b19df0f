import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor, Problem, problems, type FieldProblem, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  field,
  form,
  FORM_BODY_SCHEMA,
  formErrors,
  formatMoment,
  hidden,
  html,
  languageOf,
  localPath,
  sendPage,
  translator,
  type Html,
  type FormBody,
  type Translate,
} from '@meetcute/web';
import { MAX_DAYS, type Commands } from './commands.ts';
import { messages, type Key } from './messages.ts';
import { BY_SITE } from './events.ts';
import { appealOf, logPage, sanctionOf, warningsOf, type LogEntry, type ModerationDb } from './store.ts';

type T = Translate<Key>;
const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));
const SUSPENSION_DAYS = [1, 3, 7, 30, 90, MAX_DAYS];
const moderatorPage = { access: 'moderator', kind: 'page' } as const;
const MemberParams = Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 100 }) });

type Names = (ids: readonly string[]) => Promise<Map<string, string>>;

/** Times in the moderator's (or member's) own time zone, as the rest of the site shows them. */
const zones = new WeakMap<FastifyRequest, string>();
function when(request: FastifyRequest, iso: string): string {
  return formatMoment(languageOf(request), zones.get(request) ?? 'UTC', iso, 'date-time');
}

function standing(
  request: FastifyRequest,
  t: T,
  nickname: string,
  sanction: Awaited<ReturnType<typeof sanctionOf>>,
): string {
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

async function logList(request: FastifyRequest, t: T, entries: LogEntry[], names: Names): Promise<Html> {
  const ids = entries.flatMap((e) => (e.moderatorId ? [e.memberId, e.moderatorId] : [e.memberId]));
  const known = await names(ids);
  return html`<ul class="list">
    ${entries.map((e) => entryLine(request, t, e, known))}
  </ul>`;
}

/** Moderators' pages: a member's standing with the actions on it, and the log of every decision. */
export function moderationPages(
  http: Http,
  db: ModerationDb,
  run: Commands,
  profiles: ProfileDirectory,
  names: Names,
): void {
  const inOwnZone = async (request: FastifyRequest) => {
    const zone = request.viewer && (await profiles.get(request.viewer.memberId))?.city.timeZone;
    if (zone) zones.set(request, zone);
  };
  const memberPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    memberId: string,
    options: { errors?: FieldProblem[]; form?: string; notice?: string } = {},
    status = 200,
  ) => {
    const t = tr(request);
    await inOwnZone(request);
    // Any member who signed up, approved or not: a spammer may never have been approved.
    const nickname = (await names([memberId])).get(memberId);
    if (nickname === undefined) throw problems.notFound('This member');
    const profile = { nickname };
    const sanctionNow = await sanctionOf(db, memberId);
    const appeal = sanctionNow ? await appealOf(db, memberId, sanctionNow.at) : undefined;
    const [sanction, warnings, history] = await Promise.all([
      Promise.resolve(sanctionNow),
      warningsOf(db, memberId),
      logPage(db, { limit: 20, memberId }),
    ]);
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
    return sendPage(
      request,
      reply,
      {
        title: t('memberTitle', { nickname: profile.nickname }),
        notice: options.notice,
        body: html`<h1>${t('memberTitle', { nickname: profile.nickname })}</h1>
          <p>
            <a href="/members/${encodeURIComponent(memberId)}">${profile.nickname}</a> ·
            ${standing(request, t, profile.nickname, sanction)}
          </p>
          ${
            appeal
              ? html`<p>${t('appealOf', { date: when(request, appeal.at) })}</p>
                  <blockquote>${appeal.text}</blockquote>`
              : ''
          }
          ${formErrors(options.errors, t('fixTitle'))}
          ${
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
          </section>
          <section aria-labelledby="warnings-title">
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
            ${history.length === 0 ? html`<p>${t('logEmpty')}</p>` : await logList(request, t, history, names)}
            <p><a href="/moderation/log">${t('toLog')}</a></p>
          </section>`,
      },
      status,
    );
  };

  http.get(
    '/moderation/members/:memberId',
    {
      config: moderatorPage,
      schema: {
        params: MemberParams,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const t = tr(request);
      const done = request.query.done;
      const notice =
        done === 'warned' || done === 'suspended' || done === 'banned' || done === 'lifted'
          ? t(`done_${done}`)
          : undefined;
      return memberPage(request, reply, request.params.memberId, { notice });
    },
  );

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
              request,
              reply,
              request.params.memberId,
              { errors: error.errors ?? [], form: name },
              400,
            );
          }
          throw error;
        }
        return reply.redirect(
          `/moderation/members/${encodeURIComponent(request.params.memberId)}?done=${done}`,
          303,
        );
      },
    );
  act('warn', 'warned', (by, id, body) => run.warn(by, id, form.text(body, 'reason')));
  act('suspend', 'suspended', (by, id, body) => {
    const days = Number(form.text(body, 'days'));
    return run.suspend(by, id, form.text(body, 'reason'), Number.isInteger(days) ? days : -1);
  });
  act('ban', 'banned', (by, id, body) => run.suspend(by, id, form.text(body, 'reason'), null));
  act('lift', 'lifted', (by, id, body) => run.lift(by, id, form.text(body, 'reason')));

  http.get(
    '/moderation/log',
    {
      config: moderatorPage,
      schema: { querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      await inOwnZone(request);
      const limit = 50;
      const entries = await logPage(db, { limit, before: decodeCursor(request.query.cursor) });
      const last = entries.at(-1);
      return sendPage(request, reply, {
        title: t('logTitle'),
        body: html`<h1>${t('logTitle')}</h1>
          ${entries.length === 0 ? html`<p>${t('logEmpty')}</p>` : await logList(request, t, entries, names)}
          ${entries.length === limit && last ? html`<p><a href="/moderation/log?cursor=${encodeCursor(last)}" rel="next">${t('older')}</a></p>` : ''}`,
      });
    },
  );

  // A member's unread warnings stand in front of their pages until read.
  http.get(
    '/warnings',
    {
      config: { access: 'member', kind: 'page' },
      schema: { querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const back = localPath(request.query.back, '/');
      await inOwnZone(request);
      const unread = await warningsOf(db, request.viewer!.memberId, true);
      if (unread.length === 0) return reply.redirect(back, 303);
      return sendPage(request, reply, {
        title: t('yourWarningTitle'),
        body: html`<h1>${t('yourWarningTitle')}</h1>
          ${unread.map(
            (w) =>
              html`<article class="card">
                <p>${t('yourWarningText', { date: when(request, w.at) })}</p>
                <blockquote>${w.reason}</blockquote>
                <form method="post" action="/warnings/${encodeURIComponent(w.id)}/read">
                  ${hidden(request)}
                  <input type="hidden" name="back" value="${back}" />
                  <button type="submit">${t('readButton')}</button>
                </form>
              </article>`,
          )}`,
      });
    },
  );

  http.post(
    '/warnings/:warningId/read',
    {
      config: { access: 'member', kind: 'page' },
      schema: {
        params: Type.Object({ warningId: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: FORM_BODY_SCHEMA,
      },
    },
    async (request, reply) => {
      await run.read(request.viewer!.memberId, request.params.warningId);
      const back = localPath(form.text(request.body, 'back'), '/');
      return reply.redirect(`/warnings?back=${encodeURIComponent(back)}`, 303);
    },
  );
}
