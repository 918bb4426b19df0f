import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';

/** One line of bench/results/latest.json: a figure and the baseline it is a ratio of. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baseline_value: number;
  ratio: number;
}

export interface Baseline {
  name: string;
  value: number;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * A figure with its ratio to the baseline measured in the same run. The ratio is
 * value / baseline: above 1 is better for rates, worse for latencies and memory.
 */
export function figure(name: string, value: number, unit: string, baseline: Baseline): Figure {
  const ratio = baseline.value === 0 || !Number.isFinite(value) ? 0 : value / baseline.value;
  return {
    name,
    value: round(value, value >= 100 ? 0 : 3),
    unit,
    baseline: baseline.name,
    baseline_value: round(baseline.value, baseline.value >= 100 ? 0 : 3),
    ratio: round(ratio, 3),
  };
}

/** A baseline also goes in the file, as its own figure with ratio 1, so the file stands alone. */
export function baselineFigure(baseline: Baseline, unit: string): Figure {
  return figure(baseline.name, baseline.value, unit, baseline);
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export async function machine(): Promise<Machine> {
  let os = `${type()} ${release()}`;
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(osRelease)?.[1];
  if (pretty) os = `${pretty} (${type()} ${release()})`;
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    os,
  };
}

/** Written as the project's formatter would, so `make style` stays green after a run. */
export async function writeFormatted(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
}

export async function writeFigures(path: string, figures: Figure[]): Promise<void> {
  await writeFormatted(path, `${JSON.stringify(figures, null, 2)}\n`);
}

/** A goal from the issue, judged against the figures of one run. */
export interface Goal {
  title: string;
  /** What the goal asks, in words. */
  asks: string;
  judge(figures: ReadonlyMap<string, Figure>): { measured: string; met: boolean } | null;
}

export interface Verdict {
  title: string;
  asks: string;
  measured: string;
  met: boolean | null;
}

export function judge(goals: readonly Goal[], figures: readonly Figure[]): Verdict[] {
  const byName = new Map(figures.map((f) => [f.name, f]));
  return goals.map((g) => {
    const outcome = g.judge(byName);
    return {
      title: g.title,
      asks: g.asks,
      measured: outcome?.measured ?? 'not measured in this run',
      met: outcome?.met ?? null,
    };
  });
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${cell(f.name)} | ${f.value} ${f.unit} | ${cell(f.baseline)} | ${f.baseline_value} | ${f.ratio}× |`,
  );
  return [
    '| figure | value | baseline | baseline value | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function verdictTable(verdicts: readonly Verdict[]): string {
  const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'missed');
  const rows = verdicts.map(
    (v) => `| ${cell(v.title)} | ${cell(v.asks)} | ${cell(v.measured)} | ${mark(v.met)} |`,
  );
  return ['| target | goal | measured | |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function machineLines(m: Machine): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node: ${m.node}`,
    `- OS: ${m.os}`,
  ].join('\n');
}

/** Replaces what lies between two marker comments, so hand-written analysis around it survives a run. */
export function replaceBetween(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${content}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, from) + block + document.slice(to + end.length);
}
