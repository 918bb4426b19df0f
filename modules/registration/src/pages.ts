import type { FastifyReply, FastifyRequest } from 'fastify';
import { ageIn, Problem, type FieldProblem, type Http } from '@meetcute/core';
import type { CityDirectory } from '@meetcute/cities';
import {
  FORM_BODY_SCHEMA,
  field,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  MEMBER_HOME,
  placeLabel,
  sendPage,
  translator,
  type FormBody,
  type Html,
  type Language,
  type Translate,
} from '@meetcute/web';
import { GENDERS, type Application } from './events.ts';
import { messages } from './messages.ts';
import { signedIn } from './decoy.ts';
import { inLanguage, type ApplicationInput } from './rules.ts';
import { findRegistration } from './store.ts';
import type { RegistrationDeps } from './routes.ts';

export type Key = keyof (typeof messages)['en'];
export const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

export interface FormState {
  values: FormBody;
  errors?: FieldProblem[] | undefined;
}

/** Reads the sign-up form; the city is typed text, resolved to one real place here. */
function readApplication(
  body: FormBody,
  cities: CityDirectory,
  t: Translate<Key>,
  language: Language,
): { input: ApplicationInput; cityErrors: FieldProblem[] } {
  const { cityId, cityErrors } = readCity(body, cities, t, language);
  return {
    input: {
      nickname: form.text(body, 'nickname'),
      gender: form.text(body, 'gender'),
      birthday: form.text(body, 'birthday'),
      cityId,
      lookingFor: readLookingFor(body),
      aboutMe: form.text(body, 'aboutMe'),
    },
    cityErrors,
  };
}

/** The typed place, resolved to one real place; what was typed says why when it is not one. */
/** The typed place, in any language we speak; the choices an ambiguous one offers read in the member's. */
export function readCity(
  body: FormBody,
  cities: CityDirectory,
  t: Translate<Key>,
  language: Language,
): { cityId: number | null; cityErrors: FieldProblem[] } {
  const cityText = form.text(body, 'city');
  const matches = cities.resolve(cityText);
  const cityErrors: FieldProblem[] = [];
  if (cityText !== '' && matches.length === 0) cityErrors.push({ field: 'city', message: t('unknownCity') });
  if (matches.length > 1) {
    const choices = matches
      .slice(0, 6)
      .map((c) => placeLabel(language, c.label))
      .join('; ');
    cityErrors.push({ field: 'city', message: t('ambiguousCity', { choices }) });
  }
  return { cityId: matches.length === 1 ? matches[0]!.id : null, cityErrors };
}

export function readLookingFor(body: FormBody): ApplicationInput['lookingFor'] {
  return {
    genders: form.list(body, 'lookingFor.genders'),
    minAge: form.int(body, 'lookingFor.minAge'),
    maxAge: form.int(body, 'lookingFor.maxAge'),
    maxDistanceKm: form.int(body, 'lookingFor.maxDistanceKm'),
  };
}

/** The form filled from an application, its place labelled in the member's language. */
export function valuesOf(application: Application, language: Language): FormBody {
  return {
    nickname: application.nickname,
    gender: application.gender,
    birthday: application.birthday,
    city: placeLabel(language, application.city.label),
    'lookingFor.genders': application.lookingFor.genders,
    'lookingFor.minAge': String(application.lookingFor.minAge),
    'lookingFor.maxAge': String(application.lookingFor.maxAge),
    'lookingFor.maxDistanceKm': String(application.lookingFor.maxDistanceKm),
    aboutMe: application.aboutMe,
  };
}

function applicationFields(t: Translate<Key>, state: FormState): Html {
  const v = (name: string) => form.text(state.values, name);
  const errors = state.errors;
  const errorFor = (name: string) => errors?.find((e) => e.field === name);
  return html` ${field({ name: 'nickname', label: t('nickname'), hint: t('nicknameHint'), value: v('nickname'), required: true, autocomplete: 'nickname', errors })}
    <fieldset id="f-gender" ${errorFor('gender') ? html`aria-invalid="true"` : ''}>
      <legend>${t('gender')}</legend>
      ${GENDERS.map((g) => html`<label><input type="radio" name="gender" value="${g}" ${v('gender') === g ? html`checked` : ''} required /> ${t(g)}</label>`)}
      ${errorFor('gender') ? html`<p class="error">${errorFor('gender')!.message}</p>` : ''}
    </fieldset>
    ${field({ name: 'birthday', label: t('birthday'), type: 'date', value: v('birthday'), required: true, autocomplete: 'bday', errors })}
    ${cityAndLookingForFields(t, state)}
    ${field({ name: 'aboutMe', label: t('aboutMe'), hint: t('aboutMeHint'), value: v('aboutMe'), multiline: true, errors, attrs: html`maxlength="2000"` })}`;
}

/** Where I live and whom I look for: at sign-up, and whenever an approved member changes them. */
export function cityAndLookingForFields(t: Translate<Key>, state: FormState): Html {
  const v = (name: string) => form.text(state.values, name);
  const errors = state.errors;
  const chosen = form.list(state.values, 'lookingFor.genders');
  const errorFor = (name: string) => errors?.find((e) => e.field === name);
  return html`${field({ name: 'city', label: t('city'), hint: t('cityHint'), value: v('city'), required: true, errors, attrs: html`list="city-list" data-cities autocomplete="off"` })}
    <datalist id="city-list"></datalist>
    <fieldset id="f-lookingFor.genders">
      <legend>${t('lookingFor')}</legend>
      ${GENDERS.map((g) => html`<label><input type="checkbox" name="lookingFor.genders" value="${g}" ${chosen.includes(g) ? html`checked` : ''} /> ${t(g)}</label>`)}
      ${errorFor('lookingFor.genders') ? html`<p class="error">${errorFor('lookingFor.genders')!.message}</p>` : ''}
      <div class="row">
        ${field({ name: 'lookingFor.minAge', label: t('minAge'), type: 'number', value: v('lookingFor.minAge') || '25', required: true, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
        ${field({ name: 'lookingFor.maxAge', label: t('maxAge'), type: 'number', value: v('lookingFor.maxAge') || '45', required: true, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
      </div>
      ${field({ name: 'lookingFor.maxDistanceKm', label: t('maxDistance'), type: 'number', value: v('lookingFor.maxDistanceKm') || '100', required: true, errors, attrs: html`min="1" max="5000" inputmode="numeric"` })}
    </fieldset>`;
}

function signupPage(request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
  const t = tr(request);
  return sendPage(
    request,
    reply,
    {
      title: t('signupTitle'),
      body: html`<h1>${t('signupTitle')}</h1>
        <p>${t('signupIntro')}</p>
        ${formErrors(state.errors, t('fixErrors'))}
        <form method="post" action="/signup" novalidate>
          ${hidden(request)}
          ${field({ name: 'email', label: t('email'), type: 'email', value: form.text(state.values, 'email'), required: true, autocomplete: 'email', errors: state.errors })}
          ${field({ name: 'password', label: t('password'), type: 'password', hint: t('passwordHint'), required: true, autocomplete: 'new-password', errors: state.errors })}
          ${applicationFields(t, state)}
          <button type="submit">${t('submit')}</button>
        </form>
        <p><a href="/login">${t('haveAccount')}</a></p>`,
    },
    status,
  );
}

/** A sign-up in one line: gender, age, city and whom they look for. */
export function describe(request: FastifyRequest, t: Translate<Key>, a: Application, now: Date): Html {
  return html`<p class="facts">
    ${t(a.gender)}, ${t('age', { age: ageIn(a.city.timeZone, a.birthday, now) })},
    ${t('lives', { city: placeLabel(languageOf(request), a.city.label) })};
    ${t('looksFor', { genders: a.lookingFor.genders.map((g) => t(g)).join(', '), min: a.lookingFor.minAge, max: a.lookingFor.maxAge, km: a.lookingFor.maxDistanceKm })}
  </p>`;
}

/** The rules only know "no place chosen"; what the member typed tells us more (unknown or ambiguous). */
export function withCityErrors(errors: FieldProblem[], cityErrors: FieldProblem[]): FieldProblem[] {
  if (cityErrors.length === 0) return errors;
  return [...errors.filter((e) => e.field !== 'city'), ...cityErrors];
}

/** Problems with field errors re-render the form; anything else goes to the error page. */
export function fieldErrors(error: unknown): FieldProblem[] | null {
  return error instanceof Problem && error.errors && error.errors.length > 0 ? error.errors : null;
}

/** What the registration pages work with: the routes' dependencies, the places and the time. */
export interface RegistrationPageDeps extends RegistrationDeps {
  cities: CityDirectory;
  now: () => Date;
}

export function registrationPages(http: Http, deps: RegistrationPageDeps): void {
  signUpPages(http, deps);
  mySignUpPages(http, deps);
}

/** The sign-up form, and signing up from it. */
function signUpPages(http: Http, { commands, cities, sessions }: RegistrationPageDeps): void {
  const page = { access: 'public', kind: 'page' } as const;

  http.get('/signup', { config: page, schema: { hide: true } }, async (request, reply) => {
    if (request.viewer) return reply.redirect('/registration', 303);
    return signupPage(request, reply, { values: {} });
  });

  http.post(
    '/signup',
    { config: page, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const body = request.body;
      const { input, cityErrors } = readApplication(body, cities, tr(request), languageOf(request));
      try {
        const { memberId, created } = await commands.signUp(
          {
            ...input,
            email: form.text(body, 'email'),
            password: form.text(body, 'password'),
          },
          languageOf(request),
          request.ip,
        );
        sessions.setCookie(reply, await signedIn(sessions, memberId, created, request.headers['user-agent']));
        return reply.redirect('/registration?welcome=1', 303);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        return signupPage(
          request,
          reply,
          { values: body, errors: inLanguage(withCityErrors(errors, cityErrors), languageOf(request)) },
          (error as Problem).status,
        );
      }
    },
  );
}

/** Where my sign-up stands, and the form to fix and resubmit it once it was sent back. */
function mySignUpPages(http: Http, deps: RegistrationPageDeps): void {
  http.get(
    '/registration',
    { config: { access: 'member', kind: 'page' }, schema: { hide: true } },
    (request, reply) => statusPage(deps, request, reply),
  );

  http.post(
    '/registration',
    { config: { access: 'member', kind: 'page' }, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const { input, cityErrors } = readApplication(
        request.body,
        deps.cities,
        tr(request),
        languageOf(request),
      );
      try {
        // Changed while it waits, or fixed after it was sent back: the notice says which.
        const { changed } = await deps.commands.resubmit(request.viewer!.memberId, input);
        return reply.redirect(`/registration?${changed ? 'changed' : 'resubmitted'}=1`, 303);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        return statusPage(
          deps,
          request,
          reply,
          {
            values: request.body,
            errors: inLanguage(withCityErrors(errors, cityErrors), languageOf(request)),
          },
          (error as Problem).status,
        );
      }
    },
  );
}

async function statusPage(
  { db, now }: RegistrationPageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: FormState,
  status = 200,
) {
  const t = tr(request);
  const registration = await findRegistration(db, request.viewer!.memberId);
  const notice = noticeOf(t, request.query as Record<string, string | undefined>);
  if (!registration?.application) {
    // The sign-up is committed but this read raced the projection; a reload shows it.
    return sendPage(request, reply, {
      title: t('waitingTitle'),
      notice,
      body: html`<h1>${t('waitingTitle')}</h1>`,
    });
  }
  const a = registration.application;
  if (registration.status === 'approved') {
    return sendPage(request, reply, {
      title: t('approvedTitle'),
      notice,
      body: html`<div data-live="registration">
        <h1>${t('approvedTitle')}</h1>
        <p>${t('approvedText')}</p>
        <p><a class="button" href="${MEMBER_HOME}">${t('meetPeople')}</a></p>
        <p><a href="/profile">${t('seeProfile')}</a></p>
      </div>`,
    });
  }
  if (registration.status === 'rejected') {
    const body = renderSentBack(
      request,
      t,
      registration.reason,
      state ?? { values: valuesOf(a, languageOf(request)) },
    );
    return sendPage(request, reply, { title: t('rejectedTitle'), notice, body }, status);
  }
  const changing = state ?? { values: valuesOf(a, languageOf(request)) };
  return sendPage(
    request,
    reply,
    {
      title: t('waitingTitle'),
      notice,
      // The review reaches this page live (a `registration` notification; site.js), which then
      // shows what /registration now says in place of this part: no reload, no checking back.
      body: html`<div data-live="registration">
        <h1>${t('waitingTitle')}</h1>
        <p>${t('waitingText', { nickname: a.nickname })}</p>
        <div class="card">
          <h2>${a.nickname}</h2>
          ${describe(request, t, a, now())}
          <p>${a.aboutMe}</p>
        </div>
        <p>${t('meanwhile')}</p>
        <p><a class="button" href="/photos">${t('addPhotos')}</a></p>
        <details ${state ? html`open` : ''}>
          <summary>${t('changeTitle')}</summary>
          ${formErrors(changing.errors, t('fixErrors'))}
          <form method="post" action="/registration" novalidate>
            ${hidden(request)} ${applicationFields(t, changing)}
            <button type="submit">${t('sendChanged')}</button>
          </form>
        </details>
      </div>`,
    },
    status,
  );
}

/** What the page says above it: after signing up, sending again or changing, or why another page sent the member here. */
function noticeOf(t: Translate<Key>, query: Record<string, string | undefined>): string | undefined {
  if (query.welcome) return t('signedUpNotice');
  if (query.resubmitted) return t('resubmittedNotice');
  if (query.changed) return t('changedNotice');
  return query.closed ? t('closedNotice') : undefined;
}

/** A sign-up sent back: the moderator's reason and the form to fix it. */
function renderSentBack(
  request: FastifyRequest,
  t: Translate<Key>,
  reason: string | null,
  state: FormState,
): Html {
  // data-live: what a waiting page left open takes in when the moderator sends it back.
  return html`<div data-live="registration">
    <h1>${t('rejectedTitle')}</h1>
    <p>${t('rejectedText')}</p>
    <blockquote class="warning" id="reason">${reason}</blockquote>
    ${formErrors(state.errors, t('fixErrors'))}
    <form method="post" action="/registration" novalidate>
      ${hidden(request)} ${applicationFields(t, state)}
      <button type="submit">${t('resubmit')}</button>
    </form>
  </div>`;
}
