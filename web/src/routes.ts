import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProblemBody } from '@meetcute/core';
import { html } from './html.ts';
import { isLanguage, translator, type Messages } from './i18n.ts';
import { languageOf, page } from './layout.ts';

const messages: Messages<'welcome' | 'pitch' | 'join' | 'login' | 'back' | 'errorHelp'> = {
  en: {
    welcome: 'Meet someone near you',
    pitch: 'Meetcute is a friendly community: real people, reviewed by real moderators, chatting live.',
    join: 'Sign up, it is free',
    login: 'I already have an account',
    back: 'Back to the start page',
    errorHelp: 'What to do',
  },
  sv: {
    welcome: 'Träffa någon nära dig',
    pitch: 'Meetcute är en vänlig gemenskap: riktiga människor, granskade av riktiga moderatorer, som chattar live.',
    join: 'Bli medlem, det är gratis',
    login: 'Jag har redan ett konto',
    back: 'Tillbaka till startsidan',
    errorHelp: 'Vad du kan göra',
  },
  fi: {
    welcome: 'Tapaa joku läheltäsi',
    join: 'Liity, se on ilmaista',
    login: 'Minulla on jo tili',
    back: 'Takaisin etusivulle',
  },
};

/** The error page browsers get instead of problem+json: what went wrong and what to do. */
export function errorPage(request: FastifyRequest, problem: ProblemBody): string {
  const t = translator(messages, languageOf(request));
  return page(request, {
    title: problem.title,
    body: html`<h1>${problem.title}</h1>
      ${problem.detail ? html`<p>${problem.detail}</p>` : ''}
      ${problem.errors?.length
        ? html`<ul class="errors">${problem.errors.map((e) => html`<li>${e.field}: ${e.message}</li>`)}</ul>`
        : ''}
      <p><a href="/">${t('back')}</a></p>`,
  });
}

export async function languageRoutes(app: FastifyInstance): Promise<void> {
  await Promise.resolve();
  app.get(
    '/language',
    {
      config: { access: 'public', kind: 'page' },
      schema: {
        hide: true,
        querystring: {
          type: 'object',
          properties: { lang: { type: 'string', enum: ['en', 'sv', 'fi'] }, back: { type: 'string', maxLength: 500 } },
          required: ['lang'],
        },
      },
    },
    async (request, reply) => {
      const { lang, back } = request.query as { lang: string; back?: string };
      if (isLanguage(lang)) reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
      // Only local paths, so the switch can never bounce a member to another site.
      const target = back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
      return reply.redirect(target, 303);
    },
  );
}

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  await Promise.resolve();
  app.get('/', { config: { access: 'public', kind: 'page' }, schema: { hide: true } }, async (request, reply) => {
    if (request.viewer) return reply.redirect(request.viewer.status === 'approved' ? '/profile' : '/registration', 303);
    const t = translator(messages, languageOf(request));
    return reply.type('text/html; charset=utf-8').send(
      page(request, {
        title: t('welcome'),
        body: html`<section class="hero">
          <h1>${t('welcome')}</h1>
          <p>${t('pitch')}</p>
          <p><a class="button" href="/signup">${t('join')}</a></p>
          <p><a href="/login">${t('login')}</a></p>
        </section>`,
      }),
    );
  });
}

export type { FastifyRequest };
