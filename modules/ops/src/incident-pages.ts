import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems, type FieldProblem, type Http } from '@meetcute/core';
import {
  field,
  form,
  FORM_BODY_SCHEMA,
  formErrors,
  hidden,
  html,
  type FormBody,
  type Html,
  sendOpsPage,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { SEVERITIES } from './events.ts';
import { formProblems, OPERATOR_PAGE, tr, utc, type T } from './frame.ts';
import { isSeverity, NOTE_MAX, POST_MORTEM_FIELDS, TITLE_MAX, URL_MAX } from './rules.ts';
import { incidentOf, incidentsOf, type Incident, type IncidentStatus, type OpsDb } from './store.ts';

const ById = {
  params: Type.Object({
    incidentId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]+$' }),
  }),
};
type IncidentForm = 'note' | 'link' | 'resolve' | 'postMortem';
/** A form of the incident page that failed: which, what was typed, and what to fix. */
interface Failed {
  form: IncidentForm;
  body: FormBody;
  errors: FieldProblem[];
}

/** The incidents as pages: the list with its filters and the form to open one, and each incident. */
export function incidentPages(http: Http, commands: Commands, db: OpsDb): void {
  http.get(
    '/ops/incidents',
    {
      config: OPERATOR_PAGE,
      schema: {
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          severity: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    (request, reply) => sendIncidentList(request, reply, db, {}),
  );
  http.post(
    '/ops/incidents',
    { config: OPERATOR_PAGE, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const typed = {
        title: form.text(request.body, 'title'),
        severity: form.text(request.body, 'severity'),
        startedAt: form.text(request.body, 'startedAt'),
      };
      try {
        const incidentId = await commands.open(request.viewer!.memberId, typed);
        return await reply.redirect(`/ops/incidents/${incidentId}`, 303);
      } catch (error) {
        return sendIncidentList(
          request,
          reply,
          db,
          { body: request.body, errors: formProblems(error, request) },
          400,
        );
      }
    },
  );
  http.get('/ops/incidents/:incidentId', { config: OPERATOR_PAGE, schema: ById }, (request, reply) =>
    sendIncident(request, reply, db, request.params.incidentId),
  );
  const change = (
    path: string,
    which: IncidentForm,
    run: (memberId: string, id: string, body: FormBody) => Promise<void>,
  ) =>
    http.post(
      `/ops/incidents/:incidentId/${path}`,
      { config: OPERATOR_PAGE, schema: { ...ById, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const { incidentId } = request.params;
        try {
          await run(request.viewer!.memberId, incidentId, request.body);
          return await reply.redirect(`/ops/incidents/${incidentId}`, 303);
        } catch (error) {
          const failed = { form: which, body: request.body, errors: formProblems(error, request) };
          return sendIncident(request, reply, db, incidentId, failed, 400);
        }
      },
    );
  const texts = (body: FormBody, names: readonly string[]) =>
    Object.fromEntries(names.map((n) => [n, form.text(body, n)]));
  change('timeline', 'note', (m, id, body) => commands.note(m, id, texts(body, ['text', 'at'])));
  change('links', 'link', (m, id, body) => commands.link(m, id, texts(body, ['url', 'label'])));
  change('resolve', 'resolve', (m, id, body) => commands.resolve(m, id, texts(body, ['resolvedAt'])));
  change('post-mortem', 'postMortem', (m, id, body) =>
    commands.writePostMortem(m, id, texts(body, POST_MORTEM_FIELDS)),
  );
}

async function sendIncidentList(
  request: FastifyRequest,
  reply: FastifyReply,
  db: OpsDb,
  opening: { body?: FormBody; errors?: FieldProblem[] },
  status = 200,
) {
  const t = tr(request);
  const query = (request.query ?? {}) as { status?: string; severity?: string };
  const statusFilter: IncidentStatus | undefined =
    query.status === 'open' || query.status === 'resolved' ? query.status : undefined;
  const severity = isSeverity(query.severity) ? query.severity : undefined;
  const incidents = await incidentsOf(db, { status: statusFilter, severity });
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${chosen === value ? html`selected` : ''}>${label}</option>`;
  const body = html`<p>${t('incidentsIntro')}</p>
    <form method="get" action="/ops/incidents" class="filters" aria-label="${t('filter')}">
      <div class="field">
        <label for="f-status">${t('status')}</label>
        <select id="f-status" name="status">
          ${option('', t('status_any'), statusFilter ?? '')} ${option('open', t('status_open'), statusFilter)}
          ${option('resolved', t('status_resolved'), statusFilter)}
        </select>
      </div>
      <div class="field">
        <label for="f-severity-filter">${t('severity')}</label>
        <select id="f-severity-filter" name="severity">
          ${option('', t('severity_any'), severity ?? '')} ${SEVERITIES.map((s) => option(s, s, severity))}
        </select>
      </div>
      <div class="actions"><button type="submit" class="secondary">${t('show')}</button></div>
    </form>
    ${
      incidents.length === 0
        ? html`<p>${t('noIncidents')}</p>`
        : html`<ul class="incidents">
            ${incidents.map(
              (i) =>
                html`<li>
                  <a href="/ops/incidents/${i.incidentId}">${i.title}</a>
                  <span class="badge severity-${i.severity}">${i.severity}</span>
                  <small
                    >${t('started', { moment: utc(request, i.startedAt) })} ·
                    ${i.resolvedAt ? t('resolved', { moment: utc(request, i.resolvedAt) }) : t('ongoing')}</small
                  >
                </li>`,
            )}
          </ul>`
    }
    ${openingForm(request, t, opening)}`;
  return sendOpsPage(request, reply, { title: t('incidents'), section: 'incidents', body }, status);
}

function openingForm(
  request: FastifyRequest,
  t: T,
  { body, errors }: { body?: FormBody; errors?: FieldProblem[] },
): Html {
  const typed = (name: string) => (body ? form.text(body, name) : '');
  const severityError = errors?.find((e) => e.field === 'severity');
  return html`<h2 id="open">${t('openTitle')}</h2>
    ${formErrors(errors, t('fixTitle'))}
    <form method="post" action="/ops/incidents" novalidate>
      ${hidden(request)}
      ${field({ name: 'title', label: t('title'), value: typed('title'), required: true, errors, attrs: html`maxlength="${TITLE_MAX}"` })}
      <fieldset class="field${severityError ? ' invalid' : ''}">
        <legend>${t('severity')}</legend>
        ${SEVERITIES.map(
          (s) =>
            html`<label
              ><input
                type="radio"
                name="severity"
                value="${s}"
                ${typed('severity') === s ? html`checked` : ''}
                required
              />
              ${t(s)}</label
            >`,
        )}
        ${severityError ? html`<p class="error" id="f-severity-error">${severityError.message}</p>` : ''}
      </fieldset>
      ${field({ name: 'startedAt', label: t('startedAt'), hint: t('momentHint'), type: 'datetime-local', value: typed('startedAt'), errors })}
      <div class="actions"><button type="submit">${t('open')}</button></div>
    </form>`;
}

async function sendIncident(
  request: FastifyRequest,
  reply: FastifyReply,
  db: OpsDb,
  incidentId: string,
  failed?: Failed,
  status = 200,
) {
  const t = tr(request);
  const incident = await incidentOf(db, incidentId);
  if (!incident) throw problems.notFound('This incident');
  const body = html`<p><a href="/ops/incidents">${t('backToIncidents')}</a></p>
    <p>
      <span class="badge severity-${incident.severity}">${incident.severity}</span>
      ${t('started', { moment: utc(request, incident.startedAt) })} ·
      ${incident.resolvedAt ? t('resolved', { moment: utc(request, incident.resolvedAt) }) : t('ongoing')}
    </p>
    ${timeline(request, t, incident)} ${changeForms(request, t, incident, failed)}`;
  return sendOpsPage(request, reply, { title: incident.title, section: 'incidents', body }, status);
}

function timeline(request: FastifyRequest, t: T, incident: Incident): Html {
  return html`<h2>${t('timeline')}</h2>
    ${
      incident.timeline.length === 0
        ? html`<p>${t('noTimeline')}</p>`
        : html`<ol class="timeline">
            ${incident.timeline.map(
              (e) =>
                html`<li>
                  <time datetime="${e.at}">${utc(request, e.at)}</time>
                  ${e.url ? html`<a href="${e.url}" rel="noopener noreferrer">${e.text}</a>` : html`<span>${e.text}</span>`}
                </li>`,
            )}
          </ol>`
    }`;
}

/** The forms that add to an incident; the one that failed shows what was typed and what to fix. */
function changeForms(request: FastifyRequest, t: T, incident: Incident, failed: Failed | undefined): Html {
  const action = `/ops/incidents/${incident.incidentId}`;
  const of = (which: IncidentForm) => (failed?.form === which ? failed : undefined);
  const typed = (which: IncidentForm, name: string) => {
    const f = of(which);
    return f ? form.text(f.body, name) : '';
  };
  const errorsOf = (which: IncidentForm) => of(which)?.errors;
  const pm = incident.postMortem;
  const pmValue = (name: (typeof POST_MORTEM_FIELDS)[number]) =>
    of('postMortem') ? typed('postMortem', name) : (pm?.[name] ?? '');
  const labels = {
    whatHappened: t('whatHappened'),
    impact: t('impact'),
    timeline: t('pmTimeline'),
    factors: t('factors'),
    followUps: t('followUps'),
  };
  return html`<h2>${t('addNote')}</h2>
    ${formErrors(errorsOf('note'), t('fixTitle'))}
    <form method="post" action="${action}/timeline" novalidate>
      ${hidden(request)}
      ${field({ name: 'text', label: t('note'), multiline: true, value: typed('note', 'text'), errors: errorsOf('note'), attrs: html`maxlength="${NOTE_MAX}"` })}
      ${field({ name: 'at', label: t('at'), hint: t('momentHint'), type: 'datetime-local', value: typed('note', 'at'), errors: errorsOf('note') })}
      <div class="actions"><button type="submit">${t('add')}</button></div>
    </form>
    <h2>${t('addLink')}</h2>
    ${formErrors(errorsOf('link'), t('fixTitle'))}
    <form method="post" action="${action}/links" novalidate>
      ${hidden(request)}
      ${field({ name: 'url', label: t('url'), hint: t('urlHint'), value: typed('link', 'url'), errors: errorsOf('link'), attrs: html`maxlength="${URL_MAX}"` })}
      ${field({ name: 'label', label: t('label'), value: typed('link', 'label'), errors: errorsOf('link'), attrs: html`maxlength="${TITLE_MAX}"` })}
      <div class="actions"><button type="submit">${t('link')}</button></div>
    </form>
    ${
      incident.resolvedAt === null
        ? html`<h2>${t('resolveTitle')}</h2>
            ${formErrors(errorsOf('resolve'), t('fixTitle'))}
            <form method="post" action="${action}/resolve" novalidate>
              ${hidden(request)}
              ${field({ name: 'resolvedAt', label: t('resolvedAt'), hint: t('momentHint'), type: 'datetime-local', value: typed('resolve', 'resolvedAt'), errors: errorsOf('resolve') })}
              <div class="actions"><button type="submit">${t('resolve')}</button></div>
            </form>
            <h2>${t('postMortem')}</h2>
            <p>${t('postMortemLater')}</p>`
        : html`<h2>${t('postMortem')}</h2>
            <p>${t('postMortemIntro')}</p>
            ${formErrors(errorsOf('postMortem'), t('fixTitle'))}
            <form method="post" action="${action}/post-mortem" novalidate>
              ${hidden(request)}
              ${POST_MORTEM_FIELDS.map((name) =>
                field({
                  name,
                  label: labels[name],
                  multiline: true,
                  value: pmValue(name),
                  errors: errorsOf('postMortem'),
                }),
              )}
              <div class="actions"><button type="submit">${t('save')}</button></div>
            </form>`
    }`;
}
