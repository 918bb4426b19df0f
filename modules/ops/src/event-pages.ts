import { Type } from 'typebox';
import type { EventQuery, FieldProblem, Http, Observation } from '@meetcute/core';
import { field, formErrors, html, languageOf, type Html, sendOpsPage } from '@meetcute/web';
import { OPERATOR_PAGE, tr, utc, type T } from './frame.ts';
import { momentOf } from './rules.ts';
import { inLanguage, said } from './rule-messages.ts';

/** Events a page shows: enough to scan, few enough for a phone. */
export const EVENTS_PAGE = 25;
const Filters = Type.Object({
  member: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  before: Type.Optional(Type.String({ maxLength: 20 })),
});
type Typed = { member?: string; type?: string; from?: string; to?: string; before?: string };

/** The filters as typed, as a query of the log, or what to fix. */
export function eventQueryOf(typed: Typed): { query: EventQuery; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const text = (v: string | undefined) => (v ?? '').trim();
  const member = text(typed.member);
  // Member ids are uuids: plain characters only, so the search for them in payloads stays exact.
  if (member !== '' && !/^[0-9A-Za-z-]{1,64}$/.test(member)) errors.push(said('member', 'memberBad'));
  const type = text(typed.type);
  if (type !== '' && !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(type)) errors.push(said('type', 'typeBad'));
  const moment = (name: 'from' | 'to') => {
    const value = text(typed[name]);
    if (value === '') return undefined;
    const at = momentOf(value);
    if (at === undefined) errors.push(said(name, 'momentBad'));
    return at;
  };
  const from = moment('from');
  const to = moment('to');
  const before = /^\d{1,15}$/.test(text(typed.before)) ? Number(text(typed.before)) : undefined;
  const query: EventQuery = { limit: EVENTS_PAGE + 1, before };
  if (errors.length === 0)
    Object.assign(query, { memberId: member || undefined, type: type || undefined, from, to });
  return { query, errors };
}

/** The event browser: the log newest first, by member, type and time, a page at a time. */
export function eventPages(http: Http, observe: Observation): void {
  http.get(
    '/ops/events',
    { config: OPERATOR_PAGE, schema: { querystring: Filters } },
    async (request, reply) => {
      const t = tr(request);
      const typed = request.query;
      const { query, errors } = eventQueryOf(typed);
      const found = errors.length > 0 ? [] : await observe.events(query);
      const events = found.slice(0, EVENTS_PAGE);
      const older = found.length > EVENTS_PAGE ? events[events.length - 1]?.position : undefined;
      const next = new URLSearchParams(
        Object.entries({ ...typed, before: String(older) }).filter(
          (e): e is [string, string] => e[1] !== undefined,
        ),
      );
      const body = html`${filterForm(t, typed, inLanguage(errors, languageOf(request)))}
      ${
        events.length === 0
          ? html`<p>${t('noEvents')}</p>`
          : html`<ol class="events">
              ${events.map(
                (e) =>
                  html`<li>
                    <details>
                      <summary>
                        <strong>${e.type}</strong> <small>${e.module} · #${e.position}</small>
                        <time datetime="${e.occurredAt}">${utc(request, e.occurredAt)}</time>
                        ${e.actorId ? html`<small>${t('actor')}: <code>${e.actorId}</code></small>` : ''}
                      </summary>
                      <pre>${JSON.stringify(e.payload, null, 2)}</pre>
                    </details>
                  </li>`,
              )}
            </ol>`
      }
      ${older !== undefined ? html`<p><a class="button secondary" href="/ops/events?${next.toString()}">${t('olderEvents')}</a></p>` : ''}`;
      return sendOpsPage(
        request,
        reply,
        { title: t('events'), section: 'events', body },
        errors.length > 0 ? 400 : 200,
      );
    },
  );
}

function filterForm(t: T, typed: Typed, errors: FieldProblem[]): Html {
  return html`${formErrors(errors, t('fixTitle'))}
    <form method="get" action="/ops/events" class="filters" novalidate>
      ${field({ name: 'member', label: t('member'), value: typed.member, errors })}
      ${field({ name: 'type', label: t('eventType'), hint: t('eventTypeHint'), value: typed.type, errors })}
      ${field({ name: 'from', label: t('from'), type: 'datetime-local', value: typed.from, errors })}
      ${field({ name: 'to', label: t('to'), type: 'datetime-local', value: typed.to, errors })}
      <div class="actions"><button type="submit">${t('show')}</button></div>
    </form>`;
}
