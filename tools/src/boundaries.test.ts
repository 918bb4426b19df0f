import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { crossing, importsOf } from './boundaries.ts';

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
