import type { Album } from './events.ts';

/** How many photos a member keeps at most, both albums together. */
export const PHOTOS_PER_MEMBER = 40;

/** How large an image may be: its pixels are what decoding costs in memory, whatever the file's bytes. */
export const PIXEL_LIMITS = {
  /** Larger than any phone camera's default (48 MP sensors save 12 or 24 MP). */
  maxPixels: 50_000_000,
  /** A panorama of 12000 px is fine; a 30000 px side is a decompression bomb. */
  maxSide: 12_000,
};

/**
 * What reading a file's header found (`measure` in images.ts): facts, not yet a judgement.
 * The type is the one the bytes show, never what the file name or the browser claim.
 */
export type Measured =
  /** A JPEG, PNG, WebP or AVIF image, with its size once turned upright. */
  | { type: 'image'; width: number; height: number }
  /** An iPhone HEIC photo: recognised, but the image library as installed cannot decode it. */
  | { type: 'heic' }
  /** Anything else: another type, or bytes whose header does not read as the type they show. */
  | { type: 'unknown' };

/** Why an image is refused: the same for an upload and for a photo brought in from an old site. */
const IMAGE_REFUSALS = ['heic', 'unsupported-image', 'too-many-pixels'] as const;
export type ImageRefusal = (typeof IMAGE_REFUSALS)[number];

/** The upright size of an image that may be kept. */
export interface Upright {
  width: number;
  height: number;
}

export type ImageDecision =
  { accepted: Upright; refused?: undefined } | { refused: ImageRefusal; accepted?: undefined };

/**
 * Whether a measured image may be kept: one we can decode, and no flood of pixels. An
 * upload asks it through decideUpload; a photo brought in from an old site asks it alone.
 */
export function decideImage(measured: Measured): ImageDecision {
  if (measured.type === 'heic') return { refused: 'heic' };
  if (measured.type === 'unknown') return { refused: 'unsupported-image' };
  const { width, height } = measured;
  const { maxSide, maxPixels } = PIXEL_LIMITS;
  if (width > maxSide || height > maxSide || width * height > maxPixels)
    return { refused: 'too-many-pixels' };
  return { accepted: { width, height } };
}

/** What deciding an upload needs: what the member sent, measured, and what they keep already. */
export interface UploadState {
  /** The album as the form named it; none named means the public one. */
  album: string;
  /** The file's header as measured, or null when no file (or an empty one) came. */
  file: Measured | null;
  /** Photos the member keeps, both albums together. */
  kept: number;
  /** The member's other uploads still being processed: each holds a place in the albums. */
  inFlight: number;
}

/** Why an upload is not kept; the command maps each to its HTTP answer at the edge. */
export type UploadRefusal = 'unknown-album' | 'no-photo' | 'albums-full' | ImageRefusal;

/** Whether an upload was refused for its file (type or pixels) rather than for the member's albums or form. */
export function isImageRefusal(reason: UploadRefusal): reason is ImageRefusal {
  return (IMAGE_REFUSALS as readonly UploadRefusal[]).includes(reason);
}

export type UploadDecision =
  | { accepted: { album: Album; upright: Upright }; refused?: undefined }
  | { refused: UploadRefusal; accepted?: undefined };

/**
 * The upload rule, decided from facts alone: an album that exists, a file, a place left
 * in the albums (uploads in flight hold theirs), then an image we can read of a size we
 * can decode. The checks run in this order, so a member with full albums hears that,
 * whatever the file, and the slow work of making the sizes starts only once all pass.
 * The command asks again in its transaction with the fresh count: another upload may
 * have taken the last place meanwhile.
 */
export function decideUpload(state: UploadState): UploadDecision {
  const album = state.album === '' ? 'public' : state.album;
  if (album !== 'public' && album !== 'private') return { refused: 'unknown-album' };
  if (state.file === null) return { refused: 'no-photo' };
  if (state.kept + state.inFlight >= PHOTOS_PER_MEMBER) return { refused: 'albums-full' };
  const image = decideImage(state.file);
  if (image.refused) return { refused: image.refused };
  return { accepted: { album, upright: image.accepted } };
}
