import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '@meetcute/core';
import {
  field,
  form,
  formErrors,
  hidden,
  html,
  isLanguage,
  languageOf,
  translator,
  type FormBody,
  type Html,
  type Translate,
} from '@meetcute/web';
import { opsMessages, type OpsKey } from './ops-messages.ts';
import type { TermsBody } from './routes.ts';

const GENDERS = ['woman', 'man', 'nonbinary'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type T = Translate<OpsKey>;
/** The console's ads texts in the operator's language. */
export const tr = (request: FastifyRequest): T => translator(opsMessages, languageOf(request));

/** A whole number from the form, or the problem naming its field. */
function wholeNumber(body: FormBody, name: string, min: number, problems: FieldProblem[], t: T): number {
  const n = form.int(body, name);
  if (!Number.isInteger(n) || n < min) problems.push({ field: name, message: t('wholeNumber', { min }) });
  return n;
}

function optionalAge(body: FormBody, name: string, problems: FieldProblem[], t: T): number | null {
  if (form.text(body, name) === '') return null;
  const n = form.int(body, name);
  if (!Number.isInteger(n) || n < 18 || n > 120) problems.push({ field: name, message: t('ageBad') });
  return n;
}

/** A day from the form as the moment it starts (UTC); `after` days later for an end that includes the day. */
function dayStart(body: FormBody, name: string, after: number, problems: FieldProblem[], t: T): string {
  const text = form.text(body, name);
  const at = new Date(`${text}T00:00:00.000Z`);
  if (!DAY.test(text) || Number.isNaN(at.getTime())) {
    problems.push({ field: name, message: t('dayBad') });
    return '';
  }
  return new Date(at.getTime() + after * 86_400_000).toISOString();
}

/**
 * The creative's image as the form carries it (a hidden field: the page put it there,
 * but it comes back as any input does): none when empty, else an id the commands look up.
 */
function imageOf(body: FormBody, problems: FieldProblem[], t: T): string | null {
  const imageId = form.text(body, 'imageId');
  if (imageId === '') return null;
  if (!IMAGE_ID.test(imageId)) problems.push({ field: 'imageId', message: t('imageUnknown') });
  return imageId;
}

/** The campaign form as terms, or the fields to fix. */
export function termsFromForm(body: FormBody, t: T): { terms: TermsBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const city = form.text(body, 'city');
  const country = form.text(body, 'country').toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country))
    problems.push({ field: 'country', message: t('countryBad') });
  const terms: TermsBody = {
    name: form.text(body, 'name'),
    advertiser: form.text(body, 'advertiser'),
    house: form.text(body, 'house') === 'yes',
    startsAt: dayStart(body, 'starts', 0, problems, t),
    endsAt: dayStart(body, 'ends', 1, problems, t),
    impressionBudget: wholeNumber(body, 'impressionBudget', 1, problems, t),
    dailyCap: wholeNumber(body, 'dailyCap', 1, problems, t),
    frequencyCap: wholeNumber(body, 'frequencyCap', 1, problems, t),
    targeting: {
      genders: GENDERS.filter((g) => form.list(body, 'genders').includes(g)),
      minAge: optionalAge(body, 'minAge', problems, t),
      maxAge: optionalAge(body, 'maxAge', problems, t),
      country: country === '' ? null : country,
      near: city === '' ? null : { city, radiusKm: wholeNumber(body, 'radiusKm', 1, problems, t) },
      languages: form.list(body, 'languages').filter(isLanguage),
      interests: form
        .text(body, 'interests')
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    },
    creatives: [
      {
        headline: form.text(body, 'headline'),
        text: form.text(body, 'text'),
        url: form.text(body, 'url'),
        imageId: imageOf(body, problems, t),
      },
    ],
  };
  return { terms, problems };
}

/** Problems of the terms (from the commands) under the form's own field names. */
export function formFields(errors: FieldProblem[], t: T): FieldProblem[] {
  return errors.map((e) => ({
    ...e,
    // The commands say it in English for the API; the console says what to do, in the operator's language.
    ...(/^creatives\.\d+\.imageId$/.test(e.field) && { message: t('imageUnknown') }),
    field: e.field
      .replace(/^targeting\.near\.city$/, 'city')
      .replace(/^targeting\.interests\.\d+$/, 'interests')
      .replace(/^targeting\./, '')
      .replace(/^creatives\.\d+\./, '')
      .replace(/^endsAt$/, 'ends')
      .replace(/^startsAt$/, 'starts'),
  }));
}

function checkboxes(
  name: string,
  legend: string,
  options: readonly string[],
  chosen: readonly string[],
  labelOf: (option: string) => string = (o) => o,
): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map(
      (o) =>
        html`<label
          ><input type="checkbox" name="${name}" value="${o}" ${chosen.includes(o) ? html`checked` : ''} />
          ${labelOf(o)}</label
        >`,
    )}
  </fieldset>`;
}

/**
 * The creative's image, carried so that saving the form keeps it (the Image form changes
 * it). One that turned out unknown is dropped, and the error says so where it stood.
 */
function keptImage(values: FormBody, errors: FieldProblem[] | undefined): Html {
  const error = errors?.find((e) => e.field === 'imageId');
  return html`<input type="hidden" name="imageId" value="${error ? '' : form.text(values, 'imageId')}" />
    ${error ? html`<div class="field invalid" id="f-imageId"><p class="error">${error.message}</p></div>` : ''}`;
}

/** The campaign form, filled with what was sent (or the campaign's terms), with any errors by their fields. */
export function campaignForm(
  request: FastifyRequest,
  action: string,
  values: FormBody,
  errors: FieldProblem[] | undefined,
  submit: string,
): Html {
  const t = tr(request);
  const v = (name: string) => form.text(values, name);
  const text = (name: OpsKey, extra: { type?: string; hint?: string } = {}) =>
    field({ name, label: t(name), value: v(name), errors, ...extra });
  const number = { type: 'number' };
  return html`${formErrors(errors, t('fix'))}
    <form method="post" action="${action}" class="campaign-form">
      ${hidden(request)} ${text('name')} ${text('advertiser')}
      <label
        ><input type="checkbox" name="house" value="yes" ${v('house') === 'yes' ? html`checked` : ''} />
        ${t('house')}</label
      >
      ${text('starts', { type: 'date', hint: t('dayHint') })}
      ${text('ends', { type: 'date', hint: t('dayHint') })} ${text('impressionBudget', number)}
      ${text('dailyCap', number)} ${text('frequencyCap', number)}
      ${checkboxes('genders', t('genders'), GENDERS, form.list(values, 'genders'), (g) => t(g as OpsKey))}
      ${text('minAge', number)} ${text('maxAge', number)} ${text('country', { hint: t('countryHint') })}
      ${text('city', { hint: t('cityHint') })} ${text('radiusKm', number)}
      ${text('interests', { hint: t('interestsHint') })}
      ${checkboxes('languages', t('languages'), ['en', 'sv', 'fi'], form.list(values, 'languages'))}
      ${text('headline')}
      ${field({ name: 'text', label: t('text'), value: v('text'), errors, multiline: true })}
      ${text('url', { type: 'url', hint: 'https://…' })} ${keptImage(values, errors)}
      <button type="submit">${submit}</button>
    </form>`;
}
