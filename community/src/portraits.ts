import { createHash } from 'node:crypto';
import { createAvatar } from '@dicebear/core';
import * as notionists from '@dicebear/notionists';
import sharp from 'sharp';

/*
 * Generated portraits for the demo community and `make seed`, so a newcomer's first look
 * shows people rather than silhouettes. Drawn with DiceBear's "Notionists" style (design by
 * Zoish, CC0 1.0; DiceBear's code MIT): adult busts in line art, with hair styles chosen per
 * gender. Nothing is fetched: the style ships in the npm package and sharp rasterises it.
 *
 * A community of 10,000 members has about 15,000 photos; rasterising and encoding each one
 * (~10–30 ms of image work each) would add minutes to `make seed`. So the portraits come from a
 * fixed palette — FACES faces per look, each in POSES poses — rendered once per process the
 * first time one is asked for, and reused: at most 3 × FACES × POSES renders, whatever the
 * community's size. A member keeps one face for all their photos; the poses (a plain bust,
 * then with a hand gesture on other backgrounds) make a gallery of several photos differ.
 */

export type PortraitLook = 'woman' | 'man' | 'nonbinary';

/** Faces per look: enough that a page of cards rarely shows one twice. */
export const PORTRAIT_FACES = 32;
/** Poses of a face: a member's photos cycle through them. */
export const PORTRAIT_POSES = 3;
/** Pixels on a side: above the card's 240-px thumbnail, small enough to travel inline in a dump. */
export const PORTRAIT_SIZE = 320;

const variants = (...numbers: number[]) => numbers.map((n) => `variant${String(n).padStart(2, '0')}`);
// Sorted by eye from the style's 64 hair styles; the hats and the spiky crowns are left out.
const LONGER = variants(
  2,
  4,
  8,
  10,
  23,
  28,
  29,
  30,
  36,
  37,
  39,
  41,
  43,
  45,
  46,
  47,
  48,
  57,
  58,
  59,
  61,
  62,
  63,
);
const SHORTER = variants(
  1,
  3,
  5,
  6,
  7,
  9,
  11,
  12,
  13,
  15,
  16,
  17,
  18,
  19,
  20,
  21,
  22,
  24,
  25,
  26,
  27,
  31,
  32,
  33,
  34,
  35,
  38,
  42,
  44,
  49,
  52,
  53,
  54,
  55,
  56,
  60,
);
const LOOKS: Record<PortraitLook, { hair: string[]; beard: number }> = {
  woman: { hair: LONGER, beard: 0 },
  man: { hair: SHORTER, beard: 35 },
  nonbinary: { hair: [...LONGER, ...SHORTER], beard: 10 },
};
// Soft backgrounds that keep the black line art readable (contrast well above 7:1).
const BACKGROUNDS = ['b6e3f4', 'c0aede', 'd1d4f9', 'ffd5dc', 'ffdfbf', 'c7ecd8', 'f4e3b6'];

const rendered = new Map<string, Promise<Buffer>>();

/**
 * One portrait of the palette as a WebP image: the same bytes for the same look, face and pose
 * on every machine (the style's own seeded choices, sharp's deterministic encoder).
 */
export function palettePortrait(look: PortraitLook, face: number, pose: number): Promise<Buffer> {
  const f = mod(face, PORTRAIT_FACES);
  const p = mod(pose, PORTRAIT_POSES);
  const key = `${look}-${f}-${p}`;
  let image = rendered.get(key);
  if (!image) {
    const svg = createAvatar(notionists, {
      seed: `meetcute-${look}-${f}`,
      size: PORTRAIT_SIZE,
      hair: LOOKS[look].hair as never,
      beardProbability: LOOKS[look].beard,
      // Sunglasses hide the eyes a dating site's visitors look for first: glasses stay rare.
      glassesProbability: 10,
      gestureProbability: p === 0 ? 0 : 100,
      backgroundColor: [BACKGROUNDS[(f + p * 3) % BACKGROUNDS.length]!],
    }).toString();
    image = sharp(Buffer.from(svg))
      // WebP at the fastest effort: a third of a PNG's encoding time, about the same bytes.
      .webp({ quality: 85, effort: 1 })
      .toBuffer();
    // A failed render is not kept: the next caller tries again and sees the error itself.
    image.catch(() => rendered.delete(key));
    rendered.set(key, image);
  }
  return image;
}

/**
 * The k-th photo (from 0) of a member: their face, chosen from `key` (a member id, or any
 * string that stays the same for the member), in the k-th pose.
 */
export function memberPortrait(key: string, look: PortraitLook, k: number): Promise<Buffer> {
  const face = createHash('sha256').update(key).digest().readUInt32BE(0) % PORTRAIT_FACES;
  return palettePortrait(look, face, k);
}

function mod(n: number, m: number): number {
  return ((Math.floor(n) % m) + m) % m;
}
