import type { ImportProgress } from './importer.ts';

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * A progress bar for importDump's onProgress: records done of the total, rate and ETA.
 * On a terminal it redraws one line; in a log it writes a line every few seconds.
 */
export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
  label = 'import',
): (p: ImportProgress) => void {
  let lastLine = 0;
  return (p) => {
    const now = performance.now();
    const finished = p.total !== null && p.records >= p.total;
    if (!stream.isTTY && !finished && now - lastLine < 5000) return;
    lastLine = now;
    const width = 30;
    const share = p.total ? Math.min(1, p.records / p.total) : 0;
    const bar = p.total ? `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ` : '';
    const of = p.total === null ? `${p.records}` : `${p.records}/${p.total} (${(share * 100).toFixed(1)}%)`;
    const eta = p.etaMs === null ? '' : `, ETA ${duration(p.etaMs)}`;
    const line = `${label} ${bar}${of} records, ${Math.round(p.rate)} records/s, ${p.events} events${eta}`;
    stream.write(stream.isTTY ? `\r${line}\x1b[K${finished ? '\n' : ''}` : `${line}\n`);
  };
}

/** For makePhotoFiles: how many photos still wait for their files, on one line or every few seconds. */
export function photoProgress(stream: NodeJS.WriteStream = process.stderr): (left: number) => void {
  let lastLine = 0;
  return (left) => {
    const now = performance.now();
    if (!stream.isTTY && left > 0 && now - lastLine < 5000) return;
    lastLine = now;
    const line = left > 0 ? `photo files: ${left} photos to go` : 'photo files: every photo is ready';
    stream.write(stream.isTTY ? `\r${line}\x1b[K${left === 0 ? '\n' : ''}` : `${line}\n`);
  };
}
