import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  Problem,
  problems,
  readMultipart,
  refuseDeclaredTooLarge,
  type FieldProblem,
  type Http,
  type ModuleContext,
} from '@meetcute/core';
import { ImageRefused, PIXEL_LIMITS, siteImagePath } from '@meetcute/photos';
import {
  field,
  FORM_BODY_SCHEMA,
  formErrors,
  hidden,
  html,
  sendOpsPage,
  type FormBody,
  type Html,
} from '@meetcute/web';
import type { AdsCommands } from './commands.ts';
import type { CampaignStatus, CampaignTerms } from './events.ts';
import {
  metricsCsv,
  metricsOf,
  type CampaignMetrics,
  type DayMetrics,
  type PlacementMetrics,
} from './metrics.ts';
import type { OpsKey } from './ops-messages.ts';
import { dayGraph, percent, previews } from './ops-views.ts';
import { campaignForm, formFields, termsFromForm, tr, type T } from './ops-form.ts';
import { campaignOf, campaignsIn, type Campaign } from './memory.ts';
import type { AdsTables } from './store.ts';

const operator = { access: 'operator', kind: 'page' } as const;
const params = Type.Object({ campaignId: Type.String({ format: 'uuid' }) });

/** The campaign's terms as the form's fields, for editing. */
function formValues(terms: CampaignTerms): FormBody {
  const { targeting: t } = terms;
  const creative = terms.creatives[0]!;
  const last = new Date(new Date(terms.endsAt).getTime() - 86_400_000).toISOString();
  return {
    name: terms.name,
    advertiser: terms.advertiser,
    house: terms.house ? 'yes' : '',
    starts: terms.startsAt.slice(0, 10),
    ends: last.slice(0, 10),
    impressionBudget: String(terms.impressionBudget),
    dailyCap: String(terms.dailyCap),
    frequencyCap: String(terms.frequencyCap),
    genders: [...t.genders],
    minAge: t.minAge === null ? '' : String(t.minAge),
    maxAge: t.maxAge === null ? '' : String(t.maxAge),
    country: t.country ?? '',
    city: t.near?.label ?? '',
    radiusKm: t.near ? String(t.near.radiusKm) : '',
    languages: [...t.languages],
    interests: (t.interests ?? []).join(', '),
    headline: creative.headline,
    text: creative.text,
    url: creative.url,
    imageId: creative.image?.imageId ?? '',
  };
}

/** The header row of a table of counts, after the columns that say what each row is. */
function countsHead(t: T, first: OpsKey[], last: OpsKey[] = []): Html {
  return html`<thead>
    <tr>
      ${[...first, 'impressions', 'reached', 'clicks', 'clickThroughRate', ...last].map(
        (key) => html`<th scope="col">${t(key as OpsKey)}</th>`,
      )}
    </tr>
  </thead>`;
}

function countCells(request: FastifyRequest, d: Omit<DayMetrics, 'day'>): Html {
  return html`<td>${d.impressions}</td>
    <td>${d.reached}</td>
    <td>${d.clicks}</td>
    <td>${percent(request, d.clickThroughRate)}</td>`;
}

function metricsTable(request: FastifyRequest, t: T, metrics: CampaignMetrics): Html {
  return html`<div class="table-scroll">
    <table tabindex="0">
      <caption>
        ${t('byDay')}
      </caption>
      ${countsHead(t, ['day'], ['budgetLeft'])}
      <tbody>
        ${metrics.days.map(
          (d) =>
            html`<tr>
              <th scope="row">${d.day}</th>
              ${countCells(request, d)}
              <td>${d.budgetLeft}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Each placement's counts: in all, then by day. */
function placementsTable(request: FastifyRequest, t: T, placements: PlacementMetrics[]): Html {
  const name = (p: PlacementMetrics) => t(`placement_${p.placement}` as OpsKey);
  return html`<div class="table-scroll">
    <table tabindex="0">
      <caption>
        ${t('byPlacement')}
      </caption>
      ${countsHead(t, ['placement', 'day'])}
      <tbody>
        ${placements.map(
          (p) =>
            html`<tr>
                <th scope="row">${name(p)}</th>
                <td>${t('all')}</td>
                ${countCells(request, p)}
              </tr>
              ${p.days.map(
                (d) =>
                  html`<tr>
                    <th scope="row">${name(p)}</th>
                    <td>${d.day}</td>
                    ${countCells(request, d)}
                  </tr>`,
              )}`,
        )}
      </tbody>
    </table>
  </div>`;
}

function statusButtons(request: FastifyRequest, t: T, campaign: Campaign): Html {
  const to: CampaignStatus[] =
    campaign.status === 'active'
      ? ['paused', 'ended']
      : campaign.status === 'paused'
        ? ['active', 'ended']
        : [];
  const label = { active: t('resume'), paused: t('pause'), ended: t('end') };
  return html`${to.map(
    (status) =>
      html`<form method="post" action="/ops/ads/${campaign.campaignId}/status" class="inline">
        ${hidden(request)}<input type="hidden" name="status" value="${status}" /><button type="submit">
          ${label[status]}
        </button>
      </form>`,
  )}`;
}

async function campaignFound(ctx: ModuleContext<AdsTables>, campaignId: string): Promise<Campaign> {
  const campaign = await campaignOf(ctx.db, campaignId);
  if (!campaign) throw problems.notFound('This campaign');
  return campaign;
}

async function listPage(
  ctx: ModuleContext<AdsTables>,
  request: FastifyRequest,
  reply: FastifyReply,
  values: FormBody,
  errors?: FieldProblem[],
): Promise<FastifyReply> {
  const t = tr(request);
  const campaigns = await campaignsIn(ctx.db);
  const rows = await Promise.all(
    campaigns.map(async (c) => ({ c, m: await metricsOf(ctx.db, c.campaignId, c.terms.impressionBudget) })),
  );
  return sendOpsPage(
    request,
    reply,
    {
      title: t('ads'),
      section: 'ads',
      body: html`<div class="table-scroll">
          <table tabindex="0">
            <caption>
              ${t('campaigns')}
            </caption>
            ${countsHead(t, ['campaign', 'status'], ['budgetLeft'])}
            <tbody>
              ${rows.map(
                ({ c, m }) =>
                  html`<tr>
                    <th scope="row">
                      <a href="/ops/ads/${c.campaignId}">${c.terms.name}</a> (${c.terms.advertiser})
                    </th>
                    <td>${t(c.status)}</td>
                    ${countCells(request, m)}
                    <td>${m.budgetLeft}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <h2>${t('newCampaign')}</h2>
        ${campaignForm(request, '/ops/ads', values, errors, t('create'))}`,
    },
    errors ? 400 : 200,
  );
}

/** Files up to this many MB: the photos' cap, as the operator reads it. */
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * The creative's image: the one it shows, a form to upload another (the campaign is
 * saved with it), and one to remove it. Multipart, so apart from the campaign form, which
 * has more fields than a multipart form may.
 */
function imageSection(
  request: FastifyRequest,
  t: T,
  campaign: Campaign,
  maxBytes: number,
  errors: FieldProblem[] | undefined,
): Html {
  const id = campaign.campaignId;
  const image = campaign.terms.creatives[0]?.image;
  return html`<section aria-labelledby="image" class="card">
    <h2 id="image">${t('image')}</h2>
    ${formErrors(errors, t('fix'))}
    ${
      image
        ? html`<p>${t('imageCurrent')}</p>
            <img src="${siteImagePath(image.imageId, 'thumb')}" width="120" height="120" alt="" />`
        : html`<p>${t('imageNone')}</p>`
    }
    <form method="post" action="/ops/ads/${id}/image" enctype="multipart/form-data">
      ${hidden(request)}
      ${field({
        name: 'image',
        label: t('imageFile'),
        type: 'file',
        hint: t('imageHint', { mb: megabytes(maxBytes) }),
        required: true,
        errors,
        attrs: html`accept="image/jpeg,image/png,image/webp,image/avif"`,
      })}
      <button type="submit">${t('imageUpload')}</button>
    </form>
    ${
      image
        ? html`<form method="post" action="/ops/ads/${id}/image/remove">
            ${hidden(request)}<button type="submit" class="secondary">${t('imageRemove')}</button>
          </form>`
        : ''
    }
  </section>`;
}

/** Why an image was not kept, in the operator's language (the commands answer the API in English). */
function imageProblem(t: T, error: Problem, maxBytes: number): FieldProblem[] {
  const say = (message: string) => [{ field: 'image', message }];
  if (error instanceof ImageRefused) {
    if (error.reason === 'heic') return say(t('imageHeic'));
    if (error.reason === 'unsupported-image') return say(t('imageNotOne'));
    const { maxSide: side, maxPixels } = PIXEL_LIMITS;
    return say(t('imageTooManyPixels', { side, mp: maxPixels / 1_000_000 }));
  }
  if (error.status === 413) return say(t('imageTooLarge', { mb: megabytes(maxBytes) }));
  if (error.errors?.some((e) => e.field === 'image')) return say(t('imageMissing'));
  return say(error.detail ?? error.title);
}

/** What the campaign page shows besides the campaign: a form sent back with what to fix. */
interface Sent {
  edit?: { values: FormBody; errors: FieldProblem[] };
  image?: { errors: FieldProblem[]; status: number };
}

async function campaignPage(
  ctx: ModuleContext<AdsTables>,
  request: FastifyRequest,
  reply: FastifyReply,
  campaign: Campaign,
  sent: Sent = {},
): Promise<FastifyReply> {
  const { edit, image } = sent;
  const t = tr(request);
  const { terms } = campaign;
  const m = await metricsOf(ctx.db, campaign.campaignId, terms.impressionBudget);
  const id = campaign.campaignId;
  return sendOpsPage(
    request,
    reply,
    {
      title: terms.name,
      section: 'ads',
      body: html`<p>
          ${terms.advertiser}${terms.house ? ` · ${t('houseCampaign')}` : ''} · ${t('status')}:
          <strong>${t(campaign.status)}</strong>
        </p>
        ${statusButtons(request, t, campaign)}
        <dl class="metrics">
          <dt>${t('impressions')}</dt>
          <dd>${m.impressions}</dd>
          <dt>${t('reached')}</dt>
          <dd>${m.reached}</dd>
          <dt>${t('clicks')}</dt>
          <dd>${m.clicks}</dd>
          <dt>${t('clickThroughRate')}</dt>
          <dd>${percent(request, m.clickThroughRate)}</dd>
          <dt>${t('budgetLeft')}</dt>
          <dd>${t('budgetOf', { left: m.budgetLeft, budget: terms.impressionBudget })}</dd>
        </dl>
        ${dayGraph(t, m.days)} ${metricsTable(request, t, m)} ${placementsTable(request, t, m.placements)}
        <p><a href="/ops/ads/${id}/metrics.csv" download>${t('download')}</a></p>
        ${previews(request, t, terms.creatives, ctx.config.ads)}
        ${imageSection(request, t, campaign, ctx.config.photos.maxBytes, image?.errors)}
        <h2>${t('change')}</h2>
        ${campaignForm(request, `/ops/ads/${id}`, edit?.values ?? formValues(terms), edit?.errors, t('save'))}`,
    },
    image?.status ?? (edit ? 400 : 200),
  );
}

/** The fields to fix, when the error is bad input (or an image never uploaded); anything else goes on up. */
function fieldErrors(error: unknown, t: T): FieldProblem[] {
  if (error instanceof Problem && (error.status === 400 || error.status === 422) && error.errors)
    return formFields(error.errors, t);
  throw error;
}

export function opsPages(http: Http, ctx: ModuleContext<AdsTables>, commands: AdsCommands): void {
  http.get('/ops/ads', { config: operator, schema: { hide: true } }, (request, reply) =>
    listPage(ctx, request, reply, { frequencyCap: '3', dailyCap: '1000' }),
  );
  http.post(
    '/ops/ads',
    { config: operator, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const { terms, problems: found } = termsFromForm(request.body, tr(request));
      if (found.length > 0) return listPage(ctx, request, reply, request.body, found);
      try {
        const campaignId = await commands.create(request.viewer!.memberId, terms);
        return reply.redirect(`/ops/ads/${campaignId}`, 303);
      } catch (error) {
        return listPage(ctx, request, reply, request.body, fieldErrors(error, tr(request)));
      }
    },
  );
  http.get(
    '/ops/ads/:campaignId',
    { config: operator, schema: { hide: true, params } },
    async (request, reply) =>
      campaignPage(ctx, request, reply, await campaignFound(ctx, request.params.campaignId)),
  );
  http.post(
    '/ops/ads/:campaignId',
    { config: operator, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const campaign = await campaignFound(ctx, request.params.campaignId);
      const { terms, problems: found } = termsFromForm(request.body, tr(request));
      const edit = (errors: FieldProblem[]) =>
        campaignPage(ctx, request, reply, campaign, { edit: { values: request.body, errors } });
      if (found.length > 0) return edit(found);
      try {
        await commands.edit(request.viewer!.memberId, campaign.campaignId, terms);
      } catch (error) {
        return edit(fieldErrors(error, tr(request)));
      }
      return reply.redirect(`/ops/ads/${campaign.campaignId}`, 303);
    },
  );
  imagePages(http, ctx, commands);
  http.post(
    '/ops/ads/:campaignId/status',
    { config: operator, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const status = request.body.status;
      if (status !== 'active' && status !== 'paused' && status !== 'ended')
        throw problems.invalid([{ field: 'status', message: tr(request)('statusBad') }]);
      await commands.setStatus(request.viewer!.memberId, request.params.campaignId, status);
      return reply.redirect(`/ops/ads/${request.params.campaignId}`, 303);
    },
  );
  http.get(
    '/ops/ads/:campaignId/metrics.csv',
    { config: operator, schema: { hide: true, params } },
    async (request, reply) => {
      const campaign = await campaignFound(ctx, request.params.campaignId);
      const csv = metricsCsv(await metricsOf(ctx.db, campaign.campaignId, campaign.terms.impressionBudget));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="campaign-${campaign.campaignId}.csv"`)
        .send(csv);
    },
  );
}

/** The creative's image from the campaign's page: upload one (the campaign is saved with it), or remove it. */
function imagePages(http: Http, ctx: ModuleContext<AdsTables>, commands: AdsCommands): void {
  const maxBytes = ctx.config.photos.maxBytes;
  http.post(
    '/ops/ads/:campaignId/image',
    { config: { ...operator, multipart: true }, schema: { hide: true, params } },
    async (request, reply) => {
      const campaign = await campaignFound(ctx, request.params.campaignId);
      const operatorId = request.viewer!.memberId;
      try {
        // Checked here rather than before the operator is known, so the answer is their page saying so.
        refuseDeclaredTooLarge(request, reply, maxBytes);
        const { file } = await readMultipart(request, { maxFileBytes: maxBytes });
        const image = await commands.uploadImage(operatorId, file);
        await commands.setImage(operatorId, campaign.campaignId, image.imageId);
      } catch (error) {
        // What the operator can fix (no file, its type, size or pixels) is said on the page.
        if (error instanceof Problem && error.status !== 403 && error.status !== 404) {
          const errors = imageProblem(tr(request), error, maxBytes);
          return campaignPage(ctx, request, reply, campaign, { image: { errors, status: error.status } });
        }
        throw error;
      }
      return reply.redirect(`/ops/ads/${campaign.campaignId}#image`, 303);
    },
  );
  http.post(
    '/ops/ads/:campaignId/image/remove',
    { config: operator, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.setImage(request.viewer!.memberId, request.params.campaignId, null);
      return reply.redirect(`/ops/ads/${request.params.campaignId}#image`, 303);
    },
  );
}
