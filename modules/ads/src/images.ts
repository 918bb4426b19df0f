import { Problem, problems, type FieldProblem, type ModuleContext, type UploadedFile } from '@meetcute/core';
import type { SiteImage, SiteImages } from '@meetcute/photos';
import { CARD_SIZE, CreativeImageUploaded, type CampaignTerms, type CreativeImage } from './events.ts';
import { imagesIn, type AdsTables } from './store.ts';

// Creatives' pictures: kept through the photos module's pipeline, and named by campaigns
// only once uploaded (CreativeImageUploaded).

/** An image kept for creatives: what a creative shows, and every size the pipeline made. */
export type UploadedImage = CreativeImage & { sizes: SiteImage['dimensions'] };

/** Keeps a picture for creatives (the photos pipeline's checks and re-encoding) and says so. */
export async function uploadImage(
  ctx: ModuleContext<AdsTables>,
  siteImages: SiteImages,
  operatorId: string,
  file: UploadedFile | null,
): Promise<UploadedImage> {
  if (!file || file.bytes.length === 0)
    throw problems.invalid([{ field: 'image', message: 'Choose an image to upload.' }]);
  const { imageId, dimensions } = await siteImages.keep(file.bytes);
  const { width, height } = dimensions[CARD_SIZE];
  await ctx.transaction((tx) =>
    tx.publish(CreativeImageUploaded, { imageId, operatorId, width, height }, { actorId: operatorId }),
  );
  return { imageId, width, height, sizes: dimensions };
}

/** A creative's image as the operator named it: an id, none (null), or as it was (left out). */
type NamedImage = string | null | undefined;

/**
 * The images creatives name, each one uploaded (CreativeImageUploaded), or the fields
 * naming one that was not. Left out on an edit, a creative keeps the image the creative
 * in its place had: creatives get new ids on every save, their images stay.
 */
export async function imagesOf(
  ctx: ModuleContext<AdsTables>,
  named: readonly NamedImage[],
  before: CampaignTerms | undefined,
): Promise<{ images: Array<CreativeImage | undefined>; problems: FieldProblem[] }> {
  const ids = named.map((id, i) => (id === undefined ? (before?.creatives[i]?.image?.imageId ?? null) : id));
  const known = await imagesIn(
    ctx.db,
    ids.filter((id) => id !== null),
  );
  return {
    images: ids.map((id) => (id === null ? undefined : known.get(id))),
    problems: ids.flatMap((id, i) =>
      id === null || known.has(id)
        ? []
        : [
            {
              field: `creatives.${i}.imageId`,
              message: 'No image was uploaded with this id: upload it first (POST /api/v1/ads/images)',
            },
          ],
    ),
  };
}

/** Terms that cannot be kept: 422 when all that is wrong is an image never uploaded, else 400. */
export function termsRefused(found: FieldProblem[], unknownImages: FieldProblem[]): Problem {
  if (found.length > 0) return problems.invalid([...found, ...unknownImages]);
  return new Problem(
    422,
    'unknown-image',
    'No such image',
    'A creative names an image that was never uploaded. Upload it first and name the id it was given.',
    unknownImages,
  );
}

/**
 * The terms with the first creative (the one the console edits) showing the uploaded
 * image `imageId`, or none (null); undefined when that is what it shows already.
 */
export async function withImage(
  ctx: ModuleContext<AdsTables>,
  terms: CampaignTerms,
  imageId: string | null,
): Promise<CampaignTerms | undefined> {
  const pictures = await imagesOf(ctx, [imageId], undefined);
  if (pictures.problems.length > 0) throw termsRefused([], pictures.problems);
  const [first, ...rest] = terms.creatives;
  if (!first || (first.image?.imageId ?? null) === imageId) return undefined;
  const { image: _old, ...creative } = first;
  const [image] = pictures.images;
  return { ...terms, creatives: [{ ...creative, ...(image && { image }) }, ...rest] };
}
