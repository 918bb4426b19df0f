// Use cases as stories a product person can read: GIVEN earlier events, WHEN a member
// calls an endpoint, THEN the answer and the new events. Member ids become cast names.
import type { ExpectedEvent, Given, ModuleDefinition, UseCase, When } from '@meetcute/core';
import { SITE, type Fact } from './coverage.ts';

/** The people of the use cases, so stories can say Nancy instead of a uuid. */
export interface Cast {
  /** Member id → name. */
  names: ReadonlyMap<string, string>;
  /** Values the use cases reuse whole, by what to call them: "Nancy's application" → nancy.application. */
  values: ReadonlyMap<string, unknown>;
}

const MAX_JSON = 240;

function nameOf(id: string, cast: Cast): string {
  return cast.names.get(id) ?? `member ${id.length > 12 ? `…${id.slice(-6)}` : id}`;
}

/** Replaces every cast member's id with <Name>, so URLs and bodies say who they are about. */
function withNames(text: string, cast: Cast): string {
  let named = text;
  for (const [id, name] of cast.names) named = named.replaceAll(id, `<${name}>`);
  return named;
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Compact JSON that names cast values and, below `depth`, shows nested objects as {…}. */
function compact(value: unknown, cast: Cast, depth: number, known: ReadonlyMap<string, string>): string {
  const text = JSON.stringify(value) ?? String(value);
  const label = known.get(text);
  if (label !== undefined) return `<${label}>`;
  if (value === null || typeof value !== 'object') return withNames(text, cast);
  if (depth <= 0) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.map((v) => compact(v, cast, depth - 1, known)).join(',')}]`;
  const fields = Object.entries(value).map(
    ([k, v]) => `${JSON.stringify(k)}:${compact(v, cast, depth - 1, known)}`,
  );
  return `{${fields.join(',')}}`;
}

// Long bodies lose their nested detail first and are cut only if that is not enough.
function json(value: unknown, cast: Cast): string {
  const known = new Map([...cast.values].map(([label, v]) => [JSON.stringify(v), label]));
  let text = compact(value, cast, Infinity, known);
  if (text.length > MAX_JSON) text = compact(value, cast, 1, known);
  return code(text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}…` : text);
}

/** "by Mo, about Nancy": who did it and, when someone else, whom it concerns. */
function whose(g: Given, cast: Cast): string {
  const about = (g.payload as { memberId?: unknown }).memberId;
  const parts = [];
  if (g.actorId) parts.push(`by ${nameOf(g.actorId, cast)}`);
  if (typeof about === 'string' && about !== g.actorId) parts.push(`about ${nameOf(about, cast)}`);
  return parts.join(', ');
}

/** Consecutive events with the same actor read as one group: "AccountCreated, RegistrationSubmitted (by Nancy)". */
function history(given: readonly Given[], cast: Cast): string {
  const groups: Array<{ who: string; types: string[] }> = [];
  for (const g of given) {
    const who = whose(g, cast);
    const last = groups.at(-1);
    if (last?.who === who) last.types.push(g.event.type);
    else groups.push({ who, types: [g.event.type] });
  }
  return groups.map((g) => (g.who ? `${g.types.join(', ')} (${g.who})` : g.types.join(', '))).join('; ');
}

function call(when: When, cast: Cast): string {
  const who = when.as ? nameOf(when.as, cast) : 'a visitor';
  const verb = when.form ? 'sends the form' : 'calls';
  const empty =
    when.body === undefined || (typeof when.body === 'object' && Object.keys(when.body ?? {}).length === 0);
  const body = empty ? '' : ` with ${json(when.body, cast)}`;
  return `${who} ${verb} ${code(withNames(`${when.method} ${when.url}`, cast))}${body}`;
}

function published(events: readonly ExpectedEvent[], cast: Cast): string {
  if (events.length === 0) return 'no event is published';
  const listed = events.map((e) => (e.payload ? `${e.event.type} ${json(e.payload, cast)}` : e.event.type));
  const last = listed.pop() ?? '';
  return `${listed.length > 0 ? `${listed.join(', ')} and ${last} are` : `${last} is`} published`;
}

function answer(uc: UseCase, cast: Cast): string {
  const { then } = uc;
  const parts = [String(then.status)];
  if (then.body !== undefined) parts.push(`with ${json(then.body, cast)}`);
  if (then.location !== undefined) parts.push(`redirecting to ${code(withNames(then.location, cast))}`);
  if (then.page?.length) parts.push(`and the page shows ${then.page.map(code).join(', ')}`);
  if (then.pageLacks?.length) parts.push(`but not ${then.pageLacks.map(code).join(', ')}`);
  return parts.join(' ');
}

export function story(uc: UseCase, cast: Cast): string {
  const lines = [`### ${uc.title}`, ''];
  if (uc.given?.length) lines.push(`- **GIVEN** ${history(uc.given, cast)}`);
  // Steps repeated to build up state (five failed log-ins) read as one line.
  const steps = (uc.before ?? []).map((step) => call(step, cast));
  for (let i = 0; i < steps.length;) {
    let times = 1;
    while (steps[i + times] === steps[i]) times++;
    lines.push(`- **AND** ${times > 1 ? `${times} times, ` : ''}${steps[i]}`);
    i += times;
  }
  if (uc.clock) lines.push(`- **AND** the clock reads ${uc.clock}`);
  lines.push(`- **WHEN** ${call(uc.when, cast)}`);
  lines.push(`- **THEN** ${answer(uc, cast)}`);
  lines.push(`- **AND** ${published(uc.then.events ?? [], cast)}`);
  return lines.join('\n');
}

function covered(fact: Fact): string {
  return fact.useCases === 0
    ? '**no use case**'
    : `${fact.useCases} use case${fact.useCases === 1 ? '' : 's'}`;
}

function factList(label: string, facts: readonly Fact[]): string {
  if (facts.length === 0) return `- ${label}: none`;
  return [`- ${label}:`, ...facts.map((f) => `  - ${code(f.name)}: ${covered(f)}`)].join('\n');
}

function moduleSection(module: ModuleDefinition, facts: readonly Fact[], cast: Cast): string {
  const own = facts.filter((f) => f.module === module.name);
  const parts = [
    `## ${module.name}`,
    '',
    module.description || '_No description yet._',
    '',
    factList(
      'Endpoints',
      own.filter((f) => f.kind === 'endpoint'),
    ),
    factList(
      'Publishes',
      own.filter((f) => f.kind === 'publishes'),
    ),
    factList(
      'Consumes',
      own.filter((f) => f.kind === 'consumes'),
    ),
    '',
  ];
  if (module.useCases.length === 0) parts.push('_No use cases yet._', '');
  for (const uc of module.useCases) parts.push(story(uc, cast), '');
  return parts.join('\n');
}

export function renderStories(
  modules: readonly ModuleDefinition[],
  facts: readonly Fact[],
  cast: Cast,
): string {
  const total = modules.reduce((n, m) => n + m.useCases.length, 0);
  const parts = [
    '# Use cases',
    '',
    `Generated by \`make docs\` from every module's use cases (${total} in ${modules.length} modules); do not edit.`,
    'Each one also runs as a test. Member ids are shown as the cast member they belong to, e.g. `<Nancy>`.',
    '',
    ...modules.map(
      (m) => `- [${m.name}](#${m.name}): ${m.useCases.length} use case${m.useCases.length === 1 ? '' : 's'}`,
    ),
    '',
  ];
  for (const module of modules) parts.push(moduleSection(module, facts, cast));
  const site = facts.filter((f) => f.module === SITE);
  if (site.length > 0) {
    parts.push(`## ${SITE}`, '', 'Pages the composition root adds outside any module (@meetcute/web).', '');
    parts.push(factList('Endpoints', site), '');
  }
  return parts.join('\n');
}
