// Module shape (`make style`): every module is laid out the same way (packages/core/README.md,
// "A module's files"), so a newcomer who knows one knows where everything is in any other;
// and no function in production code runs longer than FUNCTION_LIMIT lines, so each can be
// read in one screen.
//
//   node tools/src/shape.ts   → exit 1 listing what is out of shape
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileStats, type FunctionStats } from './complexity.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The longest a function outside tests may be. Tests' step lists (test and describe bodies) are not functions to split. */
export const FUNCTION_LIMIT = 80;

/** Files every module has, and what each holds. */
export const REQUIRED = {
  'package.json':
    'named @meetcute/<folder>, exporting src/index.ts (and src/events.ts as ./events when it publishes)',
  'src/index.ts':
    'the definition: defineModule({ name, description, publishes, consumes, tables, migrations, … })',
  'src/use-cases.ts': 'its behaviour as use cases: given events, when a call, then a response and events',
} as const;

/** Files with a fixed meaning when a module has them. */
export const CONVENTIONAL = {
  'src/events.ts': 'the events it publishes (its published language, imported by others as /events)',
  'src/store.ts': 'its tables (declared as values), migrations and the SQL that reads and writes them',
  'src/rules.ts': 'pure decisions: no I/O, unit-tested and specified by decider-style use cases',
  'src/commands.ts':
    'commands: read what a decision needs, decide (rules), write and publish in one transaction',
  'src/views.ts': 'read models the routes and pages share, in memory where hot',
  'src/routes.ts': 'the JSON API under /api/v1',
  'src/pages.ts': 'the HTML pages, working without JavaScript',
  'src/messages.ts': 'every text a member reads, in each language the site speaks',
  'README.md': 'the design a reader needs that the code cannot say',
} as const;

export interface ShapeProblem {
  where: string;
  problem: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** What is out of shape in one module folder (relative to the repository root). */
export async function moduleProblems(folder: string, root = ROOT): Promise<ShapeProblem[]> {
  const problems: ShapeProblem[] = [];
  const name = basename(folder);
  for (const file of Object.keys(REQUIRED)) {
    if (!(await exists(join(root, folder, file))))
      problems.push({
        where: join(folder, file),
        problem: `missing: ${REQUIRED[file as keyof typeof REQUIRED]}`,
      });
  }
  const manifest = await readFile(join(root, folder, 'package.json'), 'utf8').catch(() => undefined);
  if (manifest !== undefined) {
    const pkg = JSON.parse(manifest) as { name?: string; exports?: Record<string, string> };
    if (pkg.name !== `@meetcute/${name}`)
      problems.push({
        where: join(folder, 'package.json'),
        problem: `is named ${pkg.name}, not @meetcute/${name}`,
      });
    if (pkg.exports?.['.'] !== './src/index.ts')
      problems.push({
        where: join(folder, 'package.json'),
        problem: 'does not export ./src/index.ts as its root',
      });
    const events = await exists(join(root, folder, 'src', 'events.ts'));
    if (events && pkg.exports?.['./events'] !== './src/events.ts')
      problems.push({
        where: join(folder, 'package.json'),
        problem: 'has src/events.ts but does not export it as ./events',
      });
  }
  const index = await readFile(join(root, folder, 'src', 'index.ts'), 'utf8').catch(() => '');
  if (index && !/\bdefineModule\(/.test(index))
    problems.push({
      where: join(folder, 'src', 'index.ts'),
      problem: 'does not define the module (defineModule)',
    });
  if (index && !/^\s+tables[,:]/m.test(index))
    problems.push({
      where: join(folder, 'src', 'index.ts'),
      problem: 'does not declare its tables (tables: {} when it has none)',
    });
  return problems;
}

const isSpec = (path: string): boolean =>
  path.endsWith('.test.ts') ||
  basename(path).startsWith('use-cases') ||
  path.split(sep).includes('use-cases');

/** Functions in production code longer than the limit. */
export function longFunctions(path: string, text: string, limit = FUNCTION_LIMIT): FunctionStats[] {
  if (isSpec(path)) return [];
  return fileStats('', path, text).functions.filter((f) => f.lines > limit);
}

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.includes(`${sep}node_modules${sep}`));
}

async function main(): Promise<number> {
  const problems: ShapeProblem[] = [];
  const modules = (await readdir(join(ROOT, 'modules'), { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  );
  for (const m of modules) problems.push(...(await moduleProblems(join('modules', m.name))));
  const { workspaces } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const folders = workspaces.map((w) => (w.endsWith('/*') ? w.slice(0, -2) : w));
  for (const folder of [...new Set(folders)]) {
    for (const path of await tsFiles(join(ROOT, folder))) {
      const file = relative(ROOT, path);
      for (const f of longFunctions(file, await readFile(path, 'utf8')))
        problems.push({
          where: f.where,
          problem: `${f.name} is ${f.lines} lines long (at most ${FUNCTION_LIMIT})`,
        });
    }
  }
  if (problems.length === 0) {
    console.log(`module shape: ok (${modules.length} modules; no function over ${FUNCTION_LIMIT} lines)`);
    return 0;
  }
  console.error(`module shape: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const p of problems) console.error(`  ${p.where}  ${p.problem}`);
  return 1;
}

if (import.meta.main) process.exitCode = await main();
