import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@meetcute/core';
import { generateCommunity, type GenerateOptions } from './generate.ts';
import { writeDump } from './dump.ts';
import { importDump, type ImportOptions, type ImportSummary } from './importer.ts';

export * from './records.ts';
export { writeDump, readDump, readHeader, DumpError, type WriteProgress } from './dump.ts';
export {
  generateCommunity,
  communityDumpId,
  COMMUNITY_PASSWORD,
  COMMUNITY_EPOCH,
  type GenerateOptions,
} from './generate.ts';
export {
  importDump,
  makePhotoFiles,
  photoFilesDue,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
} from './importer.ts';
export { photoProgress, progressBar } from './progress.ts';
export {
  memberPortrait,
  palettePortrait,
  PORTRAIT_FACES,
  PORTRAIT_POSES,
  PORTRAIT_SIZE,
  type PortraitLook,
} from './portraits.ts';

/** Generates a community into a temporary dump and imports it: `make seed`. */
export async function seedCommunity(
  app: App,
  options: GenerateOptions & ImportOptions,
): Promise<ImportSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'meetcute-community-'));
  try {
    const path = join(dir, 'community.ndjson.gz');
    await writeDump(path, generateCommunity(options));
    return await importDump(app, path, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
