import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip, constants } from 'node:zlib';
import {
  DUMP_FORMAT,
  DUMP_VERSION,
  KINDS_SINCE,
  recordProblems,
  type DumpRecord,
  type HeaderRecord,
} from './records.ts';

/** A dump that cannot be read: names the file and line so an operator can fix the exporter. */
export class DumpError extends Error {
  readonly line: number;
  constructor(path: string, line: number, message: string) {
    super(`${path}, line ${line}: ${message}`);
    this.name = 'DumpError';
    this.line = line;
  }
}

export interface WriteProgress {
  records: number;
  bytes: number;
}

/**
 * Writes records as gzip'd NDJSON, one record a line, to a temporary file renamed into
 * place at the end, so a dump that exists is always whole.
 */
export async function writeDump(
  path: string,
  records: AsyncIterable<DumpRecord>,
  onProgress?: (progress: WriteProgress) => void,
): Promise<{ records: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  const partial = `${path}.partial`;
  async function* lines(): AsyncGenerator<string> {
    // Lines are gathered into chunks: one write per line costs more than making the line.
    let chunk = '';
    for await (const record of records) {
      chunk += `${JSON.stringify(record)}\n`;
      count++;
      if (chunk.length >= 1 << 16) {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
        chunk = '';
        onProgress?.({ records: count, bytes });
      }
    }
    if (chunk.length > 0) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
    onProgress?.({ records: count, bytes });
  }
  try {
    await pipeline(
      Readable.from(lines()),
      // Level 6 costs twice the time of level 1 for a tenth less size; dumps are written more than kept.
      createGzip({ level: constants.Z_BEST_SPEED }),
      createWriteStream(partial),
    );
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { records: count, bytes };
}

export interface NumberedRecord {
  /** 1 for the header. */
  line: number;
  record: DumpRecord;
}

/** Every line of a dump, parsed and checked, with its line number; the first must be the header. */
export async function* readNumbered(path: string): AsyncGenerator<NumberedRecord> {
  const input = createReadStream(path).pipe(createGunzip());
  let rest = '';
  let line = 0;
  let version = DUMP_VERSION;
  const parse = (text: string): DumpRecord => {
    line++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DumpError(path, line, `not JSON (${(error as Error).message})`);
    }
    const problems = recordProblems(value);
    if (problems.length > 0) throw new DumpError(path, line, problems.join('; '));
    const record = value as DumpRecord;
    if (line === 1) {
      checkHeader(path, record);
      version = record.version;
    } else if (record.kind === 'header') throw new DumpError(path, line, 'a second header');
    else if ((KINDS_SINCE[record.kind] ?? 1) > version)
      throw new DumpError(
        path,
        line,
        `${record.kind} records came with version ${KINDS_SINCE[record.kind]}; the header says version ${version}`,
      );
    return record;
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) {
        if (l.length === 0) continue;
        yield { line: line + 1, record: parse(l) };
      }
    }
  } catch (error) {
    if (error instanceof DumpError) throw error;
    throw new DumpError(path, line + 1, `cannot be read: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
  if (rest.trim().length > 0) yield { line: line + 1, record: parse(rest) };
  if (line === 0) throw new DumpError(path, 1, 'the dump is empty: it needs a header');
}

function checkHeader(path: string, record: DumpRecord): asserts record is HeaderRecord {
  if (record.kind !== 'header') {
    throw new DumpError(path, 1, `the first line must be the header (kind "header"), not a ${record.kind}`);
  }
  if (record.format !== DUMP_FORMAT || record.version > DUMP_VERSION) {
    throw new DumpError(
      path,
      1,
      `this importer reads ${DUMP_FORMAT} versions 1 to ${DUMP_VERSION}; the dump is ${record.format} version ${record.version}`,
    );
  }
}

/** The records of a dump, header first, streamed: memory stays flat whatever its size. */
export async function* readDump(path: string): AsyncGenerator<DumpRecord> {
  for await (const { record } of readNumbered(path)) yield record;
}

/** Just the header, without reading further. */
export async function readHeader(path: string): Promise<HeaderRecord> {
  for await (const { record } of readNumbered(path)) return record as HeaderRecord;
  throw new DumpError(path, 1, 'the dump is empty: it needs a header');
}
