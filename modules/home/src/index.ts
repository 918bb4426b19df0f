import { Type } from 'typebox';
import { defineModule } from '@meetcute/core';
import { useCases } from './use-cases.ts';
import {
  html,
  isLanguage,
  languageOf,
  localPath,
  sendPage,
  translator,
  LOCAL_PATH,
  type Messages,
} from '@meetcute/web';

const messages: Messages<'welcome' | 'pitch' | 'join' | 'login'> = {
  en: {
    welcome: 'Meet someone near you',
    pitch: 'Meetcute is a friendly community: real people, reviewed by real moderators, chatting live.',
    join: 'Sign up, it is free',
    login: 'I already have an account',
  },
  sv: {
    welcome: 'Träffa någon nära dig',
    pitch:
      'Meetcute är en vänlig gemenskap: riktiga människor, granskade av riktiga moderatorer, som chattar live.',
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
    ctx.http.get(
      '/',
      { config: { access: 'public', kind: 'page' }, schema: { hide: true } },
      async (request, reply) => {
        if (request.viewer)
          return reply.redirect(request.viewer.status === 'approved' ? '/profile' : '/registration', 303);
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
      },
    );

    ctx.http.get(
      '/language',
      {
        config: { access: 'public', kind: 'page' },
        schema: {
          hide: true,
          querystring: Type.Object({
            lang: Type.Union([Type.Literal('en'), Type.Literal('sv'), Type.Literal('fi')]),
            // Only a path on this site; anything else is a 400 naming `back`, never a redirect.
            back: Type.Optional(Type.String({ maxLength: 500, pattern: LOCAL_PATH })),
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
