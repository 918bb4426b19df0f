// Which endpoints and events the use cases cover: a pure function of the module list
// and the routes the app declared, so it can be tested without building the app.
import type { App, ModuleDefinition, UseCase } from '@meetcute/core';

export type RouteRecord = App['routes'][number];

/** Routes declared outside any module's register() come from the composition root's plugins, i.e. @meetcute/web. */
export const SITE = 'web';

export type FactKind = 'consumes' | 'endpoint' | 'publishes';

/** One line of summary.tsv: something a module offers, and how many use cases show it. */
export interface Fact {
  module: string;
  kind: FactKind;
  /** "METHOD /template" for endpoints, the event type for events. */
  name: string;
  useCases: number;
}

export interface Endpoint {
  module: string;
  method: string;
  template: string;
}

export interface Stray {
  module: string;
  title: string;
  problem: string;
}

export const endpointName = (e: Endpoint): string => `${e.method} ${e.template}`;

/** The endpoints worth documenting: API and page routes, without the HEAD twins Fastify adds to every GET. */
export function endpointsOf(routes: readonly RouteRecord[]): Endpoint[] {
  const documented = routes.filter((r) => r.kind === 'api' || r.kind === 'page');
  const gets = new Set(documented.filter((r) => r.method === 'GET').map((r) => r.url));
  const seen = new Set<string>();
  const endpoints: Endpoint[] = [];
  for (const r of documented) {
    if (r.method === 'HEAD' && gets.has(r.url)) continue;
    const endpoint = { module: r.module ?? SITE, method: r.method, template: r.url };
    if (seen.has(endpointName(endpoint))) continue;
    seen.add(endpointName(endpoint));
    endpoints.push(endpoint);
  }
  return endpoints;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// Fastify templates: ":name", ":name(regex)", several params in one segment, and "*".
const PARAM = /:\w+(?:\([^)]*\))?|\*/g;

/** Template with parameter names erased, so "GET /x/:id" and "GET /x/{cityId}" compare equal. */
function shapeOf(template: string): string {
  return template.replace(PARAM, (m) => (m === '*' ? '*' : ':')).replace(/\{\w+\}/g, ':');
}

function patternOf(template: string): RegExp {
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PARAM)) {
    source += escape(template.slice(last, m.index)) + (m[0] === '*' ? '.*' : '[^/]+');
    last = m.index + m[0].length;
  }
  return new RegExp(`^${source}${escape(template.slice(last))}$`);
}

// find-my-way prefers static segments over parameters over wildcards, so when several
// templates match a URL the one with the most static prefix is the one Fastify calls.
function rank(template: string): number[] {
  return template.split('/').map((s) => (s.includes('*') ? 2 : s.includes(':') ? 1 : 0));
}

function moreSpecific(a: Endpoint, b: Endpoint): number {
  const ra = rank(a.template);
  const rb = rank(b.template);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const d = (ra[i] ?? 0) - (rb[i] ?? 0);
    if (d !== 0) return d;
  }
  return rb.length - ra.length;
}

/** The endpoint a use case documents: its explicit `endpoint`, else the route its `when` reaches. */
export function endpointOf(uc: UseCase, endpoints: readonly Endpoint[]): Endpoint | undefined {
  if (uc.endpoint !== undefined) {
    const [method = '', template = ''] = uc.endpoint.trim().split(/\s+/);
    const shape = shapeOf(template);
    return endpoints.find((e) => e.method === method.toUpperCase() && shapeOf(e.template) === shape);
  }
  let path = uc.when.url.split(/[?#]/)[0] ?? '';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1); // the app ignores trailing slashes
  return endpoints
    .filter((e) => e.method === uc.when.method && patternOf(e.template).test(path))
    .sort(moreSpecific)[0];
}

interface Owned {
  module: ModuleDefinition;
  useCase: UseCase;
}

const allUseCases = (modules: readonly ModuleDefinition[]): Owned[] =>
  modules.flatMap((module) => module.useCases.map((useCase) => ({ module, useCase })));

// Code-point order, so the file is byte-identical whatever the machine's locale.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byModuleKindName = (a: Fact, b: Fact): number =>
  compare(a.module, b.module) || compare(a.kind, b.kind) || compare(a.name, b.name);

/**
 * One fact per endpoint, published event and consumed event, each with the number of
 * use cases that show it. An endpoint counts the use cases of every module that call it;
 * a published event counts use cases that expect it as a new event (a GIVEN only assumes it);
 * a consumed event counts the consuming module's use cases that start from it.
 */
export function summarise(modules: readonly ModuleDefinition[], routes: readonly RouteRecord[]): Fact[] {
  const cases = allUseCases(modules);
  const endpoints = endpointsOf(routes);
  const hits = new Map<string, number>();
  for (const { useCase } of cases) {
    const hit = endpointOf(useCase, endpoints);
    if (hit) hits.set(endpointName(hit), (hits.get(endpointName(hit)) ?? 0) + 1);
  }
  const facts: Fact[] = endpoints.map((e) => ({
    module: e.module,
    kind: 'endpoint',
    name: endpointName(e),
    useCases: hits.get(endpointName(e)) ?? 0,
  }));
  for (const module of modules) {
    // A retired event is only read from older logs: its consumers are covered, its publishing cannot be.
    for (const event of module.publishes.filter((e) => e.retired === undefined)) {
      const useCases = cases.filter(({ useCase }) =>
        (useCase.then.events ?? []).some((x) => x.event.type === event.type),
      ).length;
      facts.push({ module: module.name, kind: 'publishes', name: event.type, useCases });
    }
    for (const event of module.consumes) {
      const useCases = module.useCases.filter((uc) =>
        (uc.given ?? []).some((g) => g.event.type === event.type),
      ).length;
      facts.push({ module: module.name, kind: 'consumes', name: event.type, useCases });
    }
  }
  return facts.sort(byModuleKindName);
}

/** Use cases that document no declared endpoint: a typo in `endpoint`, or a URL no route serves. */
export function strays(modules: readonly ModuleDefinition[], routes: readonly RouteRecord[]): Stray[] {
  const endpoints = endpointsOf(routes);
  return allUseCases(modules)
    .filter(({ useCase }) => !endpointOf(useCase, endpoints))
    .map(({ module, useCase }) => ({
      module: module.name,
      title: useCase.title,
      problem:
        useCase.endpoint === undefined
          ? `${useCase.when.method} ${useCase.when.url} reaches no API or page route`
          : `endpoint "${useCase.endpoint}" is not a declared API or page route`,
    }));
}

export const TSV_HEADER = 'module\tkind\tname\tuse_cases';

export function toTsv(facts: readonly Fact[]): string {
  return (
    [TSV_HEADER, ...facts.map((f) => `${f.module}\t${f.kind}\t${f.name}\t${f.useCases}`)].join('\n') + '\n'
  );
}
