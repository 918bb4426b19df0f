// A new module in the shape every module has (`make module NAME=shortlist`): the files
// packages/core/README.md describes, with one working slice through them (a member notes
// something, an event says so, a projection keeps it, the API lists it, use cases specify
// it), registered in server/src/modules.ts. Replace the slice with the real feature.
//
//   node tools/src/new-module.ts <name>   (lower-case letters, e.g. shortlist)
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The names a new module's files use, made from its own. */
interface Names {
  name: string;
  Name: string;
  event: string;
  table: string;
}

/** The files of a new module named `name`, by path inside its folder. */
export function moduleFiles(name: string): Record<string, string> {
  const Name = pascal(name);
  const names: Names = { name, Name, event: `${Name}Noted`, table: `${name}_notes` };
  return {
    'package.json': manifest(names),
    'README.md': readme(names),
    'src/events.ts': eventsFile(names),
    'src/store.ts': storeFile(names),
    'src/rules.ts': rulesFile(),
    'src/commands.ts': commandsFile(names),
    'src/routes.ts': routesFile(names),
    'src/use-cases.ts': useCasesFile(names),
    'src/index.ts': indexFile(names),
  };
}

function manifest({ name, Name }: Names): string {
  return `${JSON.stringify(
    {
      name: `@meetcute/${name}`,
      private: true,
      type: 'module',
      description: `${Name}: say in one line what members get from it.`,
      exports: { '.': './src/index.ts', './events': './src/events.ts' },
    },
    null,
    2,
  )}\n`;
}

function readme({ Name }: Names): string {
  return `# ${Name}\n\nWhat a member gets from this module, and the design a reader needs that the code cannot say.\n`;
}

function eventsFile({ name, event }: Names): string {
  return `import { Type } from 'typebox';
import { defineEvent, type EventDefinition } from '@meetcute/core';

export const ${event} = defineEvent({
  type: '${event}',
  module: '${name}',
  description: 'A member noted something.',
  schema: Type.Object({ memberId: Type.String(), text: Type.String() }),
});

export const events: EventDefinition[] = [${event}];
`;
}

function storeFile({ Name, event, table }: Names): string {
  return `import { sql, type Kysely } from 'kysely';
import { text, type Migration, type ModuleContext, type TablesOf } from '@meetcute/core';
import { ${event} } from './events.ts';

export const tables = {
  /** One row per note a member wrote. */
  ${table}: { note_id: text(), member_id: text(), text: text(), noted_at: text() },
};
type Tables = TablesOf<typeof tables>;
export type ${Name}Db = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_${table}',
    async up(db) {
      await sql\`create table ${table} (
        note_id text primary key not null,
        member_id text not null,
        text text not null,
        noted_at text not null
      )\`.execute(db);
      await sql\`create index ${table}_by_member on ${table} (member_id, noted_at)\`.execute(db);
    },
  },
];

export const projections = ['${table}'];

export function project(ctx: ModuleContext<Tables>): void {
  ctx.on(${event}, async (e, tx) => {
    await tx.db
      .insertInto('${table}')
      .values({ note_id: e.id, member_id: e.payload.memberId, text: e.payload.text, noted_at: e.occurredAt })
      .execute();
  });
}

export async function notesOf(db: ${Name}Db, memberId: string): Promise<Array<{ text: string; notedAt: string }>> {
  const rows = await db
    .selectFrom('${table}')
    .select(['text', 'noted_at'])
    .where('member_id', '=', memberId)
    .orderBy('noted_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ text: r.text, notedAt: r.noted_at }));
}
`;
}

function rulesFile(): string {
  return `/** A note as the member typed it, trimmed; undefined when there is nothing left to keep. */
export function noteText(typed: string): string | undefined {
  const text = typed.trim();
  return text.length > 0 ? text : undefined;
}
`;
}

function commandsFile({ event }: Names): string {
  return `import { problems, type ModuleContext } from '@meetcute/core';
import { ${event} } from './events.ts';
import { noteText } from './rules.ts';

export async function note(ctx: ModuleContext, memberId: string, typed: string): Promise<void> {
  const text = noteText(typed);
  if (text === undefined) throw problems.invalid([{ field: 'text', message: 'Write something to note' }]);
  await ctx.transaction(async (tx) => {
    await tx.publish(${event}, { memberId, text }, { actorId: memberId });
  });
}
`;
}

function routesFile({ name, Name }: Names): string {
  return `import { Type } from 'typebox';
import type { Http, ModuleContext } from '@meetcute/core';
import { note } from './commands.ts';
import { notesOf, type ${Name}Db } from './store.ts';

export function ${name}Routes(http: Http, ctx: ModuleContext, db: ${Name}Db): void {
  http.post(
    '/api/v1/${name}',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'Note something',
        tags: ['${name}'],
        body: Type.Object({ text: Type.String({ maxLength: 500 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await note(ctx, request.viewer!.memberId, request.body.text);
      return reply.code(204).send(null);
    },
  );
  http.get(
    '/api/v1/${name}',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'My notes, newest first',
        tags: ['${name}'],
        response: {
          200: Type.Object({
            notes: Type.Array(Type.Object({ text: Type.String(), notedAt: Type.String({ format: 'date-time' }) })),
          }),
        },
      },
    },
    async (request) => ({ notes: await notesOf(db, request.viewer!.memberId) }),
  );
}
`;
}

function useCasesFile({ name, event }: Names): string {
  return `import { emitted, useCase } from '@meetcute/core';
import { approved, nancy } from '@meetcute/cast';
import { ${event} } from './events.ts';

export const useCases = [
  useCase({
    title: 'Nancy notes something and finds it in her notes',
    given: approved(nancy),
    before: [{ as: nancy.memberId, method: 'POST', url: '/api/v1/${name}', body: { text: ' Write to Bob ' } }],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/${name}' },
    then: { status: 200, body: { notes: [{ text: 'Write to Bob' }] } },
  }),
  useCase({
    title: 'Nancy notes something: the event says so',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/${name}', body: { text: 'Write to Bob' } },
    then: { status: 204, events: [emitted(${event}, { memberId: nancy.memberId, text: 'Write to Bob' })] },
  }),
  useCase({
    title: 'A note of nothing but spaces is refused, saying what to fix',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/${name}', body: { text: '   ' } },
    then: { status: 400, body: { errors: [{ field: 'text' }] } },
  }),
];
`;
}

function indexFile({ name, Name }: Names): string {
  return `import { defineModule } from '@meetcute/core';
import { events } from './events.ts';
import { migrations, project, projections, tables } from './store.ts';
import { ${name}Routes } from './routes.ts';
import { useCases } from './use-cases.ts';

/** ${Name}: say what it is for, and what it learns from other modules' events. */
export const ${name} = defineModule({
  name: '${name}',
  description: '${Name}: say in one line what members get from it.',
  publishes: events,
  // A module that keeps its own events in a table consumes them too.
  consumes: events,
  tables,
  migrations,
  projections,
  useCases,
  register(ctx) {
    project(ctx);
    ${name}Routes(ctx.http, ctx, ctx.db);
  },
});
`;
}

/** Writes the module's folder under `root`; refuses a bad name or a folder that exists. */
export async function newModule(name: string, root = ROOT): Promise<string> {
  if (!/^[a-z]{2,30}$/.test(name))
    throw new Error(`A module name is 2 to 30 lower-case letters, not "${name}"`);
  const folder = join(root, 'modules', name);
  if (
    await stat(folder).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`modules/${name} exists already`);
  for (const [path, content] of Object.entries(moduleFiles(name))) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

/** Adds the module to the composition root's list, after the others. */
export async function register(name: string, root = ROOT): Promise<void> {
  const path = join(root, 'server', 'src', 'modules.ts');
  const source = await readFile(path, 'utf8');
  const withImport = source.replace(
    /(import type \{ ModuleDefinition \} from '@meetcute\/core';\n)/,
    `$1import { ${name} } from '@meetcute/${name}';\n`,
  );
  const listed = withImport.replace(/\n\];\s*$/, `\n  ${name},\n];\n`);
  if (listed === withImport) throw new Error('server/src/modules.ts does not end with the list of modules');
  await writeFile(path, listed);
}

if (import.meta.main) {
  const name = process.argv[2] ?? '';
  try {
    const folder = await newModule(name);
    await register(name);
    console.log(
      `${folder}: made, and listed in server/src/modules.ts. Next: npm install (links the workspace), make test.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
