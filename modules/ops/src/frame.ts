import type { FastifyRequest } from 'fastify';
import { Problem, type FieldProblem } from '@meetcute/core';
import { formatMoment, languageOf, translator, type Translate } from '@meetcute/web';
import { messages, type Key } from './messages.ts';
import { inLanguage } from './rule-messages.ts';

export type T = Translate<Key>;
export const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));

export const OPERATOR_PAGE = { access: 'operator', kind: 'page' } as const;

/** A moment as the console writes it: in UTC, which is what operators compare with logs. */
export const utc = (request: FastifyRequest, iso: string): string =>
  `${formatMoment(languageOf(request), 'UTC', iso, 'date-time')} UTC`;

/** The field problems of a 400 a form can show beside its fields, in the operator's language; anything else is thrown on. */
export function formProblems(error: unknown, request: FastifyRequest): FieldProblem[] {
  if (error instanceof Problem && error.status === 400 && error.errors)
    return inLanguage(error.errors, languageOf(request));
  throw error;
}
