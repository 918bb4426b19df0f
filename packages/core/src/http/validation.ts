import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

type Convert = (value: unknown) => unknown;
type Validate = ReturnType<FastifySchemaCompiler<TSchema>>;
type Serialize = (data: unknown) => string;

// Compiled once per schema for the whole process. Every app a process starts (each use
// case starts one; the CLI and the cluster kit several) compiled every route's checks
// and serializers again, from schemas most routes build when they register: about a
// third of the use-case suite's CPU. What is compiled depends on the schema's content
// alone (no shared schemas are registered), so apps share it by content.
const validators = new Map<string, Validate>();
const serializers = new Map<string, Serialize>();

function compiledOnce<T>(cache: Map<string, T>, part: string, schema: unknown, compile: () => T): T {
  const content = contentOf(schema);
  if (content === undefined) return compile();
  const key = `${part}:${content}`;
  let compiled = cache.get(key);
  if (!compiled) cache.set(key, (compiled = compile()));
  return compiled;
}

/**
 * A schema's content as JSON text; undefined when it holds what text cannot tell apart (a
 * function, or a hidden key holding more than a word, as TypeBox's '~refine' holds its
 * checks), so that such a schema is compiled for itself. The other hidden keys ('~kind',
 * '~optional') add nothing to the JSON Schema that is checked.
 */
function contentOf(schema: unknown): string | undefined {
  let opaque = false;
  const text = JSON.stringify(schema, (_key, value: unknown) => {
    if (typeof value === 'function' || (typeof value === 'object' && value !== null && hidesMore(value))) {
      opaque = true;
    }
    return value;
  });
  return opaque ? undefined : text;
}

function hidesMore(value: object): boolean {
  for (const name of Object.getOwnPropertyNames(value)) {
    const property = Object.getOwnPropertyDescriptor(value, name);
    if (
      property &&
      !property.enumerable &&
      (property.get || typeof property.value === 'object' || typeof property.value === 'function')
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Fastify's validator for TypeBox schemas. It does what @fastify/type-provider-typebox's
 * does (a querystring, the params and the headers arrive as strings and are converted to
 * the schema's types before the check; a body is checked as it came) with one change:
 * an object of plain properties is converted property by property, each with TypeBox's
 * own conversion for that property's type. Value.Convert on the whole object builds a
 * regular expression for every property on every request: 4% of a long poll's time.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) =>
  compiledOnce(validators, httpPart ?? '', schema, () => compileValidator(schema, httpPart));

function compileValidator(schema: TSchema, httpPart: string | undefined): Validate {
  const check = Compile(schema);
  const convert = httpPart === 'body' ? undefined : converterOf(schema);
  return (value: unknown) => {
    const converted = convert ? convert(value) : value;
    if (check.Check(converted)) return { value: converted };
    return { error: check.Errors(converted) as unknown as Error };
  };
}

/** Fastify's response serializer (fast-json-stringify, as its default), compiled once per schema. */
export const serializerCompiler: FastifySerializerCompiler<TSchema> = ({ schema }) =>
  compiledOnce(serializers, 'response', schema, () => fastJson(schema) as Serialize);

/** The conversion of a schema's values: per property where it can be, Value.Convert otherwise. */
export function converterOf(schema: TSchema): Convert {
  const properties = plainProperties(schema);
  if (!properties) return (value) => Value.Convert(schema, value);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    for (const [key, property] of properties) {
      // Parsed HTTP parts hold strings; a key that is absent (or undefined) is left alone.
      if (record[key] !== undefined) record[key] = Value.Convert(property, record[key]);
    }
    return record;
  };
}

/**
 * The properties of an object schema whose keys are all that is converted: none of
 * TypeBox's pattern or additional properties, which Value.Convert converts by matching.
 */
function plainProperties(schema: TSchema): Array<[string, TSchema]> | undefined {
  const s = schema as { type?: unknown; properties?: Record<string, TSchema>; [key: string]: unknown };
  if (s.type !== 'object' || typeof s.properties !== 'object' || s.properties === null) return undefined;
  if ('patternProperties' in s) return undefined;
  if (typeof s.additionalProperties === 'object') return undefined;
  return Object.entries(s.properties);
}
