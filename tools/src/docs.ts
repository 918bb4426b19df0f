// The living documentation (`make docs`): builds the whole app in memory, the same way
// the server does, so the docs list exactly the modules and routes that run, then writes
// the use cases as stories, a grep-able coverage summary and the module/event graph.
//
//   node tools/src/docs.ts [--out DIR] [--check]
//
// --check exits 1 when an endpoint or event is covered by no use case (for CI).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStorage, readConfig, type ModuleDefinition } from '@meetcute/core';
import { buildApp } from '@meetcute/server';
import { strays, summarise, toTsv, type Fact, type RouteRecord, type Stray } from './docs/coverage.ts';
import { moduleGraph, renderSvg } from './docs/graph.ts';
import { renderStories, type Cast } from './docs/stories.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Nancy, Bob, Eve and Mo. Loaded after the server: the cast is built from registration's
 * events and module use cases import the cast, so entering through the cast first would
 * meet that import cycle from the wrong side.
 */
async function loadCast(): Promise<Cast> {
  const { nancy, bob, eve, mo } = await import('@meetcute/cast');
  const members = [nancy, bob, eve, mo];
  return {
    names: new Map(members.map((m) => [m.memberId, m.application.nickname])),
    values: new Map(members.map((m) => [`${m.application.nickname}'s application`, m.application])),
  };
}

/** What the app declares; the app is closed again before anything is written. */
async function introspect(): Promise<{ modules: ModuleDefinition[]; routes: RouteRecord[] }> {
  const app = await buildApp(readConfig({ MEETCUTE_LOG_LEVEL: 'silent' }), {
    storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
  });
  try {
    return { modules: app.modules, routes: [...app.routes] };
  } finally {
    await app.close();
  }
}

function report(
  modules: readonly ModuleDefinition[],
  facts: readonly Fact[],
  lost: readonly Stray[],
  out: string,
): string {
  const useCases = modules.reduce((n, m) => n + m.useCases.length, 0);
  const lines = [
    `living docs: ${modules.length} modules, ${useCases} use cases -> ${out}/{stories.md,summary.tsv,modules.svg}`,
  ];
  const kinds: Array<[Fact['kind'], string]> = [
    ['endpoint', 'endpoints'],
    ['publishes', 'events published'],
    ['consumes', 'events consumed'],
  ];
  for (const [kind, label] of kinds) {
    const all = facts.filter((f) => f.kind === kind);
    const open = all.filter((f) => f.useCases === 0).length;
    lines.push(
      `  ${label.padEnd(17)} ${String(all.length).padStart(3)}  covered ${all.length - open}, uncovered ${open}`,
    );
  }
  const uncovered = facts.filter((f) => f.useCases === 0);
  if (uncovered.length > 0) {
    lines.push('uncovered (no use case shows them):');
    const width = Math.max(...uncovered.map((f) => f.module.length));
    for (const f of uncovered) lines.push(`  ${f.module.padEnd(width)}  ${f.kind.padEnd(9)}  ${f.name}`);
  }
  if (lost.length > 0) {
    lines.push('use cases that document no endpoint:');
    for (const s of lost) lines.push(`  ${s.module}: "${s.title}": ${s.problem}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, check: { type: 'boolean', default: false } },
    strict: true,
  });
  const out = values.out === undefined ? join(ROOT, 'docs', 'living') : resolve(values.out);

  const { modules, routes } = await introspect();
  const facts = summarise(modules, routes);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'stories.md'), renderStories(modules, facts, await loadCast()));
  await writeFile(join(out, 'summary.tsv'), toTsv(facts));
  await writeFile(join(out, 'modules.svg'), await renderSvg(moduleGraph(modules, facts)));

  console.log(report(modules, facts, strays(modules, routes), relative(process.cwd(), out) || '.'));
  const gaps = facts.filter((f) => f.useCases === 0).length;
  if (values.check && gaps > 0) {
    console.error(`docs --check: ${gaps} endpoints or events are covered by no use case`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
