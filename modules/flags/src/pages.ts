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
import { problemWords, type ProblemKey } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import { listOf, NO_TARGETING, type Flag } from './rules.ts';
import { allFlags, auditOf, flagByKey, type AuditEntry, type FlagsDb } from './store.ts';
import type { Reach } from './reach.ts';

const page = { access: 'operator', kind: 'page' } as const;
const tr = (request: FastifyRequest) => translator(pageMessages, languageOf(request));
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });

/** A refusal's fields in the operator's language (the API's are in English). */
export function inWords(request: FastifyRequest, error: unknown): FieldProblem[] {
  if (!(error instanceof Problem) || error.status !== 400) throw error;
  const say = problemWords(languageOf(request));
  return (error.errors ?? []).map((e) => ({ ...e, message: e.code ? say(e.code as ProblemKey) : e.message }));
}

function targetingLine(request: FastifyRequest, flag: Flag): string {
  const t = flag.targeting;
  const parts = [...t.roles, ...t.countries, ...t.languages];
  if (t.members.length > 0) parts.push(`${t.members.length} ×`);
  return parts.length === 0 ? tr(request)('everyone') : parts.join(', ');
}

function createForm(request: FastifyRequest, body: FormBody, errors?: FieldProblem[]): Html {
  const t = tr(request);
  return html`<h2>${t('newFlag')}</h2>
    ${formErrors(errors, t('fix'))}
    <form method="post" action="/ops/flags">
      ${hidden(request)}
      ${field({ name: 'key', label: t('key'), value: form.text(body, 'key'), required: true, errors })}
      ${field({ name: 'description', label: t('description'), value: form.text(body, 'description'), errors })}
      ${field({ name: 'variants', label: t('variants'), hint: t('variantsHint'), value: form.text(body, 'variants'), errors })}
      ${field({ name: 'ramp', label: t('ramp'), type: 'number', value: form.text(body, 'ramp') || '0', attrs: html`min="0" max="100"`, errors })}
      <button type="submit">${t('create')}</button>
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
  const flags = await allFlags(db);
  const rows = flags.map(
    (f) =>
      html`<tr>
        <td><a href="/ops/flags/${f.key}">${f.key}</a></td>
        <td>${f.killed ? t('killed') : `${f.ramp} %`}</td>
        <td>${targetingLine(request, f)}</td>
      </tr>`,
  );
  return sendOpsPage(
    request,
    reply,
    {
      title: t('flags'),
      section: 'flags',
      body: html`<p>${t('intro')}</p>
        ${
          flags.length === 0
            ? html`<p>${t('none')}</p>`
            : html`<div class="table-scroll">
                <table tabindex="0">
                  <thead>
                    <tr>
                      <th scope="col">${t('key')}</th>
                      <th scope="col">${t('state')}</th>
                      <th scope="col">${t('targeting')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows}
                  </tbody>
                </table>
              </div>`
        }
        ${createForm(request, body, errors)}`,
    },
    errors ? 400 : 200,
  );
}

function auditList(request: FastifyRequest, audit: AuditEntry[]): Html {
  const t = tr(request);
  const language = languageOf(request);
  const said = (a: AuditEntry) => (a.action === 'killed' ? t('kill') : t(a.action as 'created'));
  return html`<h2>${t('changes')}</h2>
    <ol class="audit">
      ${audit.map(
        (a) =>
          html`<li>
            <time datetime="${a.at}">${formatMoment(language, 'UTC', a.at, 'date-time')}</time>
            ${said(a)} ${a.actorId ? t('by', { who: a.actorId }) : ''}
            ${Object.keys(a.detail).length > 0 ? html`<code>${JSON.stringify(a.detail)}</code>` : ''}
          </li>`,
      )}
    </ol>`;
}

/** What a flag's page needs: its tables, the commands, and the reach of a flag over the members. */
export interface PageDeps {
  db: FlagsDb;
  commands: Commands;
  reach: (flag: Flag) => Promise<Reach>;
}

/** A form sent back: what was typed, and what to fix. */
interface Failed {
  body: FormBody;
  errors: FieldProblem[];
}

async function reachSection(request: FastifyRequest, flag: Flag, reach: PageDeps['reach']): Promise<Html> {
  const t = tr(request);
  const language = languageOf(request);
  const r = await reach(flag);
  const percent = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(LOCALES[language]);
  return html`<section class="reach" aria-labelledby="reach-title">
    <h2 id="reach-title">${t('reach')}</h2>
    <p class="reach-figure">
      ${t('reachLine', {
        reached: count.format(r.reached),
        of: count.format(r.of),
        share: percent.format(r.of === 0 ? 0 : r.reached / r.of),
      })}
    </p>
    ${
      r.variants.length > 0
        ? html`<ul class="reach-variants">
            ${r.variants.map((v) => html`<li>${v.variant}: ${count.format(v.members)}</li>`)}
          </ul>`
        : ''
    }
    <p><small>${t('reachHint')}</small></p>
  </section>`;
}

function targetingForm(request: FastifyRequest, flag: Flag, failed?: Failed): Html {
  const t = tr(request);
  const errors = failed?.errors;
  const value = (list: keyof Flag['targeting']) =>
    failed ? form.text(failed.body, list) : flag.targeting[list].join(list === 'members' ? '\n' : ', ');
  const list = (name: keyof Flag['targeting'], multiline = false) =>
    field({ name, label: t(name), hint: t(`${name}Hint`), value: value(name), errors, multiline });
  return html`<h2>${t('targeting')}</h2>
    <form method="post" action="/ops/flags/${flag.key}/targeting" novalidate>
      ${hidden(request)}
      <p><small>${t('targetingHint')}</small></p>
      ${list('members', true)} ${list('roles')} ${list('countries')} ${list('languages')}
      <button type="submit">${t('saveTargeting')}</button>
    </form>`;
}

async function flagPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PageDeps,
  key: string,
  failed?: Failed,
): Promise<FastifyReply> {
  const t = tr(request);
  const flag = await flagByKey(deps.db, key);
  if (!flag) throw problems.notFound('This flag');
  const action = (what: string) => `/ops/flags/${flag.key}/${what}`;
  const errors = failed?.errors;
  const ramp = failed ? form.text(failed.body, 'ramp') || String(flag.ramp) : String(flag.ramp);
  return sendOpsPage(
    request,
    reply,
    {
      title: flag.key,
      section: 'flags',
      body: html`<p>${flag.description}</p>
        <p>
          <strong>${t('state')}:</strong> ${flag.killed ? t('killed') : t('on')} ·
          <strong>${t('targeting')}:</strong> ${targetingLine(request, flag)}
          ${flag.variants.length > 0 ? html` · <strong>${t('variants')}:</strong> ${flag.variants.join(', ')}` : ''}
        </p>
        ${formErrors(errors, t('fix'))} ${await reachSection(request, flag, deps.reach)}
        <form method="post" action="${action('ramp')}">
          ${hidden(request)}
          ${field({ name: 'ramp', label: t('ramp'), hint: t('rampHint'), type: 'number', value: ramp, attrs: html`min="0" max="100"`, errors })}
          <button type="submit">${t('save')}</button>
        </form>
        <form method="post" action="${action(flag.killed ? 'revive' : 'kill')}">
          ${hidden(request)}
          <button type="submit" class="${flag.killed ? 'secondary' : 'danger'}">
            ${t(flag.killed ? 'revive' : 'kill')}
          </button>
        </form>
        ${targetingForm(request, flag, failed)} ${auditList(request, await auditOf(deps.db, flag.key))}`,
    },
    failed ? 400 : 200,
  );
}

/** The console's flags section: the list, a new flag, and each flag's reach, ramp, targeting, kill switch and changes. */
export function flagPages(http: Http, deps: PageDeps): void {
  const { db, commands } = deps;
  http.get('/ops/flags', { config: page, schema: { hide: true } }, (request, reply) =>
    listPage(request, reply, db),
  );
  http.post(
    '/ops/flags',
    { config: page, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const body = request.body;
      const key = form.text(body, 'key');
      try {
        await commands.create(request.viewer!.memberId, {
          key,
          description: form.text(body, 'description'),
          variants: listOf(form.text(body, 'variants')),
          ramp: form.int(body, 'ramp'),
          targeting: NO_TARGETING,
        });
      } catch (error) {
        return listPage(request, reply, db, body, inWords(request, error));
      }
      return reply.redirect(`/ops/flags/${key}`, 303);
    },
  );
  http.get('/ops/flags/:key', { config: page, schema: { hide: true, params: KeyParams } }, (request, reply) =>
    flagPage(request, reply, deps, request.params.key),
  );
  flagChangePages(http, deps);
}

function flagChangePages(http: Http, deps: PageDeps): void {
  const { commands } = deps;
  const change = { config: page, schema: { hide: true, params: KeyParams, body: FORM_BODY_SCHEMA } };
  http.post('/ops/flags/:key/ramp', change, async (request, reply) => {
    const { key } = request.params;
    try {
      await commands.ramp(request.viewer!.memberId, key, form.int(request.body, 'ramp'));
    } catch (error) {
      return flagPage(request, reply, deps, key, { body: request.body, errors: inWords(request, error) });
    }
    return reply.redirect(`/ops/flags/${key}`, 303);
  });
  http.post('/ops/flags/:key/targeting', change, async (request, reply) => {
    const { key } = request.params;
    const typed = (name: string) => listOf(form.text(request.body, name));
    try {
      await commands.target(request.viewer!.memberId, key, {
        members: typed('members'),
        roles: typed('roles'),
        countries: typed('countries').map((c) => c.toUpperCase()),
        languages: typed('languages').map((l) => l.toLowerCase()),
      });
    } catch (error) {
      return flagPage(request, reply, deps, key, { body: request.body, errors: inWords(request, error) });
    }
    return reply.redirect(`/ops/flags/${key}`, 303);
  });
  for (const action of ['kill', 'revive'] as const) {
    http.post(`/ops/flags/:key/${action}`, change, async (request, reply) => {
      await commands[action](request.viewer!.memberId, request.params.key);
      return reply.redirect(`/ops/flags/${request.params.key}`, 303);
    });
  }
}
