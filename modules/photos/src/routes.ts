import { Type } from 'typebox';
import {
  problems,
  ProblemSchema as Problem,
  readMultipart,
  refuseLargeUploads,
  type Http,
  type View,
  type Viewer,
} from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import type { Faces } from './faces.ts';
import type { ProfileDirectory } from '@meetcute/profile';
import { photoPath, reviewDecisionApi } from '@meetcute/web';
import type { Commands } from './commands.ts';
import { Album, Sizes } from './events.ts';
import type { PhotoStorage } from './storage.ts';
import type { Renderer } from './renderer.ts';
import { reviewQueue, unlockedFor, type PhotosDb } from './store.ts';
import type { Albums, PhotoView } from './views.ts';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);

const PhotoSchema = Type.Object({
  photoId: Type.String({ format: 'uuid' }),
  ownerId: Type.String({ format: 'uuid' }),
  album: Album,
  status: Status,
  reason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why a moderator rejected it (owner only)',
  }),
  sizes: Sizes,
  urls: Type.Object({ thumb: Type.String(), profile: Type.String(), full: Type.String() }),
  likes: Type.Integer(),
  likedByMe: Type.Boolean(),
  isPortrait: Type.Boolean(),
  uploadedAt: Type.String({ format: 'date-time' }),
});

const PhotoParams = Type.Object({ photoId: Type.String({ format: 'uuid' }) });
const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });
const LikeAnswer = Type.Object({ likes: Type.Integer(), likedByMe: Type.Boolean() });

function show(p: PhotoView, viewer: Viewer) {
  return {
    photoId: p.photoId,
    ownerId: p.ownerId,
    album: p.album,
    status: p.status,
    reason: viewer.memberId === p.ownerId ? p.reason : null,
    sizes: p.sizes,
    urls: {
      thumb: photoPath(p.photoId, 'thumb'),
      profile: photoPath(p.photoId, 'profile'),
      full: photoPath(p.photoId, 'full'),
    },
    likes: p.likes,
    likedByMe: p.likedByMe,
    isPortrait: p.isPortrait,
    uploadedAt: p.uploadedAt,
  };
}

export interface RouteDeps {
  db: PhotosDb;
  commands: Commands;
  albums: Albums;
  storage: PhotoStorage;
  /** Makes an imported photo's files when a page asks for one before the background did. */
  renderer: Pick<Renderer, 'ensure'>;
  profiles: ProfileDirectory;
  /** The module's blocks, asked in memory. */
  blocks: Blocks;
  /** Who the front page shows: a visitor may see their portraits, and only theirs. */
  faces: Faces;
  /** Each member's portrait, in memory (portraits.ts). */
  portraits: View<string>;
  maxBytes: number;
}

const member = { access: 'member', kind: 'api' } as const;
const approved = { access: 'approved', kind: 'api' } as const;
const moderator = { access: 'moderator', kind: 'api' } as const;

/** The photos API: uploads, albums, the portrait, likes, private album unlocks, and review. */
export function photoRoutes(http: Http, deps: RouteDeps): void {
  uploadRoute(http, deps);
  albumRoutes(http, deps);
  portraitRoute(http, deps.commands);
  likeRoutes(http, deps.commands);
  unlockRoutes(http, deps);
  reviewQueueRoute(http, deps.db);
  reviewDecisionRoutes(http, deps.commands);
}

function uploadRoute(http: Http, { commands, albums, maxBytes }: RouteDeps): void {
  http.post(
    '/api/v1/photos',
    {
      config: { ...member, multipart: true },
      onRequest: refuseLargeUploads(maxBytes),
      schema: {
        summary:
          'Upload a photo (multipart/form-data: the file as `photo`, `album` public or private, `portrait` to make it my portrait, and the CSRF token as the first field `_csrf` or the X-CSRF-Token header). JPEG, PNG, WebP or AVIF; it waits for review.',
        tags: ['photos'],
        response: { 201: PhotoSchema, 409: Problem, 413: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const viewer = request.viewer!;
      const { fields, file } = await readMultipart(request, { maxFileBytes: maxBytes });
      const photo = await commands.upload(viewer.memberId, {
        file,
        album: fields.album ?? '',
        portrait: fields.portrait === 'true' || fields.portrait === 'on',
      });
      const view = (await albums.mine(viewer.memberId)).find((p) => p.photoId === photo.photoId)!;
      return reply.code(201).send(show(view, viewer));
    },
  );
}

/** My photos, a member's photos I may see, and deleting one of mine. */
function albumRoutes(http: Http, { commands, albums, profiles, blocks }: RouteDeps): void {
  http.get(
    '/api/v1/photos',
    {
      config: member,
      schema: {
        summary: 'My photos in both albums, in every state (a rejected one with its reason), oldest first',
        tags: ['photos'],
        response: { 200: Type.Object({ photos: Type.Array(PhotoSchema) }), 403: Problem },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      return { photos: (await albums.mine(viewer.memberId)).map((p) => show(p, viewer)) };
    },
  );

  http.get(
    '/api/v1/members/:memberId/photos',
    {
      config: approved,
      schema: {
        summary:
          'A member’s photos I may see: their approved public photos, and their private ones if they unlocked them for me',
        tags: ['photos'],
        params: MemberParams,
        response: { 200: Type.Object({ photos: Type.Array(PhotoSchema) }), 404: Problem },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const ownerId = request.params.memberId;
      const exists = viewer.memberId === ownerId || (await profiles.get(ownerId)) !== undefined;
      if (!exists || (await blocks.between(viewer.memberId, ownerId))) throw problems.notFound('This member');
      return { photos: (await albums.of(viewer, ownerId)).map((p) => show(p, viewer)) };
    },
  );

  http.delete(
    '/api/v1/photos/:photoId',
    {
      config: member,
      schema: {
        summary: 'Delete one of my photos: every size, its likes, and my portrait if it was that photo',
        tags: ['photos'],
        params: PhotoParams,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await commands.delete(request.viewer!.memberId, request.params.photoId);
      return reply.code(204).send(null);
    },
  );
}

function portraitRoute(http: Http, commands: Commands): void {
  http.put(
    '/api/v1/portrait',
    {
      config: member,
      schema: {
        summary: 'Choose my portrait from my public photos (null: none). Others see it once it is approved.',
        tags: ['photos'],
        body: Type.Object({ photoId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }),
        response: { 200: Type.Object({ photoId: Type.Union([Type.String(), Type.Null()]) }), 404: Problem },
      },
    },
    async (request) => {
      await commands.choosePortrait(request.viewer!.memberId, request.body.photoId);
      return { photoId: request.body.photoId };
    },
  );
}

/** Liking a member's photo (PUT) and taking the like back (DELETE). */
function likeRoutes(http: Http, commands: Commands): void {
  const like = (method: 'PUT' | 'DELETE') =>
    http.route({
      method,
      url: '/api/v1/photos/:photoId/like',
      config: approved,
      schema: {
        summary: method === 'PUT' ? 'Like a member’s photo (once)' : 'Take back my like of a photo',
        tags: ['photos'],
        params: PhotoParams,
        response: { 200: LikeAnswer, 404: Problem, 409: Problem },
      },
      handler: async (request) => {
        const { photoId } = request.params;
        const memberId = request.viewer!.memberId;
        const likes =
          method === 'PUT'
            ? await commands.like(memberId, photoId)
            : await commands.unlike(memberId, photoId);
        return { likes, likedByMe: method === 'PUT' };
      },
    });
  like('PUT');
  like('DELETE');
}

/** Who may see my private album: the list, and opening (PUT) or locking (DELETE) it for a member. */
function unlockRoutes(http: Http, { db, commands, profiles }: RouteDeps): void {
  http.get(
    '/api/v1/photos/unlocks',
    {
      config: approved,
      schema: {
        summary: 'Who may see my private album, earliest first',
        tags: ['photos'],
        response: {
          200: Type.Object({
            members: Type.Array(
              Type.Object({
                memberId: Type.String(),
                nickname: Type.String(),
                unlockedAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const unlocked = await unlockedFor(db, request.viewer!.memberId);
      const members = [];
      for (const u of unlocked) {
        const profile = await profiles.get(u.memberId);
        if (profile) members.push({ memberId: u.memberId, nickname: profile.nickname, unlockedAt: u.at });
      }
      return { members };
    },
  );

  const unlock = (method: 'PUT' | 'DELETE') =>
    http.route({
      method,
      url: '/api/v1/photos/unlocks/:memberId',
      config: approved,
      schema: {
        summary:
          method === 'PUT' ? 'Let a member see my private album' : 'Lock my private album again for a member',
        tags: ['photos'],
        params: MemberParams,
        response: { 200: Type.Object({ memberId: Type.String(), unlocked: Type.Boolean() }), 404: Problem },
      },
      handler: async (request) => {
        const { memberId } = request.params;
        const ownerId = request.viewer!.memberId;
        if (method === 'PUT') await commands.unlock(ownerId, memberId);
        else await commands.lock(ownerId, memberId);
        return { memberId, unlocked: method === 'PUT' };
      },
    });
  unlock('PUT');
  unlock('DELETE');
}

function reviewQueueRoute(http: Http, db: PhotosDb): void {
  http.get(
    '/api/v1/review/photos',
    {
      config: moderator,
      schema: {
        summary: 'Photos waiting for review, oldest first',
        tags: ['photos', 'moderation'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        }),
        response: {
          200: Type.Object({
            photos: Type.Array(
              Type.Object({
                photoId: Type.String(),
                ownerId: Type.String(),
                album: Album,
                url: Type.String(),
                uploadedAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const queue = await reviewQueue(db, request.viewer!.memberId, request.query.limit ?? 50);
      return {
        photos: queue.map((p) => ({
          photoId: p.photoId,
          ownerId: p.ownerId,
          album: p.album,
          url: photoPath(p.photoId, 'profile'),
          uploadedAt: p.uploadedAt,
        })),
      };
    },
  );
}

/** A moderator approves a waiting photo, or rejects it with a reason the owner sees. */
function reviewDecisionRoutes(http: Http, commands: Commands): void {
  reviewDecisionApi(http, {
    path: '/api/v1/review/photos',
    param: 'photoId',
    tags: ['photos', 'moderation'],
    summaries: {
      approve: 'Approve a photo: members who may see its album see it from now on',
      reject: 'Reject a photo with a reason the owner sees',
    },
    commands,
  });
}
