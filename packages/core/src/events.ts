import { Compile } from 'typebox/compile';
import type { Static, TObject } from 'typebox';

/**
 * An event is a fact in the past tense, owned by the module that publishes it.
 * Its payload schema is checked when it is published and again when consumed, so a
 * producer and a consumer that drift apart fail loudly instead of corrupting state.
 */
export interface EventDefinition<T extends string = string, S extends TObject = TObject> {
  type: T;
  version: number;
  /** The module that publishes it. */
  module: string;
  description: string;
  schema: S;
  /**
   * What took its place, for an event the module no longer publishes: logs written before
   * still hold it, so it stays declared and consumed, but publishing it is an error.
   */
  retired?: string;
  validate(payload: unknown): string[];
}

export type PayloadOf<D> = D extends EventDefinition<string, infer S> ? Static<S> : never;

/** The envelope every event travels in, on the bus, in outboxes and in the log. */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  actorId: string | null;
  traceparent: string | null;
  payload: P;
}

/**
 * Thrown by a handler for an event it can never apply, whatever is retried: a broken
 * invariant, not a passing fault. The event is parked at once with this reason (and can
 * be replayed after a fix, `parked --replay`); any other error is retried until it passes.
 */
export class InvalidEvent extends Error {}

export class EventSchemaError extends Error {
  constructor(type: string, problems: string[]) {
    super(`Event ${type} does not match its schema: ${problems.join('; ')}`);
  }
}

export function defineEvent<T extends string, S extends TObject>(spec: {
  type: T;
  version?: number;
  module: string;
  description: string;
  schema: S;
  retired?: string;
}): EventDefinition<T, S> {
  const validator = Compile(spec.schema);
  return {
    type: spec.type,
    version: spec.version ?? 1,
    module: spec.module,
    description: spec.description,
    schema: spec.schema,
    ...(spec.retired === undefined ? {} : { retired: spec.retired }),
    validate(payload) {
      if (validator.Check(payload)) return [];
      return validator.Errors(payload).map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
  };
}

export function assertPayload(definition: EventDefinition, payload: unknown): void {
  const problems = definition.validate(payload);
  if (problems.length > 0) throw new EventSchemaError(definition.type, problems);
}
