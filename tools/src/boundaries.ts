// Module boundaries (`make style`): a module is a folder others may only use through its
// package root, so it can be rewritten or deleted without breaking anyone's imports.
// The chassis (packages/core) knows no module, no page chassis and no composition root;
// the page chassis (web) knows only the chassis; what sits above the modules (the
// composition root, the importer, benchmarks, tools, the browser suite) uses them by
// their roots too. And data: no code but the chassis opens a module's database from
// outside (`app.channel(name).database`), except a module its own and tests reading state.
//
//   node tools/src/boundaries.ts   → exit 1 listing file:line and the import, when broken
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Import {
  line: number;
  specifier: string;
}

export interface Violation extends Import {
  file: string;
  reason: string;
}

// `import x from`, `import type { a, b } from`, `export * from`, `export { a } from`, over
// several lines; the clause may hold only names, braces, commas and `*`, so a statement such
// as `export const x = …` never reaches a later `from`.
const FROM = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w$*{},\s]+?\s*)?from\s*(['"])([^'"\r\n]+)\1/gm;
const BARE = /^[ \t]*import\s*(['"])([^'"\r\n]+)\1/gm;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\r\n]+)\1/g;

/** Every module specifier a TypeScript file imports or re-exports, with its line. */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const pattern of [FROM, BARE, DYNAMIC]) {
    for (const m of source.matchAll(pattern)) {
      const specifier = m[2] ?? '';
      const at = m.index + m[0].lastIndexOf(specifier);
      found.push({ line: source.slice(0, at).split('\n').length, specifier });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Tests and use cases describe behaviour with the cast and the test kit; production code may not. */
function isSpec(file: string): boolean {
  const name = basename(file);
  return name.endsWith('.test.ts') || name.startsWith('use-cases.') || file.split(sep).includes('use-cases');
}

/** A package's test kit (its `testing.ts` entry point or `testing/` folder) builds on other test kits. */
function isTestKit(file: string): boolean {
  return basename(file) === 'testing.ts' || file.split(sep).includes('testing');
}

const CORE = join('packages', 'core');
const WEB = 'web';

/** Above the modules: they may use any workspace by its root or published entry points. */
const UPPER = new Set(['server', 'community', 'bench', 'tools', 'e2e']);

/** Entry points a package publishes besides its root: its events, its test kit. */
const ENTRY_POINTS = new Set(['events', 'testing']);

/** Entry points only one package publishes: the server's cluster launcher, which the cluster benchmark starts nodes with. */
const OWN_ENTRY_POINTS: Record<string, ReadonlySet<string>> = { server: new Set(['cluster']) };

/** Above the modules, a workspace reaches others through their roots and published entry points. */
function upperCrossing(file: string, specifier: string, own: string | undefined): string | undefined {
  if (!specifier.startsWith('@meetcute/')) return undefined;
  const [, pkg = '', ...deep] = specifier.split('/');
  const root = `@meetcute/${pkg}`;
  if (root === own)
    return deep.length > 0 ? 'imports its own package by name; use a relative path' : undefined;
  if (
    deep.length === 0 ||
    (deep.length === 1 && (ENTRY_POINTS.has(deep[0]!) || OWN_ENTRY_POINTS[pkg]?.has(deep[0]!)))
  ) {
    if (
      deep[0] === 'testing' &&
      !isSpec(file) &&
      !isTestKit(file) &&
      !file.startsWith(`bench${sep}`) &&
      !file.startsWith(`e2e${sep}`)
    )
      return 'only tests, benchmarks and the browser suite may import a test kit';
    return undefined;
  }
  return `reaches into another package; import its root ${root}`;
}

/** The page chassis sits below the modules: it may use the chassis only. */
function webCrossing(specifier: string): string | undefined {
  if (!specifier.startsWith('@meetcute/') || specifier === '@meetcute/web' || specifier === '@meetcute/core')
    return undefined;
  return 'the page chassis (web) imports only @meetcute/core';
}

/** The chassis may use its own files and third-party packages only. */
function chassisCrossing(specifier: string, own: string | undefined): string | undefined {
  if (!specifier.startsWith('@meetcute/') || specifier === own) return undefined;
  return 'the chassis (packages/core) imports no other workspace';
}

/** A module may use the chassis, the page chassis, other modules by their root, and the cast in specs. */
function moduleCrossing(
  file: string,
  specifier: string,
  packages: ReadonlyMap<string, string>,
  own: string | undefined,
): string | undefined {
  if (!specifier.startsWith('@meetcute/')) return undefined;
  const [, pkg = '', ...deep] = specifier.split('/');
  const root = `@meetcute/${pkg}`;
  if (root === own)
    return deep.length > 0 ? 'imports its own package by name; use a relative path' : undefined;
  if (specifier === '@meetcute/core/testing') {
    return isSpec(file) ? undefined : 'only tests and use cases may import the test kit';
  }
  if (root === '@meetcute/server') {
    // A module's own tests and benchmarks may start the whole app (its root, or its test
    // factory at /testing); its code never depends on the composition root.
    const entry = deep.join('/');
    const name = basename(file);
    return (name.endsWith('.test.ts') || name.endsWith('.bench.ts')) && (entry === '' || entry === 'testing')
      ? undefined
      : 'only tests may import the composition root (@meetcute/server)';
  }
  // A module's events are its published language, so they have an entry point of their own.
  if (deep.length === 1 && deep[0] === 'events') return undefined;
  if (deep.length > 0) return `reaches into another package; import its root ${root}`;
  if (root === '@meetcute/cast')
    return isSpec(file) ? undefined : 'only use cases and tests may import the cast';
  if (root === '@meetcute/core' || root === '@meetcute/web') return undefined;
  const isModule = [...packages].some(
    ([folder, name]) => name === root && folder.startsWith(`modules${sep}`),
  );
  return isModule ? undefined : "a module imports only @meetcute/core, web, cast and other modules' roots";
}

/**
 * Why `specifier`, imported by `file` (relative to the repository root), crosses a
 * boundary; undefined when it may. `packages` maps workspace folders to package names.
 */
export function crossing(
  file: string,
  specifier: string,
  packages: ReadonlyMap<string, string>,
): string | undefined {
  const home = workspaceOf(file);
  if (home === undefined) return undefined;
  if (specifier.startsWith('.')) {
    const target = relative(home, join(dirname(file), specifier));
    return target.startsWith('..') ? `reaches outside ${home}/ by a relative path` : undefined;
  }
  const own = packages.get(home);
  if (home === CORE) return chassisCrossing(specifier, own);
  if (home === WEB) return webCrossing(specifier);
  if (UPPER.has(home)) return upperCrossing(file, specifier, own);
  // The other packages (the cast) serve the modules' specs as a module would.
  return moduleCrossing(file, specifier, packages, own);
}

/** The workspace folder a file belongs to: `modules/x`, `packages/x`, or a top-level one. */
function workspaceOf(file: string): string | undefined {
  const [area = '', name = ''] = file.split(sep);
  if (area === 'modules' || area === 'packages') return name ? join(area, name) : undefined;
  return UPPER.has(area) || area === WEB ? area : undefined;
}

// `x.channel('name').database`, or any `.database.db`: a module's own database taken from outside.
const DATABASE = /\.channel\(\s*(?:(['"])([\w-]+)\1)?[^)]*\)\s*\.database\b|\.database\.db\b/g;

/** The source with its comments blanked out (lines kept), so prose about the rule does not break it. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g, (c: string, before?: string) =>
    before === undefined ? c.replace(/[^\n]/g, ' ') : before,
  );
}

/**
 * Places in `source` (the file `file`) that open a module's database from outside it: only
 * the chassis may, tests may read any module's state, and a module (its benchmarks
 * included) may open its own.
 */
export function databaseCrossings(file: string, source: string): Violation[] {
  const home = workspaceOf(file);
  if (home === CORE || isSpec(file)) return [];
  const own = home?.startsWith(`modules${sep}`) ? home.slice(`modules${sep}`.length) : undefined;
  const found: Violation[] = [];
  const code = withoutComments(source);
  for (const m of code.matchAll(DATABASE)) {
    if (own !== undefined && m[2] === own) continue;
    found.push({
      file,
      line: code.slice(0, m.index).split('\n').length,
      specifier: m[0],
      reason: "queries a module's tables from outside it; use a service the module exports",
    });
  }
  return found;
}

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        e.name.endsWith('.ts') &&
        !join(e.parentPath, e.name).includes(`${sep}node_modules${sep}`),
    )
    .map((e) => join(e.parentPath, e.name));
}

/** Workspace folder (relative) → package name, read from each package.json so new modules count at once. */
async function workspacePackages(): Promise<Map<string, string>> {
  const packages = new Map<string, string>();
  const { workspaces } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  for (const pattern of workspaces) {
    const folders = pattern.endsWith('/*')
      ? (await readdir(join(ROOT, pattern.slice(0, -2))).catch(() => [])).map((f) =>
          join(pattern.slice(0, -2), f),
        )
      : [pattern];
    for (const folder of folders) {
      const manifest = await readFile(join(ROOT, folder, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest === undefined) continue;
      const { name } = JSON.parse(manifest) as { name?: string };
      if (name) packages.set(folder, name);
    }
  }
  return packages;
}

async function main(): Promise<number> {
  const packages = await workspacePackages();
  const files = (await Promise.all([...packages.keys()].map((folder) => tsFiles(join(ROOT, folder))))).flat();
  const violations: Violation[] = [];
  for (const path of files) {
    const file = relative(ROOT, path);
    const source = await readFile(path, 'utf8');
    for (const found of importsOf(source)) {
      const reason = crossing(file, found.specifier, packages);
      if (reason) violations.push({ ...found, file, reason });
    }
    violations.push(...databaseCrossings(file, source));
  }
  if (violations.length === 0) {
    console.log(`module boundaries: ok (${files.length} files)`);
    return 0;
  }
  console.error(
    `module boundaries: ${violations.length} place${violations.length === 1 ? '' : 's'} cross a boundary`,
  );
  for (const v of violations) console.error(`  ${v.file}:${v.line}  '${v.specifier}': ${v.reason}`);
  return 1;
}

if (import.meta.main) process.exitCode = await main();
