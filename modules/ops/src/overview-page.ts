import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import { html, type Html, sendOpsPage } from '@meetcute/web';
import { OPERATOR_PAGE, tr, utc, type T } from './frame.ts';
import { GRAPHS, isWindow } from './graphs.ts';
import { overviewOf, type Overview, type OverviewDeps, type SignalsRow } from './overview.ts';

const require = createRequire(import.meta.url);
/** uPlot draws the graphs; the console's script feeds it. Served from here, like the site's own assets. */
const FILES: Record<string, { path: string; type: string }> = {
  'uplot.js': {
    path: require.resolve('uplot/dist/uPlot.iife.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'uplot.css': { path: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' },
  'console.js': {
    path: join(import.meta.dirname, '..', 'assets', 'console.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
const loaded = new Map<string, { body: Buffer; hash: string }>();
function asset(name: string): { body: Buffer; hash: string } {
  let file = loaded.get(name);
  if (!file) {
    const body = readFileSync(FILES[name]!.path);
    file = { body, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    loaded.set(name, file);
  }
  return file;
}
const assetPath = (name: string) => `/ops/assets/${name}?v=${asset(name).hash}`;

/** How many of the newest points the tables show (the graph shows them all). */
const TABLE_ROWS = 6;

export function overviewPage(http: Http, deps: OverviewDeps): void {
  http.get(
    '/ops/assets/:name',
    {
      config: { access: 'public', kind: 'asset' },
      schema: { hide: true, params: Type.Object({ name: Type.String({ maxLength: 40 }) }) },
    },
    async (request, reply) => {
      const file = FILES[request.params.name];
      if (!file) return reply.code(404).type('text/plain').send('No such asset');
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(file.type)
        .send(asset(request.params.name).body);
    },
  );
  http.get(
    '/ops',
    {
      config: OPERATOR_PAGE,
      schema: { querystring: Type.Object({ window: Type.Optional(Type.String({ maxLength: 10 })) }) },
    },
    async (request, reply) => {
      const t = tr(request);
      const window = isWindow(request.query.window) ? request.query.window : 'hour';
      const overview = await overviewOf(deps, window);
      const body = html`<link rel="stylesheet" href="${assetPath('uplot.css')}" />
        <p class="window-switch">
          ${window === 'hour' ? html`<strong>${t('lastHour')}</strong>` : html`<a href="/ops?window=hour">${t('lastHour')}</a>`}
          ·
          ${window === 'day' ? html`<strong>${t('lastDay')}</strong>` : html`<a href="/ops?window=day">${t('lastDay')}</a>`}
        </p>
        ${nodesTable(request, t, overview)}
        <div id="ops-graphs" data-window="${window}" data-source="/api/v1/ops/metrics?window=${window}">
          ${GRAPHS.map((g) => graphFigure(request, t, overview, g))}
        </div>
        ${signalsTable(t, t('routes'), overview.routes, false)}
        ${signalsTable(t, t('modules'), overview.modules, true)}
        <script src="${assetPath('uplot.js')}" defer></script>
        <script src="${assetPath('console.js')}" defer></script>`;
      return sendOpsPage(request, reply, { title: t('overview'), section: 'overview', body });
    },
  );
}

function nodesTable(request: FastifyRequest, t: T, overview: Overview): Html {
  return html`<h2>${t('nodes')}</h2>
    <div class="table-scroll">
      <table id="ops-nodes" tabindex="0">
        <thead>
          <tr>
            <th scope="col">${t('node')}</th>
            <th scope="col">${t('version')}</th>
            <th scope="col">${t('commit')}</th>
            <th scope="col">${t('startedAt')}</th>
            <th scope="col">${t('uptime')}</th>
          </tr>
        </thead>
        <tbody>
          ${overview.nodes.map(
            (n) =>
              html`<tr>
                <td>${n.name}</td>
                <td>${n.version}</td>
                <td><code>${n.commit ?? '–'}</code></td>
                <td><time datetime="${n.startedAt}">${utc(request, n.startedAt)}</time></td>
                <td>${uptime(n.uptimeSeconds)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

const uptime = (seconds: number): string => {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
};

const shown = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : v >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);

/** A graph: without JavaScript, a table of its newest figures; the script draws the graph above it. */
function graphFigure(
  request: FastifyRequest,
  t: T,
  overview: Overview,
  graph: (typeof GRAPHS)[number],
): Html {
  const rows = overview.times
    .map((time, i) => ({ time, i }))
    .slice(-TABLE_ROWS)
    .reverse();
  const label = (s: string) => t(`series_${s}` as Parameters<T>[0]);
  return html`<figure
    class="graph"
    id="graph-${graph.id}"
    data-series="${graph.series.join(',')}"
    data-unit="${t(`unit_${graph.unit}`)}"
    data-labels="${graph.series.map(label).join('|')}"
  >
    <figcaption>
      <h3>${t(`graph_${graph.id}`)}</h3>
      <small>${t(`unit_${graph.unit}`)}</small>
    </figcaption>
    <div class="plot" aria-hidden="true"></div>
    <div class="table-scroll">
      <table tabindex="0">
        <thead>
          <tr>
            <th scope="col">${t('time')}</th>
            ${graph.series.map((s) => html`<th scope="col">${label(s)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${
            rows.length === 0
              ? html`<tr>
                  <td colspan="${graph.series.length + 1}">${t('noFigures')}</td>
                </tr>`
              : rows.map(
                  ({ time, i }) =>
                    html`<tr>
                      <td>${utc(request, new Date(time * 1000).toISOString())}</td>
                      ${graph.series.map((s) => html`<td>${shown(overview.series[s]?.[i])}</td>`)}
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </div>
  </figure>`;
}

function signalsTable(t: T, title: string, rows: SignalsRow[], delivery: boolean): Html {
  return html`<h2>${title}</h2>
    ${
      rows.length === 0
        ? html`<p>${t('noFigures')}</p>`
        : html`<div class="table-scroll">
            <table tabindex="0">
              <thead>
                <tr>
                  <th scope="col">${t('name')}</th>
                  <th scope="col">${t('series_rate')}</th>
                  <th scope="col">${t('series_errors')}</th>
                  <th scope="col">${t('series_p50')}</th>
                  <th scope="col">${t('series_p99')}</th>
                  ${
                    delivery
                      ? html`<th scope="col">${t('series_outbox')}</th>
                          <th scope="col">${t('series_lag')}</th>`
                      : ''
                  }
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      <td><code>${r.name}</code></td>
                      <td>${shown(r.rate)}</td>
                      <td>${shown(r.errors)}</td>
                      <td>${shown(r.p50)}</td>
                      <td>${shown(r.p99)}</td>
                      ${
                        delivery
                          ? html`<td>${shown(r.outbox)}</td>
                              <td>${shown(r.lag)}</td>`
                          : ''
                      }
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
}
