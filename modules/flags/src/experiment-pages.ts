import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, problems, type FieldProblem, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  LOCALES,
  field,
  form,
  formErrors,
  formatMoment,
  hidden,
  html,
  languageOf,
  sendOpsPage,
  translator,
  type FormBody,
  type Html,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { METRICS } from './events.ts';
import { experimentMessages } from './experiment-messages.ts';
import { resultsOf, type ExperimentResult } from './experiment-routes.ts';
import { allExperiments, experimentByKey, type Experiment } from './experiment-store.ts';
import { problemWords, type ProblemKey } from './messages.ts';
import { inWords } from './pages.ts';
import { allFlags, flagByKey, type FlagsDb } from './store.ts';

const page = { access: 'operator', kind: 'page' } as const;
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });
const tr = (request: FastifyRequest) => translator(experimentMessages, languageOf(request));
type T = ReturnType<typeof tr>;
/** A moment as the console writes it: in UTC, which is what operators compare with logs. */
const utc = (request: FastifyRequest, iso: string) =>
  `${formatMoment(languageOf(request), 'UTC', iso, 'date-time')} UTC`;

function metricChoice(t: T, chosen: string, errors?: FieldProblem[]): Html {
  const error = errors?.find((e) => e.field === 'metric');
  return html`<fieldset class="field${error ? ' invalid' : ''}">
    <legend>${t('metric')}</legend>
    ${METRICS.map(
      (m) =>
        html`<label
          ><input type="radio" name="metric" value="${m}" ${chosen === m ? html`checked` : ''} required />
          ${t(m)} <small>${t(`${m}Hint`)}</small></label
        >`,
    )}
    ${error ? html`<p class="error" id="f-metric-error">${error.message}</p>` : ''}
  </fieldset>`;
}

async function createForm(
  request: FastifyRequest,
  db: FlagsDb,
  body: FormBody,
  errors?: FieldProblem[],
): Promise<Html> {
  const t = tr(request);
  const withVariants = (await allFlags(db)).filter((f) => f.variants.length > 0);
  if (withVariants.length === 0) {
    return html`<h2>${t('newExperiment')}</h2>
      ${formErrors(errors, t('fix'))}
      <p><a href="/ops/flags">${t('noVariantFlags')}</a></p>`;
  }
  const chosen = form.text(body, 'flagKey');
  const flagError = errors?.find((e) => e.field === 'flagKey');
  return html`<h2>${t('newExperiment')}</h2>
    ${formErrors(errors, t('fix'))}
    <form method="post" action="/ops/experiments" novalidate>
      ${hidden(request)}
      ${field({ name: 'key', label: t('key'), value: form.text(body, 'key'), required: true, errors })}
      <div class="field${flagError ? ' invalid' : ''}">
        <label for="f-flagKey">${t('flag')}</label>
        <small id="f-flagKey-hint">${t('flagHint')}</small>
        <select id="f-flagKey" name="flagKey" aria-describedby="f-flagKey-hint">
          ${withVariants.map(
            (f) =>
              html`<option value="${f.key}" ${chosen === f.key ? html`selected` : ''}>
                ${f.key} (${f.variants.join(', ')})
              </option>`,
          )}
        </select>
        ${flagError ? html`<p class="error" id="f-flagKey-error">${flagError.message}</p>` : ''}
      </div>
      ${field({ name: 'description', label: t('description'), value: form.text(body, 'description'), errors, multiline: true })}
      ${metricChoice(t, form.text(body, 'metric') || 'replies', errors)}
      <div class="actions"><button type="submit">${t('create')}</button></div>
    </form>`;
}

async function listPage(
  request: FastifyRequest,
  reply: FastifyReply,
  db: FlagsDb,
  body: FormBody = {},
  errors?: FieldProblem[],
): Promise<FastifyReply> {
  const t = tr(request);
  const experiments = await allExperiments(db);
  const table = html`<div class="table-scroll">
    <table>
      <thead>
        <tr>
          <th scope="col">${t('key')}</th>
          <th scope="col">${t('flag')}</th>
          <th scope="col">${t('metric')}</th>
          <th scope="col">${t('status')}</th>
        </tr>
      </thead>
      <tbody>
        ${experiments.map(
          (x) =>
            html`<tr>
              <td><a href="/ops/experiments/${x.key}">${x.key}</a></td>
              <td><a href="/ops/flags/${x.flagKey}">${x.flagKey}</a></td>
              <td>${t(x.metric)}</td>
              <td>${t(x.status)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  const content = html`<p>${t('intro')}</p>
    ${experiments.length === 0 ? html`<p>${t('none')}</p>` : table}
    ${await createForm(request, db, body, errors)}`;
  return sendOpsPage(
    request,
    reply,
    { title: t('experiments'), section: 'experiments', body: content },
    errors ? 400 : 200,
  );
}

/** Every variant of the flag, those nobody was exposed to yet included (with no rate). */
function everyVariant(variants: string[], results: ExperimentResult[]): ExperimentResult[] {
  const none = (variant: string) => ({
    variant,
    exposed: 0,
    trials: 0,
    conversions: 0,
    rate: null,
    interval: null,
    messages: 0,
    messagesPerMember: null,
    sessions: 0,
    sessionsPerMember: null,
  });
  const named = variants.map((v) => results.find((r) => r.variant === v) ?? none(v));
  return [...named, ...results.filter((r) => !variants.includes(r.variant))];
}

/** A figure per variant: its column's heading and what its cell says. */
type Column = readonly [heading: Parameters<T>[0], cell: (r: ExperimentResult) => string];

/** The variants as rows and a column per figure, with a caption saying what it shows and a hint below. */
function variantTable(
  t: T,
  caption: string,
  columns: Column[],
  results: ExperimentResult[],
  hint: string,
): Html {
  return html`<div class="table-scroll">
      <table class="results">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('variant')}</th>
            ${columns.map(([heading]) => html`<th scope="col">${t(heading)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${results.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.variant}</th>
                ${columns.map(([, cell]) => html`<td>${cell(r)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p><small>${hint}</small></p>`;
}

function resultTable(request: FastifyRequest, results: ExperimentResult[]): Html {
  const t = tr(request);
  const locale = LOCALES[languageOf(request)];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  const columns: Column[] = [
    ['exposed', (r) => count.format(r.exposed)],
    ['trials', (r) => count.format(r.trials)],
    ['conversions', (r) => count.format(r.conversions)],
    ['rate', (r) => (r.rate === null ? t('notYet') : percent.format(r.rate))],
    [
      'interval',
      (r) =>
        r.interval ? `${percent.format(r.interval.low)} – ${percent.format(r.interval.high)}` : t('notYet'),
    ],
  ];
  return variantTable(t, t('resultsCaption'), columns, results, t('intervalHint'));
}

/** What each variant's members did since their exposure: what the variant cost or earned in engagement. */
function activityTable(request: FastifyRequest, results: ExperimentResult[]): Html {
  const t = tr(request);
  const locale = LOCALES[languageOf(request)];
  const count = new Intl.NumberFormat(locale);
  const each = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const perMember = (n: number | null) => (n === null ? t('notYet') : each.format(n));
  const columns: Column[] = [
    ['exposed', (r) => count.format(r.exposed)],
    ['messages', (r) => count.format(r.messages)],
    ['messagesPerMember', (r) => perMember(r.messagesPerMember)],
    ['sessions', (r) => count.format(r.sessions)],
    ['sessionsPerMember', (r) => perMember(r.sessionsPerMember)],
  ];
  return html`<h2>${t('activity')}</h2>
    ${variantTable(t, t('activityCaption'), columns, results, t('activityHint'))}`;
}

function lifecycleForm(request: FastifyRequest, experiment: Experiment): Html {
  const t = tr(request);
  if (experiment.status === 'stopped') return html``;
  const action = experiment.status === 'draft' ? 'start' : 'stop';
  return html`<form method="post" action="/ops/experiments/${experiment.key}/${action}">
    ${hidden(request)}
    <p><small>${t(`${action}Hint`)}</small></p>
    <button type="submit" class="${action === 'stop' ? 'danger' : ''}">${t(action)}</button>
  </form>`;
}

async function experimentPage(
  request: FastifyRequest,
  reply: FastifyReply,
  db: FlagsDb,
  key: string,
  refusal?: string,
): Promise<FastifyReply> {
  const t = tr(request);
  const experiment = await experimentByKey(db, key);
  if (!experiment) throw problems.notFound('This experiment');
  const variants = (await flagByKey(db, experiment.flagKey))?.variants ?? [];
  const results = everyVariant(variants, await resultsOf(db, experiment));
  const moment = (label: string, at: string | null) =>
    at ? html` · <strong>${label}:</strong> <time datetime="${at}">${utc(request, at)}</time>` : '';
  const body = html`<p><a href="/ops/experiments">${t('backToList')}</a></p>
    ${experiment.description ? html`<p>${experiment.description}</p>` : ''}
    <p>
      <strong>${t('flag')}:</strong> <a href="/ops/flags/${experiment.flagKey}">${experiment.flagKey}</a> ·
      <strong>${t('metric')}:</strong> ${t(experiment.metric)} · <strong>${t('status')}:</strong>
      ${t(experiment.status)} ${moment(t('startedAt'), experiment.startedAt)}
      ${moment(t('stoppedAt'), experiment.stoppedAt)}
    </p>
    ${lifecycleForm(request, experiment)}
    <h2>${t('results')}</h2>
    ${resultTable(request, results)} ${activityTable(request, results)}`;
  const notice = refusal ? t('notNow', { why: refusal }) : undefined;
  return sendOpsPage(
    request,
    reply,
    { title: experiment.key, section: 'experiments', body, notice },
    refusal ? 409 : 200,
  );
}

/** A refusal for the experiment's state, in the operator's language; anything else is thrown on. */
function stateRefusal(request: FastifyRequest, error: unknown): string {
  const code = error instanceof Problem && error.status === 409 ? error.errors?.[0]?.code : undefined;
  if (!code) throw error;
  return problemWords(languageOf(request))(code as ProblemKey);
}

/** The console's experiments: the list, a new one, and each one's start, stop and results. */
export function experimentPages(http: Http, db: FlagsDb, commands: Commands): void {
  http.get('/ops/experiments', { config: page, schema: { hide: true } }, (request, reply) =>
    listPage(request, reply, db),
  );
  http.post(
    '/ops/experiments',
    { config: page, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const body = request.body;
      const key = form.text(body, 'key');
      try {
        await commands.createExperiment(request.viewer!.memberId, {
          key,
          flagKey: form.text(body, 'flagKey'),
          description: form.text(body, 'description'),
          metric: form.text(body, 'metric'),
        });
      } catch (error) {
        return listPage(request, reply, db, body, inWords(request, error));
      }
      return reply.redirect(`/ops/experiments/${key}`, 303);
    },
  );
  http.get(
    '/ops/experiments/:key',
    { config: page, schema: { hide: true, params: KeyParams } },
    (request, reply) => experimentPage(request, reply, db, request.params.key),
  );
  for (const action of ['start', 'stop'] as const) {
    http.post(
      `/ops/experiments/:key/${action}`,
      { config: page, schema: { hide: true, params: KeyParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const { key } = request.params;
        try {
          await commands[action](request.viewer!.memberId, key);
        } catch (error) {
          return experimentPage(request, reply, db, key, stateRefusal(request, error));
        }
        return reply.redirect(`/ops/experiments/${key}`, 303);
      },
    );
  }
}
