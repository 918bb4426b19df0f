import type { FastifyRequest } from 'fastify';
import type { ProblemBody } from '@meetcute/core';
import { html } from './html.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf, page } from './layout.ts';

const messages: Messages<'back'> = {
  en: { back: 'Back to the start page' },
  sv: { back: 'Tillbaka till startsidan' },
  fi: { back: 'Takaisin etusivulle' },
};

/** The error page browsers get instead of problem+json: what went wrong and what to do. */
export function errorPage(request: FastifyRequest, problem: ProblemBody): string {
  const t = translator(messages, languageOf(request));
  return page(request, {
    title: problem.title,
    body: html`<h1>${problem.title}</h1>
      ${problem.detail ? html`<p>${problem.detail}</p>` : ''}
      ${
        problem.errors?.length
          ? html`<ul class="errors">
              ${problem.errors.map((e) => html`<li>${e.field}: ${e.message}</li>`)}
            </ul>`
          : ''
      }
      <p><a href="/">${t('back')}</a></p>`,
  });
}
