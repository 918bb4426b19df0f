// `make module NAME=…` makes a module that is in shape and works: its files pass the shape
// check, and its use cases pass in the whole app on every database the suite runs.
import assert from 'node:assert/strict';
import { mkdtemp, rm, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import type { ModuleDefinition } from '@meetcute/core';
import { runUseCases } from '@meetcute/core/testing';
import { modules } from '@meetcute/server';
import { testAppWith } from '@meetcute/server/testing';
import { moduleProblems, longFunctions } from './shape.ts';
import { newModule, register } from './new-module.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
// Inside the repository, so the new module resolves @meetcute/core and kysely as a module would.
await mkdir(join(ROOT, '.tmp'), { recursive: true });
const root = await mkdtemp(join(ROOT, '.tmp', 'new-module-'));
after(() => rm(root, { recursive: true, force: true }));

test('a new module is in shape, is listed in the composition root, and refuses a bad or taken name', async () => {
  const folder = await newModule('shortlist', root);
  assert.deepEqual(await moduleProblems(relative(root, folder), root), []);
  for (const file of ['src/store.ts', 'src/routes.ts', 'src/index.ts'])
    assert.deepEqual(longFunctions(file, await readFile(join(folder, file), 'utf8')), []);
  await mkdir(join(root, 'server', 'src'), { recursive: true });
  const list = join(root, 'server', 'src', 'modules.ts');
  await writeFile(
    list,
    "import type { ModuleDefinition } from '@meetcute/core';\nimport { home } from '@meetcute/home';\n\nexport const modules: ModuleDefinition[] = [\n  home,\n];\n",
  );
  await register('shortlist', root);
  const registered = await readFile(list, 'utf8');
  assert.match(registered, /import \{ shortlist \} from '@meetcute\/shortlist';/);
  assert.match(registered, /  home,\n  shortlist,\n\];/);
  await assert.rejects(newModule('shortlist', root), /exists already/);
  await assert.rejects(newModule('Short-list', root), /lower-case letters/);
});

// The new module's use cases, in the whole app beside every other module.
const made = await newModule('scaffolded', root);
const { scaffolded } = (await import(join(made, 'src', 'index.ts'))) as { scaffolded: ModuleDefinition };
await runUseCases(testAppWith({}, { modules: [...modules, scaffolded] }), [scaffolded]);
