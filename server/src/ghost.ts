// The rebuild command's ghost mode (packages/core/src/ghost.ts): progress on stderr, the
// report on stdout.
import { buildGhost, dropGhost, switchGhost, type GhostProgress, type GhostReport } from '@meetcute/core';
import type { App } from '@meetcute/core';

export type GhostMode = 'ghost' | 'switch' | 'drop-ghost';

/** Runs one ghost step for the module; GhostError and RebuildError reach the caller. */
export async function ghostCommand(app: App, module: string, mode: GhostMode): Promise<void> {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  if (mode === 'drop-ghost') {
    const dropped = await dropGhost(app, module);
    const what = [
      dropped.ghost && 'its ghost',
      dropped.previous && 'the tables its last switch replaced',
    ].filter(Boolean);
    return out(
      what.length > 0
        ? `Removed ${what.join(' and ')} of ${module}.`
        : `${module} has no ghost and no replaced tables.`,
    );
  }
  if (mode === 'switch') {
    const { position, events } = await switchGhost(app, module, ghostProgress());
    return out(
      `Switched ${module} to its ghost at log position ${position} (${events} events caught up first). ` +
        `The replaced tables are kept until "rebuild ${module} --drop-ghost"; serving nodes read the new ones within a second.`,
    );
  }
  const report = await buildGhost(app, module, ghostProgress());
  for (const line of reportLines(report)) out(line);
}

/** Where the ghost is (position / log end) and how fast it goes, on one line or every few seconds. */
export function ghostProgress(stream: NodeJS.WriteStream = process.stderr): (p: GhostProgress) => void {
  let lastLine = 0;
  return (p) => {
    const now = performance.now();
    const done = p.position >= p.head;
    if (!stream.isTTY && !done && now - lastLine < 2000) return;
    lastLine = now;
    const rate = p.seconds > 0 ? Math.round(p.events / p.seconds) : 0;
    const line = `ghost ${p.module}: position ${p.position} / ${p.head}, ${p.events} events, ${rate} events/s`;
    stream.write(stream.isTTY ? `\r${line}\x1b[K${done ? '\n' : ''}` : `${line}\n`);
  };
}

/** The difference report: a line per table, then what to do next. */
export function reportLines(report: GhostReport): string[] {
  const lines = [
    `Ghost of ${report.module} built from ${report.events} events in ${report.seconds.toFixed(1)} s, compared with the live tables at log position ${report.position}:`,
  ];
  let differing = 0;
  for (const t of report.tables) {
    const counts = `${t.live} rows live, ${t.ghost} in the ghost`;
    const columns = [
      t.columns.onlyLive.length > 0 && `columns only live: ${t.columns.onlyLive.join(', ')}`,
      t.columns.onlyGhost.length > 0 && `columns only in the ghost: ${t.columns.onlyGhost.join(', ')}`,
    ].filter(Boolean);
    const same = t.onlyLive + t.onlyGhost + t.differing === 0 && columns.length === 0;
    if (!same) differing++;
    lines.push(
      same
        ? `  ${t.table}: ${counts}, no differences`
        : `  ${t.table}: ${counts}; ${t.onlyLive} only live, ${t.onlyGhost} only in the ghost, ${t.differing} differing` +
            (columns.length > 0 ? `; ${columns.join('; ')}` : ''),
    );
    for (const sample of t.samples) lines.push(`    ${sample}`);
  }
  lines.push(
    differing === 0
      ? `No differences. The ghost stays: "rebuild ${report.module} --switch" swaps it in, "--drop-ghost" removes it.`
      : `${differing} of ${report.tables.length} tables differ. The ghost stays: "rebuild ${report.module} --switch" swaps it in, "--drop-ghost" removes it.`,
  );
  return lines;
}
