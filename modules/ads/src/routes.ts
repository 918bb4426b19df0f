import { Type, type Static } from 'typebox';
import {
  ProblemSchema as Problem,
  readMultipart,
  refuseLargeUploads,
  type Http,
  type ModuleContext,
} from '@meetcute/core';
import { siteImagePath } from '@meetcute/photos';
import { LanguageSchema } from '@meetcute/web';
import type { AdsCommands } from './commands.ts';
import { CampaignStatus } from './events.ts';
import { metricsOf } from './metrics.ts';
import { campaignsIn } from './memory.ts';
import type { AdsTables } from './store.ts';

const Gender = Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('nonbinary')]);
const Age = Type.Union([Type.Integer({ minimum: 18, maximum: 120 }), Type.Null()]);

/** A campaign's terms as an operator sends them; the place is named, and creatives get ids when kept. */
export const TermsBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  advertiser: Type.String({ maxLength: 200 }),
  house: Type.Boolean({ default: false }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  impressionBudget: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  dailyCap: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  frequencyCap: Type.Integer({
    minimum: 1,
    maximum: 1000,
    description: 'Impressions a member gets of it a day',
  }),
  targeting: Type.Object({
    genders: Type.Array(Gender, { uniqueItems: true, maxItems: 3 }),
    minAge: Age,
    maxAge: Age,
    country: Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()]),
    near: Type.Union([
      Type.Object({
        city: Type.String({
          maxLength: 200,
          description: 'A place as members pick it, e.g. "Stockholm, Sweden"',
        }),
        radiusKm: Type.Integer({ minimum: 1, maximum: 5000 }),
      }),
      Type.Null(),
    ]),
    languages: Type.Array(LanguageSchema, { uniqueItems: true, maxItems: 3 }),
    interests: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 20,
        description: 'Members with at least one of these interests, e.g. "sailing"; none: anyone',
      }),
    ),
  }),
  creatives: Type.Array(
    Type.Object({
      headline: Type.String({ maxLength: 120 }),
      text: Type.String({ maxLength: 500 }),
      url: Type.String({ maxLength: 2000, description: 'Where a click leads: https:// or http://' }),
      imageId: Type.Optional(
        Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
          description:
            'A picture uploaded with POST /api/v1/ads/images, shown above the headline; null: none. Left out on an edit, the creative keeps the image the creative in its place had.',
        }),
      ),
    }),
    { minItems: 1, maxItems: 10 },
  ),
});
export type TermsBody = Static<typeof TermsBody>;

const Counts = Type.Object({
  impressions: Type.Integer(),
  reached: Type.Integer({ description: 'Members shown it, each once' }),
  clicks: Type.Integer(),
  clickThroughRate: Type.Number(),
});

const Metrics = Type.Intersect([
  Counts,
  Type.Object({ budgetLeft: Type.Integer({ description: 'Impressions left of the budget' }) }),
]);

const DayMetrics = Type.Intersect([
  Type.Object({ day: Type.String({ description: 'YYYY-MM-DD (UTC)' }) }),
  Counts,
]);

const PlacementMetrics = Type.Intersect([
  Type.Object({ placement: Type.String({ description: 'news, alerts or profile' }) }),
  Counts,
  Type.Object({ days: Type.Array(DayMetrics) }),
]);

const params = Type.Object({ campaignId: Type.String({ format: 'uuid' }) });
const operator = { access: 'operator', kind: 'api' } as const;

const Size = Type.Object({ width: Type.Integer(), height: Type.Integer() });

/** An operator uploads a picture for creatives; campaigns then name it by its id. */
function imageUpload(http: Http, ctx: ModuleContext<AdsTables>, commands: AdsCommands): void {
  const maxBytes = ctx.config.photos.maxBytes;
  http.post(
    '/api/v1/ads/images',
    {
      config: { ...operator, multipart: true },
      onRequest: refuseLargeUploads(maxBytes),
      schema: {
        summary:
          'Upload a picture for creatives (operators; multipart/form-data: the file as `image`, and the CSRF token as the first field `_csrf` or the X-CSRF-Token header). JPEG, PNG, WebP or AVIF, checked and re-encoded as members’ photos are (upright, metadata stripped, WebP); name its `imageId` in a creative.',
        tags: ['ads'],
        response: {
          201: Type.Object({
            imageId: Type.String({ format: 'uuid' }),
            width: Type.Integer({ description: 'As cards show it' }),
            height: Type.Integer({ description: 'As cards show it' }),
            sizes: Type.Object({ thumb: Size, profile: Size, full: Size }),
            urls: Type.Object({ thumb: Type.String(), profile: Type.String(), full: Type.String() }),
          }),
          400: Problem,
          413: Problem,
          415: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      const { file } = await readMultipart(request, { maxFileBytes: maxBytes });
      const image = await commands.uploadImage(request.viewer!.memberId, file);
      const url = (size: 'thumb' | 'profile' | 'full') => siteImagePath(image.imageId, size);
      return reply
        .code(201)
        .send({ ...image, urls: { thumb: url('thumb'), profile: url('profile'), full: url('full') } });
    },
  );
}

export function adsRoutes(http: Http, ctx: ModuleContext<AdsTables>, commands: AdsCommands): void {
  http.post(
    '/api/v1/ads/campaigns',
    {
      config: operator,
      schema: {
        summary: 'Create an ad campaign (operators)',
        tags: ['ads'],
        body: TermsBody,
        response: { 201: Type.Object({ campaignId: Type.String() }), 400: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const campaignId = await commands.create(request.viewer!.memberId, request.body);
      return reply.code(201).send({ campaignId });
    },
  );
  http.put(
    '/api/v1/ads/campaigns/:campaignId',
    {
      config: operator,
      schema: {
        summary: 'Change a campaign’s terms (operators)',
        tags: ['ads'],
        params,
        body: TermsBody,
        response: { 204: Type.Null(), 400: Problem, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      await commands.edit(request.viewer!.memberId, request.params.campaignId, request.body);
      return reply.code(204).send(null);
    },
  );
  http.post(
    '/api/v1/ads/campaigns/:campaignId/status',
    {
      config: operator,
      schema: {
        summary: 'Pause, resume or end a campaign (operators)',
        tags: ['ads'],
        params,
        body: Type.Object({ status: CampaignStatus }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await commands.setStatus(request.viewer!.memberId, request.params.campaignId, request.body.status);
      return reply.code(204).send(null);
    },
  );
  imageUpload(http, ctx, commands);
  campaignList(http, ctx);
}

/** Every campaign with its counts, for operators and their tools. */
function campaignList(http: Http, ctx: ModuleContext<AdsTables>): void {
  http.get(
    '/api/v1/ads/campaigns',
    {
      config: operator,
      schema: {
        summary: 'Every campaign with its counts (operators)',
        tags: ['ads'],
        response: {
          200: Type.Object({
            campaigns: Type.Array(
              Type.Object({
                campaignId: Type.String(),
                name: Type.String(),
                advertiser: Type.String(),
                status: CampaignStatus,
                metrics: Type.Intersect([
                  Metrics,
                  Type.Object({
                    days: Type.Array(
                      Type.Intersect([
                        DayMetrics,
                        Type.Object({
                          budgetLeft: Type.Integer({ description: 'Impressions left at the day’s end' }),
                        }),
                      ]),
                    ),
                    placements: Type.Array(PlacementMetrics),
                  }),
                ]),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      campaigns: await Promise.all(
        (await campaignsIn(ctx.db)).map(async (c) => ({
          campaignId: c.campaignId,
          name: c.terms.name,
          advertiser: c.terms.advertiser,
          status: c.status,
          metrics: await metricsOf(ctx.db, c.campaignId, c.terms.impressionBudget),
        })),
      ),
    }),
  );
}
