import sharp, { type Metadata } from 'sharp';
import { Problem } from '@meetcute/core';
import { decideImage, PIXEL_LIMITS, type ImageRefusal, type Measured, type Upright } from './rules.ts';

/** The sizes pages use: a square card thumbnail, the profile picture, and the full view. */
export const SIZES = {
  thumb: { width: 240, height: 240, fit: 'cover' },
  profile: { width: 640, height: 800, fit: 'inside' },
  full: { width: 1600, height: 1600, fit: 'inside' },
} as const;
export type Size = keyof typeof SIZES;
export const SIZE_NAMES = Object.keys(SIZES) as Size[];

/** What is stored: WebP, which every browser members use shows, at a fraction of JPEG's bytes. */
export const STORED_TYPE = 'image/webp';

export const LIMITS = {
  ...PIXEL_LIMITS,
  /** At most this many images are decoded at once, so a burst of uploads cannot exhaust memory. */
  concurrency: 2,
};

export type Format = 'jpeg' | 'png' | 'webp' | 'avif';

/**
 * The real type of the bytes, from their signature: what the browser or the file name
 * claim is ignored. HEIC (iPhone) is recognised so the member can be told what to do,
 * since the image library as installed cannot decode HEVC.
 */
export function sniff(bytes: Uint8Array): Format | 'heic' | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return null;
}

export class ImageRefused extends Problem {
  /** Why, for a page that says it in the member's language. */
  readonly reason: ImageRefusal;

  constructor(reason: ImageRefusal, status: number, slug: string, title: string, detail: string) {
    super(status, slug, title, detail);
    this.reason = reason;
  }
}

/**
 * An image refused, as the API and pages answer it: what the member can do about it.
 * The one place these answers are made, for an upload (commands.ts), a photo brought in
 * from an old site (inspect) and pixels that turn out broken (render).
 */
export function imageRefused(reason: ImageRefusal): ImageRefused {
  switch (reason) {
    case 'heic':
      return new ImageRefused(
        reason,
        415,
        'unsupported-image',
        'HEIC photos cannot be read here',
        'Export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.',
      );
    case 'unsupported-image':
      return new ImageRefused(
        reason,
        415,
        'unsupported-image',
        'This is not a photo we can use',
        'Upload a JPEG, PNG, WebP or AVIF image.',
      );
    case 'too-many-pixels':
      return new ImageRefused(
        reason,
        422,
        'image-too-large',
        'The image has too many pixels',
        `Images up to ${LIMITS.maxSide} pixels on a side and ${LIMITS.maxPixels / 1_000_000} megapixels are accepted.`,
      );
  }
}

/** Width and height of each stored size of one photo: what `PhotoUploaded` carries. */
export type Dimensions = Record<Size, { width: number; height: number }>;

/** Runs at most `limit` tasks at once; the rest wait their turn in order. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const inTurn = limiter(LIMITS.concurrency);

/**
 * Reads an upload's header alone, without decoding the pixels: the real type (never the
 * name or the declared type) and the size of the image turned upright by its EXIF
 * orientation. Whether that may be kept is the rules' to say (decideImage).
 */
export async function measure(bytes: Uint8Array): Promise<Measured> {
  const format = sniff(bytes);
  if (format === 'heic') return { type: 'heic' };
  if (format === null) return { type: 'unknown' };
  let meta: Metadata;
  try {
    // The header alone, read without the pixel limit so a flood gets its own answer.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { type: 'unknown' };
  }
  if (meta.format !== format && !(format === 'avif' && meta.format === 'heif')) return { type: 'unknown' };
  return { type: 'image', ...meta.autoOrient };
}

/**
 * Checks a file from its header alone, as an upload is checked (real type, no pixel
 * flood), and answers its upright size; refuses with the ImageRefused problem saying why.
 */
export async function inspect(bytes: Uint8Array): Promise<Upright> {
  const decision = decideImage(await measure(bytes));
  if (decision.refused) throw imageRefused(decision.refused);
  return decision.accepted;
}

/**
 * The size each stored file will have, worked out from the upright image alone: a
 * thumbnail is always its square, the others fit their box and are never enlarged. The
 * files are made to exactly these sizes, so a photo's sizes are known (and published)
 * before its files are made, which is what lets an import make them later.
 */
export function dimensionsOf(upright: { width: number; height: number }): Dimensions {
  const out = {} as Dimensions;
  for (const size of SIZE_NAMES) {
    const box = SIZES[size];
    if (box.fit === 'cover') {
      out[size] = { width: box.width, height: box.height };
      continue;
    }
    const scale = Math.min(1, box.width / upright.width, box.height / upright.height);
    out[size] = {
      width: Math.max(1, Math.round(upright.width * scale)),
      height: Math.max(1, Math.round(upright.height * scale)),
    };
  }
  return out;
}

/**
 * Makes the stored files of a photo whose header `inspect` accepted: turned upright by
 * its EXIF orientation and re-encoded from the pixels alone, so nothing of the original
 * file (EXIF, GPS, XMP, ICC comments, trailing bytes) survives. At most
 * `LIMITS.concurrency` images are decoded at once.
 */
export function render(bytes: Uint8Array, dimensions: Dimensions): Promise<Record<Size, Buffer>> {
  return inTurn(async () => {
    const input = () =>
      sharp(bytes, { limitInputPixels: LIMITS.maxPixels, failOn: 'error', sequentialRead: true });
    try {
      const out = {} as Record<Size, Buffer>;
      // Each size decodes the original again: JPEG shrink-on-load makes that cheaper in
      // memory than keeping a full-size decoded copy (150 MB for a 50 MP photo) around.
      for (const size of SIZE_NAMES) {
        const { width, height } = dimensions[size];
        const cover = SIZES[size].fit === 'cover';
        out[size] = await input()
          .autoOrient()
          // 'fill' to sizes worked out in the same proportions: exactly what was published.
          .resize({ width, height, fit: cover ? 'cover' : 'fill', position: cover ? 'attention' : 'centre' })
          .toColourspace('srgb')
          .webp({ quality: size === 'thumb' ? 75 : 82 })
          .toBuffer();
      }
      return out;
    } catch (error) {
      if (error instanceof Problem) throw error;
      // libvips refuses truncated or corrupt data with an error of its own.
      throw imageRefused('unsupported-image');
    }
  });
}
