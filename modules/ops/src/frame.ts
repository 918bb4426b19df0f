import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type FieldProblem } from '@meetcute/core';
import { formatMoment, languageOf, sendPage, translator, type Html, type Translate } from '@meetcute/web';
import { messages, type Key } from './messages.ts';

export type T = Translate<Key>;
export const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));

// TODO(operator): the console's pages and the role land on main together; moderators run it until then.
export const OPERATOR_PAGE = { access: 'moderator', kind: 'page' } as const;

/** The console's sections, as its navigation names them. */
export type Section = 'overview' | 'releases' | 'incidents' | 'events';

/** Draws a console page. TODO(operator): web's opsPage, with the console's own navigation, once it lands. */
export function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; section: Section; body: Html },
  status = 200,
): FastifyReply {
  return sendPage(request, reply, { title: options.title, body: options.body }, status);
}

/** A moment as the console writes it: in UTC, which is what operators compare with logs. */
export const utc = (request: FastifyRequest, iso: string): string =>
  `${formatMoment(languageOf(request), 'UTC', iso, 'date-time')} UTC`;

/** The field problems of a 400 a form can show beside its fields; anything else is thrown on. */
export function formProblems(error: unknown): FieldProblem[] {
  if (error instanceof Problem && error.status === 400 && error.errors) return error.errors;
  throw error;
}
