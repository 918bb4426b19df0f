/*
 * The search form's controls for profile properties (height, what they look for, children,
 * smoking, languages spoken): the same parameters as the API's filters, so a result page's
 * address carries them and can be shared and reloaded. They sit in a <details> that is open
 * whenever one is set, so the form stays short for those who never use them, without JavaScript.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '@meetcute/core';
import { CHOICE_NAMES, CHOICES, HEIGHT_CM, SPOKEN, type ChoiceName } from '@meetcute/profile/events';
import { languageName, propertyWords } from '@meetcute/profile';
import { field, html, languageOf, type Html, type Translate } from '@meetcute/web';
import type { PropertyFilters } from './properties.ts';
import { single, values, type RawQuery } from './filters.ts';
import type { messages } from './messages.ts';

type Key = keyof (typeof messages)['en'];

/** What the property controls show: the search that ran, or what was typed. */
export interface PropertyValues {
  minHeight: string;
  maxHeight: string;
  goal: string[];
  children: string[];
  smoking: string[];
  language: string[];
}

export function propertyValuesOf(f: PropertyFilters): PropertyValues {
  return {
    minHeight: f.minHeight === undefined ? '' : String(f.minHeight),
    maxHeight: f.maxHeight === undefined ? '' : String(f.maxHeight),
    goal: f.goal,
    children: f.children,
    smoking: f.smoking,
    language: f.languages,
  };
}

export function propertyValuesFrom(raw: RawQuery): PropertyValues {
  return {
    minHeight: single(raw, 'minHeight') ?? '',
    maxHeight: single(raw, 'maxHeight') ?? '',
    goal: values(raw, 'goal', true),
    children: values(raw, 'children', true),
    smoking: values(raw, 'smoking', true),
    language: values(raw, 'language', true),
  };
}

/** The property filters written into a search's address, as the form sends them. */
export function appendProperties(query: URLSearchParams, f: PropertyFilters): void {
  if (f.minHeight !== undefined) query.set('minHeight', String(f.minHeight));
  if (f.maxHeight !== undefined) query.set('maxHeight', String(f.maxHeight));
  for (const name of CHOICE_NAMES) for (const v of f[name]) query.append(name, v);
  for (const code of f.languages) query.append('language', code);
}

const isSet = (v: PropertyValues) =>
  v.minHeight !== '' ||
  v.maxHeight !== '' ||
  v.goal.length + v.children.length + v.smoking.length + v.language.length > 0;

function box(name: string, o: { value: string; label: string }, on: boolean): Html {
  const checked = on ? html`checked` : '';
  return html`<label
    ><input type="checkbox" name="${name}" value="${o.value}" ${checked} /> ${o.label}</label
  >`;
}

/** A group of boxes for one list; its error, if any, under it. */
function boxes(
  name: string,
  legend: string,
  options: ReadonlyArray<{ value: string; label: string }>,
  chosen: string[],
  error: FieldProblem | undefined,
): Html {
  return html`<fieldset id="f-${name}" class="choices" ${error ? html`aria-invalid="true"` : ''}>
    <legend>${legend}</legend>
    ${options.map((o) => box(name, o, chosen.includes(o.value)))}
    ${error ? html`<p class="error">${error.message}</p>` : ''}
  </fieldset>`;
}

export function propertyFields(
  request: FastifyRequest,
  t: Translate<Key>,
  v: PropertyValues,
  errors: FieldProblem[] | undefined,
): Html {
  const language = languageOf(request);
  const w = propertyWords(language);
  const errorFor = (name: string) => errors?.find((e) => e.field === name);
  const choice = (name: ChoiceName) =>
    boxes(
      name,
      w(name),
      CHOICES[name].map((value) => ({ value, label: w(`${name}.${value}` as Parameters<typeof w>[0]) })),
      v[name],
      errorFor(name),
    );
  const spoken = SPOKEN.map((code) => ({ value: code, label: languageName(code, language) }));
  const height = html`min="${HEIGHT_CM.min}" max="${HEIGHT_CM.max}" inputmode="numeric"`;
  return html`<details class="more-filters" ${isSet(v) || errors?.length ? html`open` : ''}>
    <summary>${t('moreFilters')}</summary>
    <div class="row">
      ${field({ name: 'minHeight', label: t('minHeight'), type: 'number', value: v.minHeight, errors, attrs: height })}
      ${field({ name: 'maxHeight', label: t('maxHeight'), type: 'number', value: v.maxHeight, errors, attrs: height })}
    </div>
    ${CHOICE_NAMES.map(choice)} ${boxes('language', w('languages'), spoken, v.language, errorFor('language'))}
  </details>`;
}
