import sharp from 'sharp';
import { Random } from './random.ts';
import { DUMP_FORMAT, DUMP_VERSION, type DumpRecord, type PhotoRecord } from './records.ts';
import { COMMUNITY_EPOCH, plan, type GenerateOptions } from './plan.ts';
import { history } from './history.ts';

export { COMMUNITY_EPOCH, COMMUNITY_PASSWORD, type GenerateOptions } from './plan.ts';

/**
 * A realistic synthetic community as dump records, header first: Nordic members in real
 * places, their reviews, interests, diary posts, flirts, visits, favourites and blocks.
 * The same options always give the same records (a seeded PRNG, no wall clock).
 */
export async function* generateCommunity(options: GenerateOptions): AsyncGenerator<DumpRecord> {
  const p = await plan(options);
  let records = 0;
  // Counting makes no images: only the records written carry them.
  for (const _ of history(p)) records++;
  yield {
    kind: 'header',
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    dumpId: communityDumpId(options),
    source: `meetcute community generator, seed ${p.seed}, ${p.n} members`,
    createdAt: new Date(p.now).toISOString(),
    records,
  };
  // Images are encoded a few dozen records ahead, on the image library's threads, in order.
  const ahead: Array<Promise<DumpRecord>> = [];
  for (const record of history(p)) {
    const next = record.kind === 'photo' ? withImage(p.seed, record) : Promise.resolve(record);
    next.catch(() => undefined);
    ahead.push(next);
    if (ahead.length >= 64) yield await ahead.shift()!;
  }
  while (ahead.length > 0) yield await ahead.shift()!;
}

async function withImage(seed: number, record: PhotoRecord): Promise<PhotoRecord> {
  const [, owner, k] = /^p(\d+)-(\d+)$/.exec(record.id)!;
  return { ...record, data: (await photoImage(seed, Number(owner) - 1, Number(k))).toString('base64') };
}

function rgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A small picture in the member's own colour: a gradient with a round shape on it,
 * 64 to 160 pixels wide, as JPEG. Enough for every page to show something different.
 */
export async function photoImage(seed: number, owner: number, k: number): Promise<Buffer> {
  const hue = new Random(seed, owner, 6).next() * 360;
  const r = new Random(seed, owner, 7, k);
  const width = r.int(64, 160);
  const height = Math.min(160, Math.round(width * (1 + r.next() * 0.4)));
  const top = rgb(hue, 0.55, 0.25 + 0.2 * r.next());
  const bottom = rgb((hue + 40) % 360, 0.6, 0.6 + 0.2 * r.next());
  const shape = rgb((hue + 180) % 360, 0.5, 0.75);
  const cx = width * (0.3 + 0.4 * r.next());
  const cy = height * (0.3 + 0.3 * r.next());
  const radius = Math.min(width, height) * (0.15 + 0.2 * r.next());
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const mix = y / (height - 1);
    for (let x = 0; x < width; x++) {
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[o + c] = inside ? shape[c]! : Math.round(top[c]! * (1 - mix) + bottom[c]! * mix);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The dumpId of a generated community: the same community imports (and resumes) as one. */
export function communityDumpId(options: GenerateOptions): string {
  const now = (options.now ?? new Date(COMMUNITY_EPOCH)).toISOString();
  return `community-seed${options.seed}-members${Math.floor(options.members)}-${now}-days${options.days ?? 365}`;
}
