// Summarises a V8 .cpuprofile (from `node --cpu-prof`, or `make bench` with --cpu-prof):
// where the time went by function (self time) and by package or project folder, so a
// profile can be read, compared and quoted in BENCHMARKS.md without opening DevTools.
//   node tools/src/cpuprofile.ts <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, a folder of ours, or Node/V8 itself. */
export function placeOf(url: string): string {
  if (url === '') return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const ours = /\/(packages|modules|server|web|bench|tools)\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

/**
 * The self time of functions named `name`, by who called them: the first `depth` frames
 * above that are the project's own (packages/, modules/, web/, server/), joined with ←.
 */
export function callersOf(profile: Profile, name: string, top: number, depth = 3): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const paths = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName !== name) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const path: string[] = [];
    for (let p = parent.get(id); p !== undefined && path.length < depth; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      if (/\/(packages|modules|web|server)\//.test(f.url) && !f.url.includes('node_modules'))
        path.push(`${f.functionName || '(anonymous)'} ${placeOf(f.url)}:${f.lineNumber + 1}`);
    }
    const key = path.join(' ← ') || '(no project frame)';
    paths.set(key, (paths.get(key) ?? 0) + ms);
  });
  return [
    `${name}: ${total.toFixed(0)} ms self, by caller:`,
    ...[...paths]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([path, ms]) => `${((ms / Math.max(total, 1e-9)) * 100).toFixed(1).padStart(5)}%  ${path}`),
  ].join('\n');
}

export function summarise(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  let total = 0;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += ms;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      byPlace.set(frame.functionName, (byPlace.get(frame.functionName) ?? 0) + ms);
      continue;
    }
    const place = placeOf(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${place}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  }
  const busy = total - (byPlace.get('(idle)') ?? 0);
  const table = (rows: Map<string, number>) =>
    [...rows]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, ms]) =>
          `${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`,
      )
      .join('\n');
  return [
    `${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (percentages of busy time)`,
    '',
    'by package or folder (self time):',
    table(byPlace),
    '',
    'by function (self time):',
    table(byFunction),
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: node tools/src/cpuprofile.ts <file.cpuprofile> [--top N]\n');
    process.exitCode = 2;
  }
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const text = values.callers
      ? callersOf(profile, values.callers, Number(values.top))
      : summarise(profile, Number(values.top));
    process.stdout.write(`${file}\n${text}\n\n`);
  }
}
