import { emitted, given, useCase, type ExpectedEvent, type Given, type When } from '@meetcute/core';
import { approved, HEIC, nancy, otto, PHONE_JPEG, PIXEL_BOMB, WEB_PAGE } from '@meetcute/cast';
import {
  AdsShown,
  CampaignCreated,
  CampaignEdited,
  CreativeImageUploaded,
  type CampaignTerms,
  type CreativeImage,
} from './events.ts';
import { body, CAMPAIGN, create, HEADLINE, news, running, sailing, URL } from './use-cases.kit.ts';

const PROBLEMS = 'https://meetcute.dev/problems/';
const IMAGE = '00000000-0000-7000-8000-00000000ad10';
const NEVER_UPLOADED = '00000000-0000-7000-8000-00000000ad11';

/** A picture Otto uploaded, as cards show it. */
const PICTURE: CreativeImage = { imageId: IMAGE, width: 640, height: 400 };
const pictureUploaded = given(
  CreativeImageUploaded,
  { ...PICTURE, operatorId: otto.memberId },
  { actorId: otto.memberId },
);
const illustrated: CampaignTerms = { ...sailing, creatives: [{ ...sailing.creatives[0]!, image: PICTURE }] };
/** The sailing campaign running with Otto's picture. */
const runningIllustrated = (): Given[] => [pictureUploaded, ...running(illustrated)];

/**
 * A campaign event whose first creative shows `image` (undefined: none), with `terms`
 * besides. The creative's other fields, its new id among them, are not what these cases
 * are about, and `emitted` would want the creatives whole.
 */
const showing = (
  event: typeof CampaignCreated | typeof CampaignEdited,
  image: Partial<CreativeImage> | undefined,
  terms: Partial<CampaignTerms> = {},
): ExpectedEvent => ({ event, payload: { terms: { ...terms, creatives: [{ image }] } } });

/** Otto (or whoever) uploads a file as a picture for creatives. */
const uploadPicture = (as: string, bytes: Buffer, filename = 'boat.jpg'): When => ({
  as,
  method: 'POST',
  url: '/api/v1/ads/images',
  body: {},
  upload: { field: 'image', filename, contentType: 'image/jpeg', bytes },
});
/** The same from the campaign's page in the console. */
const uploadOnPage = (bytes: Buffer, headers: Record<string, string> = {}): When => ({
  ...uploadPicture(otto.memberId, bytes),
  url: `/ops/ads/${CAMPAIGN}/image`,
  headers,
});
const edit = (sent: unknown): When => ({
  as: otto.memberId,
  method: 'PUT',
  url: `/api/v1/ads/campaigns/${CAMPAIGN}`,
  body: sent,
});
const creative = body.creatives[0]!;

export const pictureUploadUseCases = [
  useCase({
    title:
      'Otto uploads a phone photo as an ad’s picture: kept upright, and what cards show is what the event says',
    given: approved(otto),
    when: uploadPicture(otto.memberId, PHONE_JPEG),
    then: {
      status: 201,
      body: {
        width: 4,
        height: 8,
        sizes: {
          thumb: { width: 240, height: 240 },
          profile: { width: 4, height: 8 },
          full: { width: 4, height: 8 },
        },
      },
      events: [emitted(CreativeImageUploaded, { operatorId: otto.memberId, width: 4, height: 8 })],
    },
  }),
  useCase({
    title:
      'The picture is served to anyone as WebP, re-encoded without the camera’s make or position, and kept for good by browsers',
    given: approved(otto),
    before: [uploadPicture(otto.memberId, PHONE_JPEG)],
    when: { method: 'GET', url: '/images/{imageId}/full' },
    then: {
      status: 200,
      headers: {
        'content-type': 'image/webp',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
      page: ['RIFF', 'WEBP'],
      pageLacks: ['PhoneMaker', 'Exif'],
    },
    endpoint: 'GET /images/:imageId/:size',
  }),
  useCase({
    title: 'A web page named boat.jpg is not taken for a picture: the bytes decide',
    given: approved(otto),
    when: uploadPicture(otto.memberId, WEB_PAGE),
    then: {
      status: 415,
      body: { type: `${PROBLEMS}unsupported-image`, detail: 'Upload a JPEG, PNG, WebP or AVIF image.' },
    },
  }),
  useCase({
    title: 'An upload without a file names the missing image',
    given: approved(otto),
    when: {
      ...uploadPicture(otto.memberId, Buffer.alloc(0)),
      upload: { field: 'other', filename: 'x', contentType: 'text/plain', bytes: Buffer.alloc(0) },
    },
    then: { status: 400, body: { errors: [{ field: 'image', message: 'Choose an image to upload.' }] } },
  }),
  useCase({
    title: 'A member who is not an operator cannot upload an ad’s picture',
    given: approved(nancy),
    when: uploadPicture(nancy.memberId, PHONE_JPEG),
    then: { status: 403 },
  }),
];

export const pictureCampaignUseCases = [
  useCase({
    title: 'Otto creates a campaign whose creative shows the picture he uploaded',
    given: [...approved(otto), pictureUploaded],
    when: create(otto.memberId, { ...body, creatives: [{ ...creative, imageId: IMAGE }] }),
    then: { status: 201, events: [showing(CampaignCreated, PICTURE)] },
  }),
  useCase({
    title: 'A creative naming a picture that was never uploaded is refused, naming the field',
    given: [...approved(otto), pictureUploaded],
    when: create(otto.memberId, { ...body, creatives: [{ ...creative, imageId: NEVER_UPLOADED }] }),
    then: {
      status: 422,
      body: { type: `${PROBLEMS}unknown-image`, errors: [{ field: 'creatives.0.imageId' }] },
    },
  }),
  useCase({
    title:
      'Nancy’s news shows the ad’s picture, its size reserved, described by the headline and leading where the headline does',
    given: runningIllustrated(),
    when: news(nancy.memberId),
    then: {
      status: 200,
      page: [
        'class="ad-image"',
        `src="/images/${IMAGE}/profile"`,
        'width="640"',
        'height="400"',
        `alt="${HEADLINE}"`,
        'loading="lazy"',
      ],
      events: [emitted(AdsShown, { impressions: [{ campaignId: CAMPAIGN, memberId: nancy.memberId }] })],
    },
  }),
  useCase({
    title: 'An ad without a picture shows none',
    given: running(),
    when: news(nancy.memberId),
    then: { status: 200, page: [HEADLINE], pageLacks: ['ad-image', '/images/'], events: [emitted(AdsShown)] },
  }),
  useCase({
    title: 'An edit that names no picture keeps the one the creative had, though the creative gets a new id',
    given: runningIllustrated(),
    when: edit({ ...body, dailyCap: 50 }),
    then: {
      status: 204,
      events: [showing(CampaignEdited, PICTURE, { dailyCap: 50 })],
    },
    endpoint: 'PUT /api/v1/ads/campaigns/:campaignId',
  }),
  useCase({
    title: 'An edit naming no picture (null) takes it away',
    given: runningIllustrated(),
    when: edit({ ...body, creatives: [{ ...creative, imageId: null }] }),
    then: { status: 204, events: [showing(CampaignEdited, undefined)] },
    endpoint: 'PUT /api/v1/ads/campaigns/:campaignId',
  }),
  useCase({
    title: 'An edit naming a picture that was never uploaded is refused',
    given: runningIllustrated(),
    when: edit({ ...body, creatives: [{ ...creative, imageId: NEVER_UPLOADED }] }),
    then: { status: 422, body: { errors: [{ field: 'creatives.0.imageId' }] } },
    endpoint: 'PUT /api/v1/ads/campaigns/:campaignId',
  }),
];

/** The sailing campaign as the console's form sends it, with the picture it carries. */
const sailingForm = {
  name: 'Summer sailing',
  advertiser: 'Saltsjön Boats',
  starts: '2026-05-01',
  ends: '2026-06-30',
  impressionBudget: '1000',
  dailyCap: '100',
  frequencyCap: '3',
  genders: 'woman',
  minAge: '25',
  maxAge: '35',
  country: 'SE',
  city: 'Stockholm, Sweden',
  radiusKm: '30',
  headline: HEADLINE,
  text: 'Boats for two, by the day.',
  url: URL,
  imageId: IMAGE,
};
const saveForm = (sent: Record<string, string>): When => ({
  as: otto.memberId,
  method: 'POST',
  url: `/ops/ads/${CAMPAIGN}`,
  form: true,
  body: sent,
});

const PIXEL_LIMIT = 'up to 12000 pixels on a side and 50 megapixels';

export const pictureConsoleUseCases = [
  useCase({
    title: 'On the campaign’s page Otto uploads a picture, and the campaign is saved with it',
    given: running(),
    when: uploadOnPage(PHONE_JPEG),
    then: {
      status: 303,
      location: `/ops/ads/${CAMPAIGN}#image`,
      events: [
        emitted(CreativeImageUploaded, { operatorId: otto.memberId, width: 4, height: 8 }),
        showing(CampaignEdited, { width: 4, height: 8 }),
      ],
    },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title:
      'The campaign’s page shows its picture, previews it in each placement, and its form carries it so that saving keeps it',
    given: runningIllustrated(),
    when: { as: otto.memberId, method: 'GET', url: `/ops/ads/${CAMPAIGN}` },
    then: {
      status: 200,
      page: [
        'The ad shows this image above its headline.',
        `/images/${IMAGE}/thumb`,
        `src="/images/${IMAGE}/profile"`,
        `name="imageId" value="${IMAGE}"`,
        'enctype="multipart/form-data"',
        'Remove the image',
      ],
    },
    endpoint: 'GET /ops/ads/:campaignId',
  }),
  useCase({
    title: 'Saving the campaign’s form keeps its picture',
    given: runningIllustrated(),
    when: saveForm({ ...sailingForm, dailyCap: '50' }),
    then: {
      status: 303,
      location: `/ops/ads/${CAMPAIGN}`,
      events: [showing(CampaignEdited, PICTURE, { dailyCap: 50 })],
    },
    endpoint: 'POST /ops/ads/:campaignId',
  }),
  useCase({
    title: 'A picture id in the form naming no picture uploaded is dropped, and the form says what to do',
    given: runningIllustrated(),
    when: saveForm({ ...sailingForm, imageId: NEVER_UPLOADED }),
    then: {
      status: 400,
      page: ['The image was not found, so it is left out', 'name="imageId" value=""'],
    },
    endpoint: 'POST /ops/ads/:campaignId',
  }),
  useCase({
    title: 'In Swedish, a forged picture id in the form is refused in Swedish',
    given: runningIllustrated(),
    when: {
      ...saveForm({ ...sailingForm, imageId: '../../photos/x' }),
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 400, page: ['Bilden hittades inte och utelämnas'] },
    endpoint: 'POST /ops/ads/:campaignId',
  }),
  useCase({
    title: 'Otto removes the picture: the campaign is saved without it',
    given: runningIllustrated(),
    when: {
      as: otto.memberId,
      method: 'POST',
      url: `/ops/ads/${CAMPAIGN}/image/remove`,
      form: true,
      body: {},
    },
    then: {
      status: 303,
      location: `/ops/ads/${CAMPAIGN}#image`,
      events: [showing(CampaignEdited, undefined)],
    },
    endpoint: 'POST /ops/ads/:campaignId/image/remove',
  }),
  useCase({
    title: 'A file that is not an image is explained on the campaign’s page',
    given: running(),
    when: uploadOnPage(WEB_PAGE),
    then: { status: 415, page: ['This is not an image we can use.', 'Summer sailing'] },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title: 'In Finnish, an iPhone HEIC file is explained with how to export it as JPEG',
    given: running(),
    when: uploadOnPage(HEIC, { 'accept-language': 'fi' }),
    then: { status: 415, page: ['HEIC-kuvia ei voi lukea täällä.'] },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title: 'An image with too many pixels is explained with the limits',
    given: running(),
    when: uploadOnPage(PIXEL_BOMB),
    then: { status: 422, page: [PIXEL_LIMIT] },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title: 'In Swedish, a file declared too large is explained before it is read',
    given: running(),
    when: uploadOnPage(PHONE_JPEG, { 'content-length': String(200 * 1024 * 1024), 'accept-language': 'sv' }),
    then: { status: 413, page: ['Filer på högst 15 MB godtas.'] },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title: 'Sending the picture form without a file says to choose one',
    given: running(),
    when: {
      ...uploadOnPage(PHONE_JPEG),
      upload: {
        field: 'image',
        filename: '',
        contentType: 'application/octet-stream',
        bytes: Buffer.alloc(0),
      },
    },
    then: { status: 400, page: ['Choose an image to upload.'] },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
  useCase({
    title: 'Nancy cannot change a campaign’s picture',
    given: running(),
    when: { ...uploadOnPage(PHONE_JPEG), as: nancy.memberId },
    then: { status: 403 },
    endpoint: 'POST /ops/ads/:campaignId/image',
  }),
];

export const pictureUseCases = [
  ...pictureUploadUseCases,
  ...pictureCampaignUseCases,
  ...pictureConsoleUseCases,
];
