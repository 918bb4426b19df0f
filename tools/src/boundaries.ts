// Module boundaries (`make style`): a module is a folder others may only use through its
// package root, so it can be rewritten or deleted without breaking anyone's imports.
// The chassis (packages/core) knows no module, no page chassis and no composition root.
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

const CORE = join('packages', 'core');

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
  const [area, name = ''] = file.split(sep);
  const home = area === 'modules' ? join('modules', name) : file.startsWith(CORE + sep) ? CORE : undefined;
  if (home === undefined) return undefined;
  if (specifier.startsWith('.')) {
    const target = relative(home, join(dirname(file), specifier));
    return target.startsWith('..') ? `reaches outside ${home}/ by a relative path` : undefined;
  }
  const own = packages.get(home);
  return home === CORE ? chassisCrossing(specifier, own) : moduleCrossing(file, specifier, packages, own);
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
  for (const area of ['modules', 'packages']) {
    for (const folder of await readdir(join(ROOT, area)).catch(() => [])) {
      const manifest = await readFile(join(ROOT, area, folder, 'package.json'), 'utf8').catch(
        () => undefined,
      );
      if (manifest === undefined) continue;
      const { name } = JSON.parse(manifest) as { name?: string };
      if (name) packages.set(join(area, folder), name);
    }
  }
  return packages;
}

async function main(): Promise<number> {
  const packages = await workspacePackages();
  const files = [
    ...(await tsFiles(join(ROOT, 'modules'))),
    ...(await tsFiles(join(ROOT, 'packages', 'core'))),
  ];
  const violations: Violation[] = [];
  for (const path of files) {
    const file = relative(ROOT, path);
    for (const found of importsOf(await readFile(path, 'utf8'))) {
      const reason = crossing(file, found.specifier, packages);
      if (reason) violations.push({ ...found, file, reason });
    }
  }
  if (violations.length === 0) {
    console.log(`module boundaries: ok (${files.length} files)`);
    return 0;
  }
  console.error(
    `module boundaries: ${violations.length} import${violations.length === 1 ? '' : 's'} cross a boundary`,
  );
  for (const v of violations) console.error(`  ${v.file}:${v.line}  '${v.specifier}': ${v.reason}`);
  return 1;
}

if (import.meta.main) process.exitCode = await main();
