import type { Compilable, CompiledQuery, Kysely } from 'kysely';

type Slot = number | { value: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

/**
 * A query built and compiled once per database kind, then run with new values bound to
 * its parameters. Building and compiling a Kysely query costs more than SQLite takes to
 * run a small one, and the hot statements (outbox, inbox, checkpoints, the reads every
 * request makes) are the same few over and over. `build` receives stand-ins for the
 * arguments and must use each as a plain value (not in an `in` list, whose length varies).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped unless `build` names its database
export function prepared<A extends readonly unknown[], R, DB = any>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  // One template per SQL dialect: the same statement reads `?` on SQLite and `$1` on PostgreSQL.
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const markers = args.map((_, i) => `\u0000prepared-${i}\u0000`);
      const compiled = build(db, ...(markers as unknown as A)).compile();
      const slots = compiled.parameters.map((p): Slot => {
        const i = markers.indexOf(p as string);
        return i >= 0 ? i : { value: p };
      });
      template = { compiled, slots };
      templates.set(adapter, template);
    }
    const parameters = template.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
    const result = await db.executeQuery<R>({ ...template.compiled, parameters });
    return result.rows;
  };
}
