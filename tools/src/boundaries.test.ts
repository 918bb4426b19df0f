import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { crossing, databaseCrossings, importsOf } from './boundaries.ts';

test('every kind of import is found, with its line', () => {
  const source = [
    "import { a } from './a.ts';",
    'import {',
    '  b,',
    '  type C,',
    "} from '@meetcute/b';",
    "export * from './c.ts';",
    "import '@meetcute/d';",
    "const e = await import('@meetcute/e');",
    "export const f = 'import g from \"h\"'; // from 'nowhere'",
  ].join('\n');
  assert.deepEqual(importsOf(source), [
    { line: 1, specifier: './a.ts' },
    { line: 5, specifier: '@meetcute/b' },
    { line: 6, specifier: './c.ts' },
    { line: 7, specifier: '@meetcute/d' },
    { line: 8, specifier: '@meetcute/e' },
  ]);
});

test('modules use each other by package root only, and the chassis uses no module', () => {
  const packages = new Map([
    [join('packages', 'core'), '@meetcute/core'],
    [join('packages', 'cast'), '@meetcute/cast'],
    [join('modules', 'alpha'), '@meetcute/alpha'],
    [join('modules', 'beta'), '@meetcute/beta'],
  ]);
  const routes = join('modules', 'alpha', 'src', 'routes.ts');
  const spec = join('modules', 'alpha', 'src', 'use-cases.ts');
  const core = join('packages', 'core', 'src', 'app.ts');
  const test = join('modules', 'alpha', 'src', 'alpha.test.ts');
  const bench = join('modules', 'alpha', 'bench', 'feed.bench.ts');
  const allowed: Array<[string, string]> = [
    [test, '@meetcute/server'],
    [bench, '@meetcute/server'],
    [test, '@meetcute/server/testing'],
    [routes, './store.ts'],
    [routes, 'typebox'],
    [routes, '@meetcute/core'],
    [routes, '@meetcute/web'],
    [routes, '@meetcute/beta'],
    [spec, '@meetcute/cast'],
    [spec, '@meetcute/core/testing'],
    [core, './events.ts'],
  ];
  for (const [file, specifier] of allowed)
    assert.equal(crossing(file, specifier, packages), undefined, `${file} ${specifier}`);
  const refused: Array<[string, string]> = [
    [routes, '../../beta/src/store.ts'],
    [routes, '@meetcute/beta/src/store.ts'],
    [routes, '@meetcute/server'],
    [routes, '@meetcute/server/testing'],
    [test, '@meetcute/server/src/app.ts'],
    [bench, '@meetcute/server/src/modules.ts'],
    [routes, '@meetcute/cast'],
    [routes, '@meetcute/core/testing'],
    [core, '@meetcute/alpha'],
    [core, '../../../web/src/html.ts'],
  ];
  for (const [file, specifier] of refused)
    assert.ok(crossing(file, specifier, packages), `${file} ${specifier}`);
});

test('above the modules, workspaces use others by their roots; the page chassis uses only the chassis', () => {
  const packages = new Map([
    [join('packages', 'core'), '@meetcute/core'],
    ['web', '@meetcute/web'],
    [join('modules', 'alpha'), '@meetcute/alpha'],
    ['community', '@meetcute/community'],
    ['server', '@meetcute/server'],
  ]);
  const importer = join('community', 'src', 'importer.ts');
  const kit = join('server', 'src', 'testing.ts');
  const page = join('web', 'src', 'layout.ts');
  const allowed: Array<[string, string]> = [
    [importer, '@meetcute/alpha'],
    [importer, '@meetcute/alpha/events'],
    [importer, '@meetcute/core'],
    [kit, '@meetcute/core/testing'],
    [join('bench', 'src', 'suite.ts'), '@meetcute/server/testing'],
    // The server publishes its cluster launcher; nobody else publishes a 'cluster'.
    [join('bench', 'src', 'cluster.ts'), '@meetcute/server/cluster'],
    [page, '@meetcute/core'],
  ];
  for (const [file, specifier] of allowed)
    assert.equal(crossing(file, specifier, packages), undefined, `${file} ${specifier}`);
  const refused: Array<[string, string]> = [
    [importer, '@meetcute/alpha/src/store.ts'],
    [importer, '../../modules/alpha/src/store.ts'],
    [importer, '@meetcute/core/testing'],
    [importer, '@meetcute/alpha/cluster'],
    [page, '@meetcute/alpha'],
  ];
  for (const [file, specifier] of refused)
    assert.ok(crossing(file, specifier, packages), `${file} ${specifier}`);
});

test("only the chassis, a module its own and tests open a module's database", () => {
  const opens = (name: string) => `const db = app.channel('${name}').database.db;`;
  const lines = (file: string, source: string) => databaseCrossings(file, source).map((v) => v.line);
  assert.deepEqual(lines(join('community', 'src', 'importer.ts'), `\n${opens('chat')}`), [2]);
  assert.deepEqual(lines(join('modules', 'alpha', 'src', 'store.ts'), opens('beta')), [1]);
  assert.deepEqual(lines(join('server', 'src', 'main.ts'), 'const db = channel.database.db;'), [1]);
  assert.deepEqual(lines(join('modules', 'alpha', 'bench', 'feed.bench.ts'), opens('alpha')), []);
  assert.deepEqual(lines(join('server', 'test', 'rebuild.test.ts'), opens('alpha')), []);
  assert.deepEqual(lines(join('packages', 'core', 'src', 'app.ts'), opens('alpha')), []);
  assert.deepEqual(
    lines(join('tools', 'src', 'x.ts'), `// never app.channel('alpha').database\n/* nor .database.db */`),
    [],
  );
});
