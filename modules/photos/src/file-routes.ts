import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import { photoPath } from '@meetcute/web';
import { STORED_TYPE } from './images.ts';
import type { RouteDeps } from './routes.ts';
import { keyOf, type StoredFile } from './storage.ts';
import { findPhoto, type Photo } from './store.ts';

type Size = 'thumb' | 'profile' | 'full';

/** A face-less head and shoulders: what a portrait shows when there is none the viewer may see. */
export const SILHOUETTE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" role="img" aria-label="No photo"><rect width="240" height="240" fill="#e8e4ef"/><circle cx="120" cy="95" r="45" fill="#b9b2c7"/><path d="M40 240c0-50 36-80 80-80s80 30 80 80z" fill="#b9b2c7"/></svg>`;

const LONG_CACHE = 'private, max-age=31536000, immutable';
/**
 * A private photo is seen by whom its owner unlocks it for, until she locks it again or a
 * block comes between them: a copy kept in the browser would outlive that, so none is kept.
 */
const NO_STORE = 'private, no-store';
const SHORT_CACHE = 'private, max-age=300';

/** The files: each size of a photo to whoever may see it, and each member's portrait. */
export function fileRoutes(http: Http, deps: RouteDeps): void {
  const { db, commands, faces, portraits } = deps;
  const SizeParam = Type.Union([Type.Literal('thumb'), Type.Literal('profile'), Type.Literal('full')]);

  http.get(
    '/photos/:photoId/:size',
    {
      // A page route as far as access goes: a visitor who is not logged in is sent to log in.
      config: { access: 'member', kind: 'page' },
      schema: {
        hide: true,
        params: Type.Object({ photoId: Type.String({ format: 'uuid' }), size: SizeParam }),
      },
    },
    async (request, reply) => {
      const { photoId, size } = request.params;
      const photo = await findPhoto(db, photoId);
      if (!photo || !(await commands.maySee(request.viewer, photo))) throw problems.notFound('This photo');
      // The URL names one photo at one size forever, so the browser may keep a public one;
      // `private` keeps shared caches from handing it to anyone else.
      return sendPhoto(deps, reply, photo, size, photo.album === 'private' ? NO_STORE : LONG_CACHE);
    },
  );

  http.get(
    '/members/:memberId/portrait/:size',
    {
      config: { access: 'public', kind: 'page' },
      schema: {
        hide: true,
        params: Type.Object({
          memberId: Type.String({ format: 'uuid' }),
          size: Type.Union([Type.Literal('thumb'), Type.Literal('profile')]),
        }),
      },
    },
    async (request, reply) => {
      const { memberId, size } = request.params;
      const photoId = await portraits.get(memberId);
      const photo = photoId === undefined ? undefined : await findPhoto(db, photoId);
      // A blocked viewer, a stranger and a member without a portrait all get the same answer.
      // A visitor sees the portrait of a member the front page shows, served here: every
      // photo's own address stays for members.
      if (photo && !request.viewer && photo.status === 'approved' && photo.album === 'public') {
        if (await faces.shows(memberId))
          return sendPhoto(deps, reply.header('vary', 'cookie'), photo, size, SHORT_CACHE);
      }
      if (photo && (await commands.maySee(request.viewer, photo))) {
        return reply
          .header('cache-control', SHORT_CACHE)
          .header('vary', 'cookie')
          .redirect(photoPath(photo.photoId, size), 302);
      }
      return reply
        .header('content-type', 'image/svg+xml')
        .header('cache-control', SHORT_CACHE)
        .header('vary', 'cookie')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(SILHOUETTE);
    },
  );
}

/** One size of a photo's file, made now if it is an imported photo the background has not reached. */
async function sendPhoto(
  { storage, renderer }: Pick<RouteDeps, 'storage' | 'renderer'>,
  reply: FastifyReply,
  photo: Photo,
  size: Size,
  cache: string,
): Promise<FastifyReply> {
  const key = keyOf(photo.photoId, size);
  let file = await storage.get(key);
  if (!file) {
    await renderer.ensure(photo.photoId);
    file = await storage.get(key);
  }
  if (!file) throw problems.notFound('This photo');
  return sendFile(reply, file, cache);
}

/** A stored file as the answer: WebP, never sniffed as anything else, shown by this site's pages only. */
export function sendFile(reply: FastifyReply, file: StoredFile, cache: string): FastifyReply {
  return reply
    .header('content-type', STORED_TYPE)
    .header('content-length', file.length)
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    .send(file.stream);
}
