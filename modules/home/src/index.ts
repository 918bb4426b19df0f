import { Type } from 'typebox';
import { defineModule, useCase } from '@meetcute/core';
import { approved, nancy, signedUp, bob } from '@meetcute/cast';
import { html, isLanguage, languageOf, localPath, sendPage, translator, type Messages } from '@meetcute/web';

const messages: Messages<'welcome' | 'pitch' | 'join' | 'login'> = {
  en: {
    welcome: 'Meet someone near you',
    pitch: 'Meetcute is a friendly community: real people, reviewed by real moderators, chatting live.',
    join: 'Sign up, it is free',
    login: 'I already have an account',
  },
  sv: {
    welcome: 'Träffa någon nära dig',
    pitch: 'Meetcute är en vänlig gemenskap: riktiga människor, granskade av riktiga moderatorer, som chattar live.',
    join: 'Bli medlem, det är gratis',
    login: 'Jag har redan ett konto',
  },
  fi: {
    welcome: 'Tapaa joku läheltäsi',
    pitch: 'Meetcute on ystävällinen yhteisö: oikeita ihmisiä, oikeiden moderaattorien tarkistamia.',
    join: 'Liity, se on ilmaista',
    login: 'Minulla on jo tili',
  },
};

const useCases = [
  useCase({
    title: 'A visitor is invited to sign up or log in',
    when: { method: 'GET', url: '/' },
    then: { status: 200, page: ['Meet someone near you', 'href="/signup"', 'href="/login"'] },
  }),
  useCase({
    title: 'An approved member goes straight to her profile',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/profile' },
  }),
  useCase({
    title: 'A member still in review goes to his review state',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/registration' },
  }),
  useCase({
    title: 'Choosing Swedish remembers it and goes back to the page',
    when: { method: 'GET', url: '/language?lang=sv&back=/signup' },
    then: { status: 303, location: '/signup' },
  }),
  useCase({
    title: 'The language switch never sends anyone to another site',
    when: { method: 'GET', url: '/language?lang=fi&back=//evil.example/' },
    then: { status: 303, location: '/' },
  }),
  useCase({
    title: 'An unknown language is a clear 400',
    when: { method: 'GET', url: '/language?lang=xx' },
    then: { status: 400, page: ['Some fields need fixing'] },
  }),
  useCase({
    title: 'The front page speaks Swedish to a Swedish browser',
    when: { method: 'GET', url: '/', headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } },
    then: { status: 200, page: ['Träffa någon nära dig', 'lang="sv"'] },
  }),
];

/** The front page and the language switch: where every visit starts. */
export const home = defineModule({
  name: 'home',
  description: 'The front page (members are sent on to where they belong) and the language switch.',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases,
  register(ctx) {
    ctx.http.get('/', { config: { access: 'public', kind: 'page' }, schema: { hide: true } }, async (request, reply) => {
      if (request.viewer) return reply.redirect(request.viewer.status === 'approved' ? '/profile' : '/registration', 303);
      const t = translator(messages, languageOf(request));
      return sendPage(request, reply, {
        title: t('welcome'),
        body: html`<section class="hero">
          <h1>${t('welcome')}</h1>
          <p>${t('pitch')}</p>
          <p><a class="button" href="/signup">${t('join')}</a></p>
          <p><a href="/login">${t('login')}</a></p>
        </section>`,
      });
    });

    ctx.http.get(
      '/language',
      {
        config: { access: 'public', kind: 'page' },
        schema: {
          hide: true,
          querystring: Type.Object({
            lang: Type.Union([Type.Literal('en'), Type.Literal('sv'), Type.Literal('fi')]),
            back: Type.Optional(Type.String({ maxLength: 500 })),
          }),
        },
      },
      async (request, reply) => {
        const { lang, back } = request.query;
        if (isLanguage(lang)) {
          reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 });
        }
        return reply.redirect(localPath(back, '/'), 303);
      },
    );
  },
});
