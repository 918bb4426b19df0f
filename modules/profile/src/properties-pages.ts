import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, ProblemSchema, type FieldProblem, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  field,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  sendPage,
  translator,
  type FormBody,
  type Html,
} from '@meetcute/web';
import { messages } from './messages.ts';
import {
  CHOICES,
  CHOICE_NAMES,
  HEIGHT_CM,
  PropertiesSchema,
  SPOKEN,
  describeProperties,
  languageName,
  propertyErrorsIn,
  propertyWords,
  type Properties,
  type PropertyWord,
} from './properties.ts';
import type { ProfileDeps } from './routes.ts';

/** What saving an edit of one's own profile did, said there (feedback.ts). */
export const SAVED = ['pending', 'unchanged', 'properties'] as const;
export type SavedOutcome = (typeof SAVED)[number];
/** Where one's own profile shows what one tells about oneself: where saving an edit comes back to. */
export const ABOUT = 'about';

/** Back on one's own profile after saving an edit, at what was changed, saying what happens now. */
export function savedAt(body: FormBody, outcome: SavedOutcome): string {
  return backAfter(body, `/profile#${ABOUT}`, 'profile', outcome);
}

const PAGE = '/profile/properties';

/** The properties a member tells, as a definition list; nothing when they tell none. */
export function propertiesList(request: FastifyRequest, p: Properties): Html {
  const told = describeProperties(p, languageOf(request));
  if (told.length === 0) return html``;
  return html`<dl class="properties">
    ${told.map(
      (f) =>
        html`<div>
          <dt>${f.label}</dt>
          <dd>${f.value}</dd>
        </div>`,
    )}
  </dl>`;
}

export function propertiesRoutes(http: Http, { commands, reads }: ProfileDeps): void {
  http.put(
    '/api/v1/profiles/me/properties',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary:
          'Tell my profile properties (height, what I look for, children, smoking, languages): all of them, null or absent for not telling; others see them at once',
        tags: ['profile'],
        body: Type.Object({
          heightCm: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          goal: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          children: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          smoking: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          languages: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: SPOKEN.length })),
        }),
        response: { 200: Type.Object({ properties: PropertiesSchema }), 400: ProblemSchema },
      },
    },
    async (request) => {
      const memberId = request.viewer!.memberId;
      await commands.setProperties(memberId, request.body);
      return { properties: (await reads.own(memberId)).properties };
    },
  );
}

export function propertiesPages(http: Http, deps: ProfileDeps): void {
  const approved = { access: 'approved', kind: 'page' } as const;
  http.get(PAGE, { config: approved, schema: { hide: true } }, (request, reply) =>
    propertiesPage(deps, request, reply),
  );
  http.post(
    PAGE,
    { config: approved, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const body = request.body;
      try {
        await deps.commands.setProperties(request.viewer!.memberId, {
          heightCm: form.text(body, 'heightCm'),
          goal: form.text(body, 'goal'),
          children: form.text(body, 'children'),
          smoking: form.text(body, 'smoking'),
          languages: form.list(body, 'languages'),
        });
        return reply.redirect(savedAt(body, 'properties'), 303);
      } catch (error) {
        const errors = error instanceof Problem && error.errors?.length ? error.errors : null;
        if (!errors) throw error;
        const shown = propertyErrorsIn(errors, languageOf(request));
        return propertiesPage(
          deps,
          request,
          reply,
          { values: body, errors: shown },
          (error as Problem).status,
        );
      }
    },
  );
}

/** What the member tells now, as the form shows it. */
function valuesOf(p: Properties): FormBody {
  return {
    heightCm: p.heightCm === undefined ? '' : String(p.heightCm),
    goal: p.goal ?? '',
    children: p.children ?? '',
    smoking: p.smoking ?? '',
    languages: p.languages ?? [],
  };
}

async function propertiesPage(
  { reads }: ProfileDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: { values: FormBody; errors: FieldProblem[] },
  status = 200,
): Promise<FastifyReply> {
  const language = languageOf(request);
  const t = translator(messages, language);
  const w = propertyWords(language);
  const me = await reads.own(request.viewer!.memberId);
  const values = state?.values ?? valuesOf(me.properties);
  const errorFor = (name: string) => state?.errors.find((e) => e.field === name);
  const chosen = form.list(values, 'languages');
  const choice = (name: (typeof CHOICE_NAMES)[number]) =>
    html`<fieldset id="f-${name}" ${errorFor(name) ? html`aria-invalid="true"` : ''}>
      <legend>${w(name)}</legend>
      <label
        ><input type="radio" name="${name}" value="" ${form.text(values, name) === '' ? html`checked` : ''} />
        ${t('notTelling')}</label
      >
      ${CHOICES[name].map((v) => html`<label><input type="radio" name="${name}" value="${v}" ${form.text(values, name) === v ? html`checked` : ''} /> ${w(`${name}.${v}` as PropertyWord)}</label>`)}
      ${errorFor(name) ? html`<p class="error">${errorFor(name)!.message}</p>` : ''}
    </fieldset>`;
  return sendPage(
    request,
    reply,
    {
      title: t('propertiesTitle'),
      body: html`<h1>${t('propertiesTitle')}</h1>
        <p>${t('propertiesIntro')}</p>
        ${formErrors(state?.errors, t('fixErrors'))}
        <form method="post" action="${PAGE}" novalidate>
          ${hidden(request)}
          ${field({ name: 'heightCm', label: w('heightCm'), hint: t('heightHint', HEIGHT_CM), type: 'number', value: form.text(values, 'heightCm'), errors: state?.errors, attrs: html`min="${HEIGHT_CM.min}" max="${HEIGHT_CM.max}" inputmode="numeric"` })}
          ${CHOICE_NAMES.map(choice)}
          <fieldset id="f-languages">
            <legend>${w('languages')}</legend>
            ${SPOKEN.map((code) => html`<label><input type="checkbox" name="languages" value="${code}" ${chosen.includes(code) ? html`checked` : ''} /> ${languageName(code, language)}</label>`)}
            ${errorFor('languages') ? html`<p class="error">${errorFor('languages')!.message}</p>` : ''}
          </fieldset>
          <div class="actions">
            <button type="submit">${t('save')}</button>
            <a href="/profile">${t('cancel')}</a>
          </div>
        </form>`,
    },
    status,
  );
}
