import { join } from 'node:path';
import { Type } from 'typebox';
import { defineService, problems, type Http, type IdSource, type ModuleContext } from '@meetcute/core';
import { dimensionsOf, inspect, render, SIZE_NAMES, type Dimensions, type Size } from './images.ts';
import { sendFile } from './file-routes.ts';
import { diskStorage, type PhotoStorage } from './storage.ts';

/**
 * The photos pipeline for images the site itself shows (an ad's picture): checked and
 * re-encoded as a member's photo is, kept apart from members' photos, and public.
 */
export const SITE_IMAGES = defineService<SiteImages>('site-images');

/** An image kept: its id (new for every upload) and the pixel size of each of its files. */
export interface SiteImage {
  imageId: string;
  dimensions: Dimensions;
}

export interface SiteImages {
  /**
   * Checks an image exactly as a member's photo upload is checked (the type its bytes
   * show, pixel limits, HEIC told what to do), re-encodes it from the pixels alone
   * (turned upright, metadata stripped, WebP in each size) and keeps it under a new id,
   * served to anyone at `siteImagePath`. Refuses with the ImageRefused problem saying
   * why (415 or 422).
   */
  keep(bytes: Uint8Array): Promise<SiteImage>;
}

/** The address of one size of a site image: the id is new for every upload, so it never changes. */
export function siteImagePath(imageId: string, size: Size): string {
  return `/images/${imageId}/${size}`;
}

/**
 * A site image's file names: a folder and a pattern of their own, beside members' photos,
 * so the public route reads nothing else and a member's photo is never served by it.
 */
const SITE_KEY = /^[0-9a-f]{2}\/image-[0-9a-f-]{36}-(thumb|profile|full)\.webp$/;

function siteKeyOf(imageId: string, size: Size): string {
  return `${imageId.slice(-2)}/image-${imageId}-${size}.webp`;
}

/** Offers SITE_IMAGES, keeping the images under `<photos directory>/site`, and serves them. */
export function offerSiteImages(
  ctx: Pick<ModuleContext<unknown>, 'config' | 'services' | 'ids' | 'http'>,
): void {
  const storage = diskStorage(join(ctx.config.photos.directory, 'site'), SITE_KEY);
  ctx.services.provide<SiteImages>(SITE_IMAGES, siteImages(storage, ctx.ids));
  siteImageRoutes(ctx.http, storage);
}

function siteImages(storage: PhotoStorage, ids: IdSource): SiteImages {
  return {
    async keep(bytes) {
      const dimensions = dimensionsOf(await inspect(bytes));
      const files = await render(bytes, dimensions);
      const imageId = ids.next();
      await Promise.all(SIZE_NAMES.map((size) => storage.put(siteKeyOf(imageId, size), files[size])));
      return { imageId, dimensions };
    },
  };
}

/**
 * The files, public: what they show is the site's own (an ad on a member's page), the
 * same for every viewer, and an address never names another file, so browsers and shared
 * caches may keep them for good.
 */
const FOREVER = 'public, max-age=31536000, immutable';

function siteImageRoutes(http: Http, storage: PhotoStorage): void {
  http.get(
    '/images/:imageId/:size',
    {
      config: { access: 'public', kind: 'page' },
      schema: {
        hide: true,
        params: Type.Object({
          imageId: Type.String({ format: 'uuid' }),
          size: Type.Union([Type.Literal('thumb'), Type.Literal('profile'), Type.Literal('full')]),
        }),
      },
    },
    async (request, reply) => {
      const { imageId, size } = request.params;
      const key = siteKeyOf(imageId, size);
      // The format lets capitals through; ids made here have none, so such an address names nothing.
      const file = SITE_KEY.test(key) ? await storage.get(key) : null;
      if (!file) throw problems.notFound('This image');
      return sendFile(reply, file, FOREVER);
    },
  );
}
