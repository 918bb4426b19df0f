// The module/event dependency graph as Graphviz DOT: who publishes what to whom, with
// everything no use case covers in red so the gaps show at a glance.
import { instance } from '@viz-js/viz';
import type { ModuleDefinition } from '@meetcute/core';
import { SITE, type Fact } from './coverage.ts';

const RED = '#c62828';

const html = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const red = (text: string): string => `<font color="${RED}">${html(text)}</font>`;
const small = (text: string): string => `<font point-size="9">${text}</font>`;
const quoted = (id: string): string => JSON.stringify(id);

function moduleLabel(name: string, facts: readonly Fact[]): string {
  const endpoints = facts.filter((f) => f.module === name && f.kind === 'endpoint');
  const uncovered = endpoints.filter((f) => f.useCases === 0);
  const count = `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}`;
  const lines = [`<b>${html(name)}</b>`];
  if (endpoints.length === 0) lines.push(small('no endpoints'));
  else if (uncovered.length === 0) lines.push(small(`${html(count)}, all with use cases`));
  else {
    lines.push(small(red(`${count}, ${uncovered.length} without use cases:`)));
    for (const f of uncovered) lines.push(small(red(f.name)));
  }
  return `<${lines.join('<br/>')}>`;
}

function useCasesOf(facts: readonly Fact[], module: string, kind: Fact['kind'], name: string): number {
  return facts.find((f) => f.module === module && f.kind === kind && f.name === name)?.useCases ?? 0;
}

interface Flow {
  type: string;
  /** Why no use case covers it, on either end; empty when covered. */
  gaps: string[];
}

/** Every event from each publisher to each consumer, grouped per pair so one edge carries them all. */
function flows(modules: readonly ModuleDefinition[], facts: readonly Fact[]): Map<string, Flow[]> {
  const pairs = new Map<string, Flow[]>();
  for (const publisher of modules) {
    for (const event of publisher.publishes) {
      // A retired event is read from older logs only: nothing can show it published.
      const published =
        event.retired !== undefined || useCasesOf(facts, publisher.name, 'publishes', event.type) > 0;
      for (const consumer of modules.filter((m) => m.consumes.some((e) => e.type === event.type))) {
        const given = useCasesOf(facts, consumer.name, 'consumes', event.type) > 0;
        const gaps = [
          published ? '' : 'no use case publishes it',
          given ? '' : `no ${consumer.name} use case starts from it`,
        ];
        const key = JSON.stringify([publisher.name, consumer.name]);
        pairs.set(key, [...(pairs.get(key) ?? []), { type: event.type, gaps: gaps.filter(Boolean) }]);
      }
    }
  }
  return pairs;
}

const flowLabel = (f: Flow): string =>
  f.gaps.length === 0 ? html(f.type) : [red(f.type), ...f.gaps.map((g) => small(red(g)))].join('<br/>');

/** An edge from each publisher to each consumer, labelled with the events; events nobody consumes dangle. */
export function moduleGraph(modules: readonly ModuleDefinition[], facts: readonly Fact[]): string {
  const lines = [
    'digraph modules {',
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.4, ranksep=1.1];',
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=12, margin="0.2,0.1"];',
    '  edge [fontname="Helvetica", fontsize=10, color="#555555"];',
  ];
  for (const m of modules)
    lines.push(`  ${quoted(`module:${m.name}`)} [label=${moduleLabel(m.name, facts)}];`);
  if (facts.some((f) => f.module === SITE)) {
    lines.push(`  ${quoted(`module:${SITE}`)} [style="rounded,dashed", label=${moduleLabel(SITE, facts)}];`);
  }
  for (const [key, events] of flows(modules, facts)) {
    const [from = '', to = ''] = JSON.parse(key) as string[];
    const colour = events.some((e) => e.gaps.length > 0) ? `, color="${RED}"` : '';
    const label = events.map(flowLabel).join('<br/>');
    lines.push(`  ${quoted(`module:${from}`)} -> ${quoted(`module:${to}`)} [label=<${label}>${colour}];`);
  }
  for (const publisher of modules) {
    for (const event of publisher.publishes) {
      if (modules.some((m) => m.consumes.some((e) => e.type === event.type))) continue;
      const shown = useCasesOf(facts, publisher.name, 'publishes', event.type) > 0;
      const node = quoted(`event:${event.type}`);
      const label = shown
        ? html(event.type)
        : `${red(event.type)}<br/>${small(red('no use case publishes it'))}`;
      lines.push(
        `  ${node} [shape=ellipse, style=dashed, fontsize=10, color="${shown ? '#555555' : RED}", label=<${label}>];`,
      );
      lines.push(
        `  ${quoted(`module:${publisher.name}`)} -> ${node} [style=dashed${shown ? '' : `, color="${RED}"`}];`,
      );
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Renders DOT with real Graphviz (compiled to WebAssembly, so no system package is needed). */
export async function renderSvg(dot: string): Promise<string> {
  return (await instance()).renderString(dot, { format: 'svg' });
}
