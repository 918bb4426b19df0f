import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems, type Http, type ModuleContext } from '@meetcute/core';
import {
  formatMoment,
  html,
  moderatorNav,
  languageOf,
  sendPage,
  translator,
  type Html,
  type Messages,
} from '@meetcute/web';
import { mailById, pendingCount, recentMails, type MailTables } from './store.ts';
import { keptMail } from './transport.ts';
import { summary } from './routes.ts';

type Key =
  | 'title'
  | 'smtp'
  | 'directory'
  | 'pending'
  | 'none'
  | 'to'
  | 'subject'
  | 'status'
  | 'when'
  | 'pendingStatus'
  | 'sentStatus'
  | 'failedStatus'
  | 'attempts'
  | 'attempts_one'
  | 'back'
  | 'notKept';

const messages: Messages<Key> = {
  en: {
    title: 'Outbox',
    smtp: 'Mail is sent through the SMTP server set in MEETCUTE_SMTP_URL. Texts are not shown: they may hold working links.',
    directory:
      'No mail server is set (MEETCUTE_SMTP_URL), so mail is kept on this box, in {directory}, and shown here. Set one before members rely on mail.',
    pending: 'Waiting to be sent: {n}',
    none: 'No mail yet.',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    when: 'Queued',
    pendingStatus: 'waiting',
    sentStatus: 'sent',
    failedStatus: 'given up',
    attempts: '{n} attempts',
    attempts_one: '{n} attempt',
    back: 'Back to the outbox',
    notKept: 'This mail is not kept on this box (it was sent over SMTP, or not sent yet).',
  },
  sv: {
    title: 'Utkorg',
    smtp: 'E-post skickas via SMTP-servern i MEETCUTE_SMTP_URL. Texterna visas inte: de kan innehålla fungerande länkar.',
    directory:
      'Ingen e-postserver är inställd (MEETCUTE_SMTP_URL), så e-post sparas på den här maskinen, i {directory}, och visas här.',
    pending: 'Väntar på att skickas: {n}',
    none: 'Ingen e-post än.',
    to: 'Till',
    subject: 'Ämne',
    status: 'Status',
    when: 'Köad',
    pendingStatus: 'väntar',
    sentStatus: 'skickad',
    failedStatus: 'uppgiven',
    attempts: '{n} försök',
    back: 'Tillbaka till utkorgen',
    notKept: 'Det här mejlet sparas inte här (det skickades via SMTP, eller är inte skickat än).',
  },
  fi: {
    title: 'Lähtevät',
    smtp: 'Sähköposti lähetetään MEETCUTE_SMTP_URL-palvelimen kautta. Tekstejä ei näytetä: niissä voi olla toimivia linkkejä.',
    directory:
      'Sähköpostipalvelinta ei ole asetettu (MEETCUTE_SMTP_URL), joten posti säilytetään tällä koneella, hakemistossa {directory}, ja näytetään tässä.',
    pending: 'Odottaa lähetystä: {n}',
    none: 'Ei vielä postia.',
    to: 'Vastaanottaja',
    subject: 'Aihe',
    status: 'Tila',
    when: 'Jonossa',
    pendingStatus: 'odottaa',
    sentStatus: 'lähetetty',
    failedStatus: 'luovuttu',
    attempts: '{n} yritystä',
    attempts_one: '{n} yritys',
    back: 'Takaisin lähteviin',
    notKept: 'Tätä viestiä ei säilytetä täällä (se lähetettiin SMTP:n kautta tai ei ole vielä lähtenyt).',
  },
};

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

/** A mail's text with its web addresses made into links, so a moderator can follow them. */
function withLinks(text: string): Html {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`))}`;
}

/** The moderators' outbox: what went where, and on a box without a mail server, what it said. */
export function mailPages(http: Http, ctx: ModuleContext<MailTables>, transport: 'smtp' | 'directory'): void {
  const db = ctx.db;
  const directory = ctx.config.mail.directory;

  http.get('/mail', { config: { access: 'moderator', kind: 'page' } }, async (request, reply) => {
    const tr = t(request);
    const [mails, pending] = await Promise.all([recentMails(db, 50), pendingCount(db)]);
    const status = { pending: tr('pendingStatus'), sent: tr('sentStatus'), failed: tr('failedStatus') };
    return sendPage(request, reply, {
      title: tr('title'),
      body: html`${moderatorNav(request)}
        <h1>${tr('title')}</h1>
        <p>${transport === 'smtp' ? tr('smtp') : tr('directory', { directory })}</p>
        <p>${tr('pending', { n: pending })}</p>
        ${
          mails.length === 0
            ? html`<p>${tr('none')}</p>`
            : html`<ul class="list">
                ${mails.map((m) => {
                  const s = summary(ctx, m);
                  const subject =
                    transport === 'directory'
                      ? html`<a href="/mail/${encodeURIComponent(s.id)}">${s.subject}</a>`
                      : html`${s.subject}`;
                  return html`<li>
                    <strong>${subject}</strong><br />
                    ${tr('to')}: ${s.to} · ${tr('status')}: ${status[s.status]}
                    (${tr('attempts', { n: s.attempts })}) · ${tr('when')}:
                    <time datetime="${s.createdAt}"
                      >${formatMoment(languageOf(request), 'UTC', s.createdAt, 'date-time')} UTC</time
                    >
                    ${s.lastError ? html`<br /><small>${s.lastError}</small>` : ''}
                  </li>`;
                })}
              </ul>`
        }`,
    });
  });

  http.get(
    '/mail/:id',
    {
      config: { access: 'moderator', kind: 'page' },
      schema: { params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }) },
    },
    async (request, reply) => {
      const tr = t(request);
      const queued = await mailById(db, request.params.id);
      if (!queued) throw problems.notFound('This mail');
      // Only a mail that never left this box is shown: over SMTP its links belong to its reader.
      const kept = transport === 'directory' ? await keptMail(directory, queued.id) : undefined;
      return sendPage(request, reply, {
        title: summary(ctx, queued).subject,
        body: html`<h1>${summary(ctx, queued).subject}</h1>
          <p>${tr('to')}: ${queued.to_address}</p>
          ${kept ? html`<pre class="mail">${withLinks(kept.text)}</pre>` : html`<p>${tr('notKept')}</p>`}
          <p><a href="/mail">${tr('back')}</a></p>`,
      });
    },
  );
}
