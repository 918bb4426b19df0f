import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

type Convert = (value: unknown) => unknown;

/**
 * Fastify's validator for TypeBox schemas. It does what @fastify/type-provider-typebox's
 * does (a querystring, the params and the headers arrive as strings and are converted to
 * the schema's types before the check; a body is checked as it came) with one change:
 * an object of plain properties is converted property by property, each with TypeBox's
 * own conversion for that property's type. Value.Convert on the whole object builds a
 * regular expression for every property on every request: 4% of a long poll's time.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  const convert = httpPart === 'body' ? undefined : converterOf(schema);
  return (value: unknown) => {
    const converted = convert ? convert(value) : value;
    if (check.Check(converted)) return { value: converted };
    return { error: check.Errors(converted) as unknown as Error };
  };
};

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
