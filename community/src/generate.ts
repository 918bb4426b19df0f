import { DUMP_FORMAT, DUMP_VERSION, type DumpRecord, type PhotoRecord } from './records.ts';
import { COMMUNITY_EPOCH, plan, type GenerateOptions, type Plan } from './plan.ts';
import { memberPortrait, type PortraitLook } from './portraits.ts';
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
    const next = record.kind === 'photo' ? withImage(p, record) : Promise.resolve(record);
    next.catch(() => undefined);
    ahead.push(next);
    if (ahead.length >= 64) yield await ahead.shift()!;
  }
  while (ahead.length > 0) yield await ahead.shift()!;
}

/**
 * A photo's image: the member's generated face (the same in every photo of theirs, drawn
 * from the seed and the member), in the pose of the photo's place among their photos.
 */
async function withImage(p: Plan, record: PhotoRecord): Promise<PhotoRecord> {
  const [, owner, k] = /^p(\d+)-(\d+)$/.exec(record.id)!;
  const i = Number(owner) - 1;
  const image = await memberPortrait(`${p.seed}:${i}`, LOOKS[p.gender[i]!]!, Number(k) - 1);
  return { ...record, data: image.toString('base64') };
}

// In the order of the plan's genders (0 woman, 1 man, 2 non-binary).
const LOOKS: readonly PortraitLook[] = ['woman', 'man', 'nonbinary'];

/** The dumpId of a generated community: the same community imports (and resumes) as one. */
export function communityDumpId(options: GenerateOptions): string {
  const now = (options.now ?? new Date(COMMUNITY_EPOCH)).toISOString();
  return `community-seed${options.seed}-members${Math.floor(options.members)}-${now}-days${options.days ?? 365}`;
}
