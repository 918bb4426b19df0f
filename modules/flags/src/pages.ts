import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, problems, type FieldProblem, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
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
                <table>
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

async function flagPage(
  request: FastifyRequest,
  reply: FastifyReply,
  db: FlagsDb,
  key: string,
  errors?: FieldProblem[],
): Promise<FastifyReply> {
  const t = tr(request);
  const flag = await flagByKey(db, key);
  if (!flag) throw problems.notFound('This flag');
  const action = (what: string) => `/ops/flags/${flag.key}/${what}`;
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
        ${formErrors(errors, t('fix'))}
        <form method="post" action="${action('ramp')}">
          ${hidden(request)}
          ${field({ name: 'ramp', label: t('ramp'), hint: t('rampHint'), type: 'number', value: String(flag.ramp), attrs: html`min="0" max="100"`, errors })}
          <button type="submit">${t('save')}</button>
        </form>
        <form method="post" action="${action(flag.killed ? 'revive' : 'kill')}">
          ${hidden(request)}
          <button type="submit" class="${flag.killed ? 'secondary' : 'danger'}">
            ${t(flag.killed ? 'revive' : 'kill')}
          </button>
        </form>
        ${auditList(request, await auditOf(db, flag.key))}`,
    },
    errors ? 400 : 200,
  );
}

/** The console's flags section: the list, a new flag, and each flag's ramp, kill switch and changes. */
export function flagPages(http: Http, db: FlagsDb, commands: Commands): void {
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
    flagPage(request, reply, db, request.params.key),
  );
  http.post(
    '/ops/flags/:key/ramp',
    { config: page, schema: { hide: true, params: KeyParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const { key } = request.params;
      try {
        await commands.ramp(request.viewer!.memberId, key, form.int(request.body, 'ramp'));
      } catch (error) {
        return flagPage(request, reply, db, key, inWords(request, error));
      }
      return reply.redirect(`/ops/flags/${key}`, 303);
    },
  );
  for (const action of ['kill', 'revive'] as const) {
    http.post(
      `/ops/flags/:key/${action}`,
      { config: page, schema: { hide: true, params: KeyParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        await commands[action](request.viewer!.memberId, request.params.key);
        return reply.redirect(`/ops/flags/${request.params.key}`, 303);
      },
    );
  }
}
