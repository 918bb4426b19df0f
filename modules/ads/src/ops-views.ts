import type { FastifyRequest } from 'fastify';
import { html, languageOf, LOCALES, type Html } from '@meetcute/web';
import type { Creative } from './events.ts';
import type { DayMetrics } from './metrics.ts';
import type { T } from './ops-form.ts';
import { sponsoredPreview } from './pages.ts';
import type { Density } from './serving.ts';

/** A rate as the operator's language writes a percentage. */
export function percent(request: FastifyRequest, rate: number): string {
  const format = new Intl.NumberFormat(LOCALES[languageOf(request)], {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return format.format(rate);
}

const BAR = 16;
const GAP = 4;
const HEIGHT = 80;

/** One series as bars, one a day, scaled to its own highest day. */
function bars(label: string, days: DayMetrics[], value: (d: DayMetrics) => number, colour: string): Html {
  const top = Math.max(1, ...days.map(value));
  const width = days.length * (BAR + GAP);
  return html`<svg
    viewBox="0 0 ${width} ${HEIGHT + 14}"
    width="100%"
    height="${HEIGHT + 14}"
    preserveAspectRatio="none"
    role="img"
    aria-label="${label}"
  >
    ${days.map((d, i) => {
      const h = Math.round((value(d) / top) * HEIGHT);
      return html`<rect
        x="${i * (BAR + GAP)}"
        y="${HEIGHT - h}"
        width="${BAR}"
        height="${h}"
        fill="${colour}"
      >
        <title>${d.day}: ${value(d)}</title>
      </rect>`;
    })}
    <text x="0" y="${HEIGHT + 12}" font-size="10">${label} · max ${top}</text>
  </svg>`;
}

/**
 * The campaign's days as a graph drawn on the server (SVG, so it needs no script and
 * scales to a phone's width); the table under it has the same figures for reading.
 */
export function dayGraph(t: T, days: DayMetrics[]): Html {
  if (days.length === 0) return html`<p>${t('noFigures')}</p>`;
  return html`<figure class="graph ads-graph">
    <figcaption><h3>${t('graph')}</h3></figcaption>
    ${bars(t('impressions'), days, (d) => d.impressions, '#c2185b')}
    ${bars(t('clicks'), days, (d) => d.clicks, '#1565c0')}
  </figure>`;
}

/** The campaign's creatives as members would see them in each placement, counting nothing. */
export function previews(request: FastifyRequest, t: T, creatives: Creative[], density: Density): Html {
  const where = [
    { text: t('previewNews', { every: density.newsEvery }), on: true, list: 'cards news' },
    {
      text: t('previewAlerts', { count: density.alerts }),
      on: density.alerts > 0,
      list: 'cards sponsored-block',
    },
    {
      text: t('previewProfile', { count: density.profile }),
      on: density.profile > 0,
      list: 'cards sponsored-block',
    },
  ];
  return html`<h2>${t('preview')}</h2>
    ${where.map(
      (w) =>
        html`<section class="ad-preview">
          <h3>${w.text}</h3>
          ${w.on ? '' : html`<p>${t('placementOff')}</p>`}
          <ul class="${w.list}">
            ${creatives.map((c) => sponsoredPreview(request, c))}
          </ul>
        </section>`,
    )}`;
}
