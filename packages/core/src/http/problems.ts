import { Type } from 'typebox';

/**
 * RFC 9457 problem details. Every error a caller can see is one of these: a stable
 * `type` a client can branch on, a `title` a person can read, and for bad input the
 * fields to fix.
 */
export interface FieldProblem {
  field: string;
  /** In English, for API clients and logs. */
  message: string;
  /** Which rule was broken, stable for clients; pages use it to say the same in the member's language. */
  code?: string;
  /** The numbers and names the message was made with (not sent; for translating `code`). */
  vars?: Record<string, string | number>;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

const BASE = 'https://meetcute.dev/problems/';

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;

  constructor(status: number, slug: string, title: string, detail?: string, errors?: FieldProblem[]) {
    super(detail ?? title);
    this.status = status;
    this.type = BASE + slug;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  toJSON(): ProblemBody {
    const body: ProblemBody = { type: this.type, title: this.title, status: this.status };
    if (this.detail !== undefined) body.detail = this.detail;
    if (this.errors !== undefined) body.errors = this.errors.map(({ vars: _vars, ...sent }) => sent);
    return body;
  }
}

export const problems = {
  invalid: (errors: FieldProblem[], detail = 'Fix the fields listed in errors and send again.') =>
    new Problem(400, 'validation', 'Some fields need fixing', detail, errors),
  unauthenticated: () => new Problem(401, 'unauthenticated', 'You need to log in', 'Log in and try again.'),
  forbidden: (detail: string) => new Problem(403, 'forbidden', 'You may not do this', detail),
  notFound: (what = 'This page') =>
    new Problem(404, 'not-found', 'Not found', `${what} does not exist or is not visible to you.`),
  conflict: (slug: string, title: string, detail: string, errors?: FieldProblem[]) =>
    new Problem(409, slug, title, detail, errors),
  tooMany: (detail: string) => new Problem(429, 'rate-limited', 'Too many attempts', detail),
};

/** Turns a JSON-schema instance path such as `/lookingFor/minAge` into a field name. */
export function fieldName(instancePath: string, missing?: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (missing) return path ? `${path}.${missing}` : missing;
  return path || '(body)';
}

/** The response schema every route declares for its problem answers (RFC 9457). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) }),
      ),
    ),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);
