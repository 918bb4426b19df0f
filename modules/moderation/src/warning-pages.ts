import type { Http, View } from '@meetcute/core';
import { Type } from 'typebox';
import { FORM_BODY_SCHEMA, form, hidden, html, localPath, sendPage } from '@meetcute/web';
import { warningsOf } from './store.ts';
import { inOwnZone, tr, when, type ModerationPageDeps } from './pages.ts';

/** Pages a member with an unread warning may still open: the warning itself, and the way out. */
const OPEN_WITH_WARNING = /^\/(warnings|logout|assets|language|appeal)(\/|\?|$)/;

/** What the warning pages work with: the moderators' pages' and each member's count of unread warnings. */
export interface WarningPageDeps extends Pick<ModerationPageDeps, 'db' | 'commands' | 'profiles'> {
  unread: View<number>;
}

/** A member's unread warnings stand in front of their pages until read. */
export function warningPages(http: Http, deps: WarningPageDeps): void {
  warningsFirst(http, deps);
  yourWarningsPage(http, deps);
}

/** Sends a member with an unread warning to it before any other page. */
function warningsFirst(http: Http, { unread }: WarningPageDeps): void {
  http.addHook('preHandler', async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer || request.method !== 'GET' || request.routeOptions.config.kind !== 'page') return;
    if (OPEN_WITH_WARNING.test(request.url)) return;
    if (((await unread.get(viewer.memberId)) ?? 0) === 0) return;
    return reply.redirect(`/warnings?back=${encodeURIComponent(request.url)}`, 303);
  });
}

/** The unread warnings, each read with a button, and then back where the member was going. */
function yourWarningsPage(http: Http, { db, commands, profiles }: WarningPageDeps): void {
  http.get(
    '/warnings',
    {
      config: { access: 'member', kind: 'page' },
      schema: { querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const back = localPath(request.query.back, '/');
      await inOwnZone(profiles, request);
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
      await commands.read(request.viewer!.memberId, request.params.warningId);
      const back = localPath(form.text(request.body, 'back'), '/');
      return reply.redirect(`/warnings?back=${encodeURIComponent(back)}`, 303);
    },
  );
}
