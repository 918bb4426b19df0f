import type { FastifyRequest } from 'fastify';
import { languageOf } from '@meetcute/web';
import type { FlagSubject } from './rules.ts';

/** Who asks, as flags see them: the viewer (member id, roles) and the language the page is read in. */
export function subjectOf(request: FastifyRequest): FlagSubject {
  const viewer = request.viewer;
  return { memberId: viewer?.memberId, roles: viewer?.roles ?? [], language: languageOf(request) };
}
