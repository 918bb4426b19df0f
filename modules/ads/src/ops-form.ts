import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '@meetcute/core';
import { field, form, formErrors, hidden, html, isLanguage, type FormBody, type Html } from '@meetcute/web';
import type { TermsBody } from './routes.ts';

const GENDERS = ['woman', 'man', 'nonbinary'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number from the form, or the problem naming its field. */
function wholeNumber(body: FormBody, name: string, min: number, problems: FieldProblem[]): number {
  const n = form.int(body, name);
  if (!Number.isInteger(n) || n < min)
    problems.push({ field: name, message: `Write a whole number of at least ${min}` });
  return n;
}

function optionalAge(body: FormBody, name: string, problems: FieldProblem[]): number | null {
  if (form.text(body, name) === '') return null;
  const n = form.int(body, name);
  if (!Number.isInteger(n) || n < 18 || n > 120)
    problems.push({ field: name, message: 'Write an age from 18 to 120' });
  return n;
}

/** A day from the form as the moment it starts (UTC); `after` days later for an end that includes the day. */
function dayStart(body: FormBody, name: string, after: number, problems: FieldProblem[]): string {
  const text = form.text(body, name);
  const at = new Date(`${text}T00:00:00.000Z`);
  if (!DAY.test(text) || Number.isNaN(at.getTime())) {
    problems.push({ field: name, message: 'Write a day as YYYY-MM-DD' });
    return '';
  }
  return new Date(at.getTime() + after * 86_400_000).toISOString();
}

/** The campaign form as terms, or the fields to fix. */
export function termsFromForm(body: FormBody): { terms: TermsBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const city = form.text(body, 'city');
  const country = form.text(body, 'country').toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country))
    problems.push({ field: 'country', message: 'Write a two-letter country code, e.g. SE' });
  const terms: TermsBody = {
    name: form.text(body, 'name'),
    advertiser: form.text(body, 'advertiser'),
    house: form.text(body, 'house') === 'yes',
    startsAt: dayStart(body, 'starts', 0, problems),
    endsAt: dayStart(body, 'ends', 1, problems),
    impressionBudget: wholeNumber(body, 'impressionBudget', 1, problems),
    dailyCap: wholeNumber(body, 'dailyCap', 1, problems),
    frequencyCap: wholeNumber(body, 'frequencyCap', 1, problems),
    targeting: {
      genders: GENDERS.filter((g) => form.list(body, 'genders').includes(g)),
      minAge: optionalAge(body, 'minAge', problems),
      maxAge: optionalAge(body, 'maxAge', problems),
      country: country === '' ? null : country,
      near: city === '' ? null : { city, radiusKm: wholeNumber(body, 'radiusKm', 1, problems) },
      languages: form.list(body, 'languages').filter(isLanguage),
    },
    creatives: [
      { headline: form.text(body, 'headline'), text: form.text(body, 'text'), url: form.text(body, 'url') },
    ],
  };
  return { terms, problems };
}

/** Problems of the terms (from the commands) under the form's own field names. */
export function formFields(errors: FieldProblem[]): FieldProblem[] {
  return errors.map((e) => ({
    ...e,
    field: e.field
      .replace(/^targeting\.near\.city$/, 'city')
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
): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map(
      (o) =>
        html`<label
          ><input type="checkbox" name="${name}" value="${o}" ${chosen.includes(o) ? html`checked` : ''} />
          ${o}</label
        >`,
    )}
  </fieldset>`;
}

/** The campaign form, filled with what was sent (or the campaign's terms), with any errors by their fields. */
export function campaignForm(
  request: FastifyRequest,
  action: string,
  values: FormBody,
  errors: FieldProblem[] | undefined,
  submit: string,
): Html {
  const v = (name: string) => form.text(values, name);
  const text = (name: string, label: string, extra: { type?: string; hint?: string } = {}) =>
    field({ name, label, value: v(name), errors, ...extra });
  return html`${formErrors(errors, 'Fix these fields')}
    <form method="post" action="${action}" class="campaign-form">
      ${hidden(request)} ${text('name', 'Name')} ${text('advertiser', 'Advertiser')}
      <label
        ><input type="checkbox" name="house" value="yes" ${v('house') === 'yes' ? html`checked` : ''} /> House
        campaign (the community’s own)</label
      >
      ${text('starts', 'First day', { type: 'date', hint: 'YYYY-MM-DD, UTC' })}
      ${text('ends', 'Last day', { type: 'date', hint: 'YYYY-MM-DD, UTC' })}
      ${text('impressionBudget', 'Impression budget', { type: 'number' })}
      ${text('dailyCap', 'Impressions a day at most', { type: 'number' })}
      ${text('frequencyCap', 'Impressions a member a day at most', { type: 'number' })}
      ${checkboxes('genders', 'Genders (none: all)', GENDERS, form.list(values, 'genders'))}
      ${text('minAge', 'Lowest age', { type: 'number' })} ${text('maxAge', 'Highest age', { type: 'number' })}
      ${text('country', 'Country code', { hint: 'Two letters, e.g. SE; empty: all' })}
      ${text('city', 'Near the place', { hint: 'As members pick it, e.g. Stockholm, Sweden; empty: anywhere' })}
      ${text('radiusKm', 'Within km of it', { type: 'number' })}
      ${checkboxes('languages', 'Languages (none: all)', ['en', 'sv', 'fi'], form.list(values, 'languages'))}
      ${text('headline', 'Headline')}
      ${field({ name: 'text', label: 'Text', value: v('text'), errors, multiline: true })}
      ${text('url', 'Where a click leads', { type: 'url', hint: 'https://…' })}
      <button type="submit">${submit}</button>
    </form>`;
}
