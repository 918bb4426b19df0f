import type { FastifyRequest } from 'fastify';
import { Problem, problems, type FieldProblem, type Http, type ServiceRegistry } from '@meetcute/core';
import type { City, CityDirectory } from '@meetcute/cities';
import { GENDERS, type Gender } from '@meetcute/registration/events';
import {
  FORM_BODY_SCHEMA,
  MEMBER_ACTIONS,
  cardFacts,
  cardList,
  field,
  formErrors,
  html,
  languageOf,
  memberCards,
  pager,
  placeLabel,
  sendPage,
  translator,
  type Html,
  type Language,
  type MemberAction,
  type Translate,
} from '@meetcute/web';
import { messages } from './messages.ts';
import type { Found } from './query.ts';
import {
  single,
  SORTS,
  values,
  yesNo,
  type CityChoice,
  type Criteria,
  type Defaults,
  type RawQuery,
} from './rules.ts';
import type { Searches } from './searches.ts';
import {
  appendProperties,
  propertyFields,
  propertyValuesFrom,
  propertyValuesOf,
  type PropertyValues,
} from './property-fields.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** What the form shows: the search that ran, or what was typed when it could not run. */
interface FormValues {
  genders: string[];
  minAge: string;
  maxAge: string;
  city: string;
  maxDistanceKm: string;
  interests: string;
  online: boolean;
  hasPhoto: boolean;
  sort: string;
  properties: PropertyValues;
}

/** The form as the search ran, the place labelled in the reader's language. */
function fromCriteria(c: Criteria, language: Language): FormValues {
  return {
    genders: c.genders,
    minAge: String(c.minAge),
    maxAge: String(c.maxAge),
    city: placeLabel(language, c.origin.label),
    maxDistanceKm: String(c.maxDistanceKm),
    interests: c.interests.join(', '),
    online: c.onlineOnly,
    hasPhoto: c.hasPhoto,
    sort: c.sort,
    properties: propertyValuesOf(c.properties),
  };
}

function fromQuery(raw: RawQuery, d: Defaults, language: Language): FormValues {
  const genders = values(raw, 'gender', true);
  return {
    // A form sent with every box unticked comes back unticked, as the member left it.
    genders: raw.gender !== undefined ? genders : d.genders,
    minAge: single(raw, 'minAge') ?? String(d.minAge),
    maxAge: single(raw, 'maxAge') ?? String(d.maxAge),
    city: single(raw, 'city') ?? (d.origin ? placeLabel(language, d.origin.label) : ''),
    maxDistanceKm: single(raw, 'maxDistanceKm') ?? String(d.maxDistanceKm),
    interests: values(raw, 'interest', false).join(', '),
    online: yesNo(raw, 'online') === true,
    hasPhoto: yesNo(raw, 'hasPhoto') === true,
    sort: single(raw, 'sort') ?? 'lastActive',
    properties: propertyValuesFrom(raw),
  };
}

/** The same search written out in full, from the first page or from a cursor. */
function searchLink(c: Criteria, cursor?: string): string {
  const query = new URLSearchParams();
  for (const g of c.genders) query.append('gender', g);
  query.set('minAge', String(c.minAge));
  query.set('maxAge', String(c.maxAge));
  query.set('city', c.origin.label);
  query.set('maxDistanceKm', String(c.maxDistanceKm));
  for (const tag of c.interests) query.append('interest', tag);
  if (c.onlineOnly) query.set('online', 'true');
  if (c.hasPhoto) query.set('hasPhoto', 'true');
  appendProperties(query, c.properties);
  query.set('sort', c.sort);
  query.set('limit', String(c.limit));
  if (cursor) query.set('cursor', cursor);
  return `/search?${query.toString()}`;
}

function genderBox(t: Translate<Key>, gender: Gender, on: boolean): Html {
  const checked = on ? html`checked` : '';
  return html`<label
    ><input type="checkbox" name="gender" value="${gender}" ${checked} /> ${t(gender)}</label
  >`;
}

function searchForm(
  request: FastifyRequest,
  t: Translate<Key>,
  v: FormValues,
  errors: FieldProblem[] | undefined,
  choices: City[],
): Html {
  const errorFor = (name: string) => errors?.find((e) => e.field === name);
  return html`<form method="get" action="/search" class="search" novalidate>
    <fieldset id="f-gender" ${errorFor('gender') ? html`aria-invalid="true"` : ''}>
      <legend>${t('showMe')}</legend>
      <input type="hidden" name="gender" value="" />
      ${GENDERS.map((g) => genderBox(t, g, v.genders.includes(g)))}
      ${errorFor('gender') ? html`<p class="error">${errorFor('gender')!.message}</p>` : ''}
    </fieldset>
    <div class="row">
      ${field({ name: 'minAge', label: t('minAge'), type: 'number', value: v.minAge, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
      ${field({ name: 'maxAge', label: t('maxAge'), type: 'number', value: v.maxAge, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
    </div>
    ${field({ name: 'city', label: t('city'), hint: t('cityHint'), value: v.city, errors, attrs: html`list="city-list" data-cities autocomplete="off"` })}
    <datalist id="city-list">
      ${choices.map((c) => html`<option value="${placeLabel(languageOf(request), c.label)}"></option>`)}
    </datalist>
    ${field({ name: 'maxDistanceKm', label: t('maxDistance'), type: 'number', value: v.maxDistanceKm, errors, attrs: html`min="1" max="5000" inputmode="numeric"` })}
    ${field({ name: 'interest', label: t('interests'), hint: t('interestsHint'), value: v.interests, errors })}
    <div class="field">
      <label
        ><input type="checkbox" name="online" value="true" ${v.online ? html`checked` : ''} />
        ${t('onlineOnly')}</label
      >
    </div>
    <div class="field${errorFor('hasPhoto') ? ' invalid' : ''}">
      <label
        ><input type="checkbox" name="hasPhoto" value="true" ${v.hasPhoto ? html`checked` : ''} />
        ${t('hasPhotoOnly')}</label
      >
      ${errorFor('hasPhoto') ? html`<p class="error">${errorFor('hasPhoto')!.message}</p>` : ''}
    </div>
    ${propertyFields(request, t, v.properties, errors)}
    <div class="field${errorFor('sort') ? ' invalid' : ''}">
      <label for="f-sort">${t('sort')}</label>
      <select id="f-sort" name="sort">
        ${SORTS.map((s) => html`<option value="${s}" ${v.sort === s ? html`selected` : ''}>${t(s)}</option>`)}
      </select>
      ${errorFor('sort') ? html`<p class="error" id="f-sort-error">${errorFor('sort')!.message}</p>` : ''}
    </div>
    <button type="submit">${t('submit')}</button>
  </form>`;
}

async function resultList(
  request: FastifyRequest,
  t: Translate<Key>,
  c: Criteria,
  found: Found,
  actions: readonly MemberAction[],
): Promise<Html> {
  const members = found.results.map((hit) => ({
    ...cardFacts(hit),
    distanceKm: hit.distanceKm,
    note: hit.interests.length > 0 ? hit.interests.join(' · ') : null,
  }));
  const cards = await memberCards(request, actions, members);
  return html`<section aria-labelledby="results">
    <h2 id="results">${t('results')}</h2>
    ${cardList(request, cards, t('none'))}
    ${pager(request, { next: found.nextCursor, more: t('next'), first: t('again'), href: (cursor) => searchLink(c, cursor) })}
  </section>`;
}

export function searchPages(
  http: Http,
  run: Searches,
  cities: CityDirectory,
  services: ServiceRegistry,
): void {
  http.get(
    '/search',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, querystring: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const raw = request.query as RawQuery;
      // The page takes a place by name; one that is clear is searched from, else the member chooses.
      const city: CityChoice = { field: 'city', chosen: undefined };
      let choices: City[] = [];
      const typed = single(raw, 'city');
      if (typed !== undefined) {
        const matches = cities.resolve(typed);
        if (matches.length === 1) city.chosen = matches[0];
        else if (matches.length === 0) city.problem = t('unknownCity');
        else {
          choices = matches.slice(0, 8);
          city.problem = t('ambiguousCity', {
            choices: choices.map((c) => placeLabel(languageOf(request), c.label)).join('; '),
          });
        }
      }
      // One text box holds the interests, separated by commas.
      const query: RawQuery = { ...raw, interest: values(raw, 'interest', true) };
      try {
        // The form sends an empty gender beside the boxes, so a form with every box unticked
        // is told apart from a link that names none (which searches the member's usual ones).
        if (raw.gender !== undefined && values(raw, 'gender', true).length === 0) {
          throw problems.invalid([{ field: 'gender', message: t('noGender') }]);
        }
        const { criteria, found } = await run.run(viewerId, query, city, t);
        const actions = services.contributions<MemberAction>(MEMBER_ACTIONS);
        return sendPage(request, reply, {
          title: t('title'),
          body: html`<h1>${t('title')}</h1>
            <p>${t('intro')}</p>
            ${searchForm(request, t, fromCriteria(criteria, languageOf(request)), undefined, choices)}
            ${await resultList(request, t, criteria, found, actions)}`,
        });
      } catch (error) {
        if (!(error instanceof Problem) || !error.errors) throw error;
        const values = fromQuery(query, await run.defaults(viewerId), languageOf(request));
        return sendPage(
          request,
          reply,
          {
            title: t('title'),
            body: html`<h1>${t('title')}</h1>
              ${formErrors(error.errors, t('fixErrors'))}
              ${searchForm(request, t, values, error.errors, choices)}`,
          },
          error.status,
        );
      }
    },
  );
}
