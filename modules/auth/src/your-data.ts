// Your data (GDPR articles 15, 17 and 20): a member downloads everything the site keeps
// about them, as a ZIP of one JSON file per module plus their original photos, or deletes
// their account after entering their password again.
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ZipFile } from 'yazl';
import { ProblemSchema, problems, type FieldProblem, type Http, type ServiceRegistry } from '@meetcute/core';
import {
  field,
  FORM_BODY_SCHEMA,
  formatMoment,
  formErrors,
  hidden,
  html,
  languageOf,
  sendPage,
  translator,
  type Messages,
  type Translate,
} from '@meetcute/web';
import type { Accounts } from './accounts.ts';
import type { SessionStore } from './sessions.ts';
import { PERSONAL_DATA, type PersonalData } from './events.ts';
import { formText } from './pages.ts';
import { tooManyAttempts, viewerOf } from './routes.ts';
import { lockedMessage, messages as authMessages } from './messages.ts';

type Key =
  | 'dataTitle'
  | 'dataText'
  | 'dataButton'
  | 'deleteTitle'
  | 'deleteText'
  | 'deleteLink'
  | 'deleteWarning'
  | 'deleteButton'
  | 'password'
  | 'passwordMissing'
  | 'passwordWrong'
  | 'fixTitle'
  | 'readme';

const messages: Messages<Key> = {
  en: {
    dataTitle: 'Your data',
    dataText:
      'Download everything this site keeps about you: your profile, photos (as you uploaded them), diary, interests, favourites, visits, flirts, messages, alerts and account, as JSON files in a ZIP archive.',
    dataButton: 'Download my data',
    deleteTitle: 'Delete your account',
    deleteText:
      'Deleting your account removes your profile, photos, diary, interests, favourites, visits, flirts and alerts for good. The members you wrote to keep the conversation, signed “Deleted member”.',
    deleteLink: 'Delete my account…',
    deleteWarning: 'This cannot be undone. You may want to download your data first.',
    deleteButton: 'Delete my account for good',
    password: 'Your password',
    passwordMissing: 'Enter your password to delete your account',
    passwordWrong: 'This is not your password',
    fixTitle: 'Please fix this',
    readme:
      'Everything this site kept about you on {date}: one JSON file per part of the site, and your original photos in photos/.',
  },
  sv: {
    dataTitle: 'Dina uppgifter',
    dataText:
      'Ladda ner allt den här webbplatsen sparar om dig: profil, bilder (som du laddade upp dem), dagbok, intressen, favoriter, besök, flörtar, meddelanden, notiser och konto, som JSON-filer i ett ZIP-arkiv.',
    dataButton: 'Ladda ner mina uppgifter',
    deleteTitle: 'Radera ditt konto',
    deleteText:
      'När du raderar ditt konto försvinner din profil, dina bilder, din dagbok, dina intressen, favoriter, besök, flörtar och notiser för gott. De du har skrivit till behåller samtalet, undertecknat ”Raderad medlem”.',
    deleteLink: 'Radera mitt konto…',
    deleteWarning: 'Det går inte att ångra. Ladda gärna ner dina uppgifter först.',
    deleteButton: 'Radera mitt konto för gott',
    password: 'Ditt lösenord',
    passwordMissing: 'Skriv ditt lösenord för att radera kontot',
    passwordWrong: 'Det här är inte ditt lösenord',
    fixTitle: 'Rätta det här',
    readme:
      'Allt den här webbplatsen sparade om dig den {date}: en JSON-fil per del av webbplatsen, och dina bilder i original i photos/.',
  },
  fi: {
    dataTitle: 'Tietosi',
    dataText:
      'Lataa kaikki, mitä sivusto säilyttää sinusta: profiili, kuvat (sellaisina kuin latasit ne), päiväkirja, kiinnostukset, suosikit, käynnit, flirtit, viestit, ilmoitukset ja tili JSON-tiedostoina ZIP-arkistossa.',
    dataButton: 'Lataa tietoni',
    deleteTitle: 'Poista tilisi',
    deleteText:
      'Kun poistat tilisi, profiilisi, kuvasi, päiväkirjasi, kiinnostuksesi, suosikkisi, käyntisi, flirttisi ja ilmoituksesi poistuvat lopullisesti. Ne, joille kirjoitit, säilyttävät keskustelun nimellä ”Poistettu jäsen”.',
    deleteLink: 'Poista tilini…',
    deleteWarning: 'Tätä ei voi perua. Lataa tietosi ensin, jos haluat.',
    deleteButton: 'Poista tilini lopullisesti',
    password: 'Salasanasi',
    passwordMissing: 'Kirjoita salasanasi poistaaksesi tilin',
    passwordWrong: 'Tämä ei ole salasanasi',
    fixTitle: 'Korjaa tämä',
    readme:
      'Kaikki, mitä sivusto säilytti sinusta {date}: yksi JSON-tiedosto kutakin sivuston osaa kohden ja alkuperäiset kuvasi kansiossa photos/.',
  },
};

function t(request: FastifyRequest): Translate<Key> {
  return translator(messages, languageOf(request));
}

/** The two sections the account page ends with: the download, and the way to delete. */
export function yourDataSections(request: FastifyRequest): ReturnType<typeof html> {
  const tr = t(request);
  return html`<section aria-labelledby="data-title">
      <h2 id="data-title">${tr('dataTitle')}</h2>
      <p>${tr('dataText')}</p>
      <p><a class="button secondary" href="/account/data.zip" download>${tr('dataButton')}</a></p>
    </section>
    <section aria-labelledby="delete-title">
      <h2 id="delete-title">${tr('deleteTitle')}</h2>
      <p><a href="/account/delete">${tr('deleteLink')}</a></p>
    </section>`;
}

/**
 * Streams the member's archive: README.txt, `<part>.json` per module that keeps something,
 * and the files they list. A file gone since it was listed (a photo deleted meanwhile) is
 * left out rather than failing the whole download.
 */
async function sendArchive(
  request: FastifyRequest,
  reply: FastifyReply,
  services: ServiceRegistry,
  now: Date,
): Promise<FastifyReply> {
  const { memberId } = viewerOf(request);
  const zip = new ZipFile();
  // The README is read by the member, in their words (auth knows no time zone: UTC's day).
  const date = formatMoment(languageOf(request), 'UTC', now.toISOString(), 'date');
  zip.addBuffer(Buffer.from(`${t(request)('readme', { date })}\n`), 'README.txt', { mtime: now });
  for (const part of services.contributions<PersonalData>(PERSONAL_DATA)) {
    const data = await part.export(memberId);
    if (data !== null && data !== undefined) {
      zip.addBuffer(Buffer.from(`${JSON.stringify(data, null, 2)}\n`), `${part.name}.json`, { mtime: now });
    }
    for (const file of (await part.files?.(memberId)) ?? []) {
      const found = await stat(file.file).catch(() => null);
      if (found?.isFile()) zip.addFile(file.file, file.path, { mtime: found.mtime });
    }
  }
  zip.end();
  return (
    reply
      .header('content-type', 'application/zip')
      // The file name keeps the ISO date: it sorts, and has no spaces for a shell to trip on.
      .header('content-disposition', `attachment; filename="your-data-${now.toISOString().slice(0, 10)}.zip"`)
      .send(zip.outputStream)
  );
}

interface DeleteForm {
  errors?: FieldProblem[];
}

function deletePage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: DeleteForm,
  status = 200,
): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('deleteTitle'),
      body: html`<h1>${tr('deleteTitle')}</h1>
        <p>${tr('deleteText')}</p>
        <p>
          <strong>${tr('deleteWarning')}</strong> <a href="/account/data.zip" download>${tr('dataButton')}</a>
        </p>
        ${formErrors(form.errors, tr('fixTitle'))}
        <form method="post" action="/account/delete" novalidate>
          ${hidden(request)}
          ${field({ name: 'password', label: tr('password'), type: 'password', required: true, autocomplete: 'current-password', errors: form.errors })}
          <div class="actions"><button type="submit" class="danger">${tr('deleteButton')}</button></div>
        </form>`,
    },
    status,
  );
}

/** What the download and the deletion work with. */
export interface YourDataDeps {
  accounts: Accounts;
  sessions: SessionStore;
  services: ServiceRegistry;
  now: () => Date;
}

export function yourDataRoutes(http: Http, deps: YourDataDeps): void {
  downloadRoutes(http, deps);
  deletionRoutes(http, deps);
}

/** The member's archive, for apps and for the account page's link. */
function downloadRoutes(http: Http, { services, now }: YourDataDeps): void {
  http.get(
    '/api/v1/account/data',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Download my data',
        description:
          'A ZIP archive of everything the site keeps about the member: README.txt, one JSON file per part of the site, and their original photos under photos/.',
        tags: ['auth'],
        produces: ['application/zip'],
        response: { 200: Type.Unknown({ description: 'application/zip' }) },
      },
    },
    (request, reply) => sendArchive(request, reply, services, now()),
  );
  http.get('/account/data.zip', { config: { access: 'member', kind: 'page' } }, (request, reply) =>
    sendArchive(request, reply, services, now()),
  );
}

/** Deleting the account, once the member has entered their password again: by the API and by the page. */
function deletionRoutes(http: Http, { accounts, sessions }: YourDataDeps): void {
  http.delete(
    '/api/v1/account',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Delete my account',
        description:
          'Needs the password. Ends every session and publishes MemberDeleted: every module forgets the member, and the event log erases every event that names them. Wrong passwords count as failed log-ins.',
        tags: ['auth'],
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 204: Type.Null(), 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.deleteAccount(viewerOf(request).memberId, request.body.password);
      if (!outcome.ok && outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        throw tooManyAttempts(outcome.retryAfter);
      }
      if (!outcome.ok) {
        throw problems.invalid([{ field: 'password', message: messages.en.passwordWrong }]);
      }
      sessions.clearCookie(reply);
      return reply.code(204).send(null);
    },
  );

  http.get('/account/delete', { config: { access: 'member', kind: 'page' } }, (request, reply) =>
    deletePage(request, reply, {}),
  );
  http.post(
    '/account/delete',
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const password = formText(request, 'password');
      if (password === '') {
        return deletePage(
          request,
          reply,
          { errors: [{ field: 'password', message: tr('passwordMissing') }] },
          400,
        );
      }
      const outcome = await accounts.deleteAccount(viewerOf(request).memberId, password);
      if (outcome.ok) {
        sessions.clearCookie(reply);
        return reply.redirect('/login?done=deleted', 303);
      }
      if (outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        const message = lockedMessage(translator(authMessages, languageOf(request)), outcome.retryAfter);
        return deletePage(request, reply, { errors: [{ field: 'password', message }] }, 429);
      }
      return deletePage(
        request,
        reply,
        { errors: [{ field: 'password', message: tr('passwordWrong') }] },
        400,
      );
    },
  );
}
