import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { converterOf, validatorCompiler } from './validation.ts';

// What a querystring, params or headers may hold once parsed: strings, under any keys.
const Query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  after: Type.Optional(Type.String()),
  wait: Type.Optional(Type.Number()),
  online: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('distance')])),
  genders: Type.Optional(Type.Array(Type.String())),
});
const inputs: Array<Record<string, unknown>> = [
  {},
  { limit: '10' },
  { limit: '2.7' },
  { limit: 'ten' },
  { limit: '' },
  { limit: ' 12 ' },
  { after: '9000000000000000', wait: '0' },
  { wait: '1.5' },
  { online: 'true' },
  { online: 'FALSE' },
  { online: 'yes' },
  { sort: 'distance' },
  { sort: 'oldest' },
  { genders: 'woman' },
  { genders: ['woman', 'man'] },
  { limit: '5', unknown: '7' },
];

function sameAsTypeBox(schema: TSchema, input: Record<string, unknown>): void {
  const ours = converterOf(schema)(structuredClone(input));
  const theirs = Value.Convert(schema, structuredClone(input));
  assert.deepEqual(ours, theirs, JSON.stringify(input));
}

test('an object of plain properties converts exactly as TypeBox converts the whole object', () => {
  for (const input of inputs) sameAsTypeBox(Query, input);
});

test('schemas with additional or pattern properties, and values that are no object, go to TypeBox whole', () => {
  const open = Type.Object({ limit: Type.Integer() }, { additionalProperties: Type.Integer() });
  for (const input of [{ limit: '3', more: '4' }, { more: 'x' }]) sameAsTypeBox(open, input);
  const record = Type.Record(Type.String(), Type.Integer());
  sameAsTypeBox(record, { a: '1', b: 'two' });
  assert.equal(converterOf(Query)('limit=10'), 'limit=10');
});

test('the validator converts a querystring before checking it, and checks a body as it came', () => {
  const query = validatorCompiler({ schema: Query, httpPart: 'querystring', method: 'GET', url: '/' });
  assert.deepEqual(query({ limit: '10', online: 'true' }), { value: { limit: 10, online: true } });
  assert.ok('error' in (query({ limit: '99' }) as object), 'above the maximum');
  const body = validatorCompiler({ schema: Query, httpPart: 'body', method: 'POST', url: '/' });
  assert.ok('error' in (body({ limit: '10' }) as object), 'a JSON body says what it means');
  assert.deepEqual(body({ limit: 10 }), { value: { limit: 10 } });
});

test('routes whose schemas read alike are checked alike, but a refinement is checked for itself', () => {
  const compile = (schema: TSchema) =>
    validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '/' });
  // Two apps build the same schema each: the second gets the same checks.
  const first = compile(Type.Object({ age: Type.Integer({ minimum: 18 }) }));
  const second = compile(Type.Object({ age: Type.Integer({ minimum: 18 }) }));
  assert.ok('error' in (second({ age: 17 }) as object));
  assert.deepEqual(first({ age: 18 }), second({ age: 18 }));
  // The same schema text with different refinements must not share a check.
  const even = compile(Type.Refine(Type.Integer(), (n) => n % 2 === 0));
  const odd = compile(Type.Refine(Type.Integer(), (n) => n % 2 === 1));
  assert.deepEqual(even(4), { value: 4 });
  assert.ok('error' in (odd(4) as object), 'an odd-only check refuses 4');
});
