import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FUNCTION_LIMIT, longFunctions, moduleProblems } from './shape.ts';

test('a module missing its use cases, misnamed, or not declaring its tables is out of shape', async () => {
  const root = await mkdtemp(join(tmpdir(), 'shape-'));
  try {
    const folder = join(root, 'modules', 'shortlist');
    await mkdir(join(folder, 'src'), { recursive: true });
    await writeFile(
      join(folder, 'package.json'),
      JSON.stringify({ name: '@meetcute/short', exports: { '.': './src/index.ts' } }),
    );
    await writeFile(join(folder, 'src', 'events.ts'), 'export const events = [];\n');
    await writeFile(
      join(folder, 'src', 'index.ts'),
      "export const shortlist = defineModule({\n  name: 'shortlist',\n});\n",
    );
    const problems = (await moduleProblems(join('modules', 'shortlist'), root)).map(
      (p) => `${p.where}: ${p.problem}`,
    );
    assert.deepEqual(problems, [
      'modules/shortlist/src/use-cases.ts: missing: its behaviour as use cases: given events, when a call, then a response and events',
      'modules/shortlist/package.json: is named @meetcute/short, not @meetcute/shortlist',
      'modules/shortlist/package.json: has src/events.ts but does not export it as ./events',
      'modules/shortlist/src/index.ts: does not declare its tables (tables: {} when it has none)',
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a production function over the limit is named; tests are lists of steps and are not', () => {
  const body = (lines: number) => `function long() {\n${'  step();\n'.repeat(lines - 2)}}\n`;
  assert.deepEqual(longFunctions('modules/x/src/routes.ts', body(FUNCTION_LIMIT)), []);
  const found = longFunctions('modules/x/src/routes.ts', body(FUNCTION_LIMIT + 1));
  assert.deepEqual(
    found.map((f) => [f.name, f.lines]),
    [['long', FUNCTION_LIMIT + 1]],
  );
  assert.deepEqual(longFunctions('modules/x/src/x.test.ts', body(FUNCTION_LIMIT + 1)), []);
  assert.deepEqual(longFunctions('modules/x/src/use-cases.ts', body(FUNCTION_LIMIT + 1)), []);
});
