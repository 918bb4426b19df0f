import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { sendPage } from './forms.ts';
import { translator, type Messages } from './i18n.ts';
import { languageOf } from './layout.ts';

/**
 * The operators' console frame. The console's sections are pages of different modules
 * (the metrics and incidents, traces and logs, flags and experiments, ads); this draws each of
 * them inside the site's layout with the console's own navigation, so an operator moves
 * between them as between the sections of one tool.
 */

// A section joins the list when its page exists: the navigation must not lead to a 404.
const OPS_SECTIONS = [
  'overview',
  'releases',
  'incidents',
  'events',
  'traces',
  'logs',
  'flags',
  'experiments',
  'ads',
] as const;
export type OpsSection = (typeof OPS_SECTIONS)[number];

/** Where each section lives: the overview at /ops, the others below it. */
function opsPath(section: OpsSection): string {
  return section === 'overview' ? '/ops' : `/ops/${section}`;
}

const messages: Messages<OpsSection | 'console'> = {
  en: {
    console: 'Console',
    overview: 'Overview',
    releases: 'Releases',
    incidents: 'Incidents',
    events: 'Events',
    traces: 'Traces',
    logs: 'Logs',
    flags: 'Flags',
    experiments: 'Experiments',
    ads: 'Ads',
  },
  sv: {
    console: 'Konsol',
    overview: 'Översikt',
    releases: 'Versioner',
    incidents: 'Incidenter',
    events: 'Händelser',
    traces: 'Spår',
    logs: 'Loggar',
    flags: 'Flaggor',
    experiments: 'Experiment',
    ads: 'Annonser',
  },
  fi: {
    console: 'Konsoli',
    overview: 'Yleiskuva',
    releases: 'Versiot',
    incidents: 'Häiriöt',
    events: 'Tapahtumat',
    traces: 'Jäljet',
    logs: 'Lokit',
    flags: 'Liput',
    experiments: 'Kokeet',
    ads: 'Mainokset',
  },
};

export interface OpsPage {
  /** The page's own heading and title; the console's name is added to the title. */
  title: string;
  /** The section the page belongs to, marked in the console's navigation. */
  section: OpsSection;
  body: Html;
  /** A short message above the content, e.g. after a form was saved. */
  notice?: string | undefined;
}

/** The console's navigation: every section, the current one marked for the eye and screen readers. */
function opsNav(request: FastifyRequest, section: OpsSection): Html {
  const t = translator(messages, languageOf(request));
  return html`<nav class="ops-nav" aria-label="${t('console')}">
    <ul>
      ${OPS_SECTIONS.map(
        (s) =>
          html`<li>
            <a href="${opsPath(s)}" ${s === section ? html`aria-current="page"` : ''}>${t(s)}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** Answers with a console page: the console's navigation, then the section's heading and body. */
export function sendOpsPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: OpsPage,
  status = 200,
): FastifyReply {
  const t = translator(messages, languageOf(request));
  return sendPage(
    request,
    reply,
    {
      title: `${options.title} · ${t('console')}`,
      notice: options.notice,
      body: html`${opsNav(request, options.section)}
        <h1>${options.title}</h1>
        ${options.body}`,
    },
    status,
  );
}
