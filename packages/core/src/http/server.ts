import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Heartbeat } from '../observability/heartbeat.ts';
import { Tracing, type Span } from '../observability/tracing.ts';
import type { DatabaseHealth } from '../db/health.ts';
import type { ModuleDatabase } from '../db/storage.ts';
import { idempotency } from './idempotency.ts';
import { annotateWork, randomHex, RequestWork, runWithWork } from '../trace.ts';
import { Problem, ProblemSchema, fieldName, problems, type ProblemBody } from './problems.ts';
import type { Access, ViewerResolver } from './viewer.ts';

export const SESSION_COOKIE = 'mc_session';
const FORM_COOKIE = 'mc_form';

/** A route as declared, so tools can list endpoints without a socket (the living docs). */
export interface RouteRecord {
  method: string;
  url: string;
  kind: string | undefined;
  access: Access;
  /** The module whose register() declared it; null for the chassis and the composition root's plugins. */
  module: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span, when its trace is recorded. */
    span: Span | null;
  }
}

export interface HttpOptions {
  logger: Logger;
  metrics: Metrics;
  tracing: Tracing;
  heartbeat: Heartbeat;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Who may read `/metrics` (config.ts). */
  metricsToken: string | null;
  /** The site's own key for anonymous forms' tokens (see `formSecret`). */
  formKey: string;
  /** The site's public origin (`MEETCUTE_PUBLIC_URL`): an API write from it is the site's own. */
  publicUrl: string;
  version: string;
  /** Resolved lazily: the auth module provides it while modules register. */
  viewers: () => ViewerResolver | undefined;
  /** Modules whose database cannot be reached, and those serving but not keeping up. */
  ready: () => Promise<{ failing: string[]; degraded: Array<Record<string, unknown>> }>;
  /** Where database failures that pass (unreachable, stalled, disk full) are recorded. */
  health: DatabaseHealth;
  /** Where answers to API POSTs with an Idempotency-Key are kept (the event log's database). */
  idempotencyStore: ModuleDatabase;
  now: () => Date;
  renderError: (request: FastifyRequest, problem: ProblemBody) => string;
  /** Every declared route is appended here, owned by whichever module `owner()` names at that moment. */
  routes: RouteRecord[];
  owner: () => string | null;
}

/**
 * What every response tells the browser. Pages run only the site's own script and
 * stylesheet (no inline script or style anywhere), never inside another site's frame, and
 * send no more than their origin to other sites. A response that sets its own policy (a
 * photo's SVG silhouette) keeps the stricter one. HSTS only when the site is served over
 * HTTPS (`MEETCUTE_COOKIE_SECURE`), or it would lock a plain-HTTP install out of itself.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Metrics tell anyone how busy the site is and which routes fail: operators only. With a
 * token, whoever sends it (compared in constant time); without one, a client on this
 * machine talking to us directly: a request a reverse proxy passed on carries its
 * forwarding headers, and the proxy's own address would otherwise look local.
 */
function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  if (token !== null) {
    const sent = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  }
  const { headers } = request;
  const forwarded = headers['x-forwarded-for'] ?? headers.forwarded ?? headers['x-real-ip'];
  return forwarded === undefined && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

function wantsHtml(request: FastifyRequest): boolean {
  const kind = request.routeOptions.config?.kind;
  if (kind === 'page') return true;
  if (kind === 'api' || kind === 'ops' || request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemBody,
  render: HttpOptions['renderError'],
) {
  if (wantsHtml(request)) {
    return reply.code(problem.status).type('text/html; charset=utf-8').send(render(request, problem));
  }
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/**
 * What an anonymous form's token is made from: the browser's form cookie under the site's
 * own key. The cookie alone would not do: anyone able to plant a cookie in a browser (a
 * sibling subdomain, a network on plain HTTP) would know it and could forge the token.
 */
export function formSecret(formKey: string, formCookie: string): string {
  return createHmac('sha256', formKey).update(formCookie).digest('base64url');
}

// A session's token never changes, and every page with a form needs it: an HMAC per page
// was a twentieth of a list page's time. Forgotten all at once when many sessions pass by.
const csrfTokens = new Map<string, string>();
const CSRF_TOKENS_KEPT = 50_000;

export function csrfFor(secret: string): string {
  let token = csrfTokens.get(secret);
  if (token === undefined) {
    token = createHmac('sha256', secret).update('meetcute-form').digest('base64url');
    if (csrfTokens.size >= CSRF_TOKENS_KEPT) csrfTokens.clear();
    csrfTokens.set(secret, token);
  }
  return token;
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a write to the API comes from a page of this site, or from a client that is no
 * web page at all. Browsers say where a request comes from: `Sec-Fetch-Site` (every current
 * browser) and `Origin` (on every POST, PUT, PATCH and DELETE; `null` when the page is
 * opaque or the referrer policy withholds it). Either one naming anything but this site
 * refuses the write, `same-site` included: a sibling subdomain is someone else's page. A
 * request carrying neither comes from an app, a script or a browser too old to send them;
 * the content-type and token rule below still holds for it.
 */
function fromThisSite(request: FastifyRequest, publicHost: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === publicHost || host === request.host;
}

function notFromThisSite(): Problem {
  return new Problem(
    403,
    'cross-site',
    'Sent from another site',
    'Changes to your account can only be made from the pages of this site.',
  );
}

function csrfMissing(): Problem {
  return new Problem(
    403,
    'csrf',
    'Say that this request is meant',
    'Send a JSON body with Content-Type: application/json (an empty object will do), or the X-CSRF-Token header that the site’s pages carry.',
  );
}

export function csrfExpired(): Problem {
  return new Problem(
    403,
    'csrf',
    'This form has expired',
    'Go back, reload the page and send the form again.',
  );
}

/**
 * The HTTP chassis: Fastify with cookies, form bodies, OpenAPI, problem+json errors,
 * per-route access rules, CSRF on form posts, request ids, trace context and metrics.
 * Every route must say who may call it and what it takes and returns; a route that
 * does not is refused at start-up.
 */
/**
 * The refusals the chassis itself answers on an API route, so a route lists only its own:
 * 400 when the request can be malformed (a schema to meet, or a body to parse), 401 and
 * 403 by the access rule (and 403 for any write from another site), 415 for a write whose
 * body is not JSON.
 */
export function chassisProblems(access: Access, methods: readonly string[], schema: FastifySchema): number[] {
  const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS');
  const statuses = new Set<number>();
  if (writes || schema.querystring || schema.params || schema.body || schema.headers) statuses.add(400);
  if (access !== 'public') statuses.add(401);
  if (access === 'approved' || access === 'moderator' || access === 'operator' || writes) statuses.add(403);
  if (writes) statuses.add(415);
  return [...statuses];
}

function addChassisProblems(schema: FastifySchema, access: Access, methods: readonly string[]): void {
  const response = schema.response as Record<string, unknown>;
  for (const status of chassisProblems(access, methods, schema)) response[status] ??= ProblemSchema;
}

export async function createHttp(options: HttpOptions): Promise<FastifyInstance> {
  const app = newFastify(options);

  decorateRequests(app);
  await registerPlugins(app, options);
  checkRoutes(app, options);
  guardRequests(app, options);
  logRequests(app, options);
  answerErrors(app, options);
  operationalRoutes(app, options);
  return app as unknown as FastifyInstance;
}

type Chassis = ReturnType<typeof newFastify>;

function newFastify(options: HttpOptions) {
  return Fastify({
    loggerInstance: options.logger,
    // We log one line per request ourselves, with the route template and the member.
    logController: new LogController({ disableRequestLogging: true }),
    // Unique per process start, then counted: no random bytes per request.
    genReqId: ((prefix: string) => {
      let n = 0;
      return () => `${prefix}${(++n).toString(36)}`;
    })(randomHex(4)),
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

/** What a request carries beside Fastify's own: the viewer, the CSRF secret and token, the idempotency key. */
function decorateRequests(app: Chassis): void {
  app.decorateRequest('viewer', null);
  app.decorateRequest('csrfSecret', '');
  app.decorateRequest('csrfCached', '');
  app.decorateRequest('formCookie', null);
  // The token is an HMAC of the secret: computed only when a form or a check needs it, and
  // a new visitor's form cookie goes with the first answer that holds a form.
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      if (this.csrfSecret === '') return '';
      if (this.formCookie) {
        this.formCookie();
        this.formCookie = null;
      }
      return (this.csrfCached ||= csrfFor(this.csrfSecret));
    },
  });
  app.decorateRequest('csrfPending', false);
  app.decorateRequest('idempotencyKey', null);
  app.decorateRequest('span', null);
}

/** Cookies, form bodies, multipart (read only by routes that ask) and the OpenAPI document. */
async function registerPlugins(app: Chassis, options: HttpOptions): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Parses nothing by itself: only routes that declare `multipart` read parts, through readMultipart.
  await app.register(multipart, { limits: { fields: 20, fieldSize: 10_000, files: 1, parts: 25 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Meetcute API', version: options.version, description: 'The member and moderator API.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    hideUntagged: false,
    transform: ({ schema, url, route }) => {
      const hidden = !url.startsWith('/api/v1');
      const access = route.config?.access;
      const transformed = { ...(schema ?? {}), hide: hidden } as Record<string, unknown>;
      if (access && access !== 'public') transformed.security = [{ session: [] }];
      if (access) transformed['x-access'] = access;
      return { schema: transformed, url };
    },
  });
}

/** Every route says who may call it; an API route has a response schema, and gets the chassis' refusals. */
function checkRoutes(app: Chassis, options: HttpOptions): void {
  app.addHook('onRoute', (route) => {
    const where = `${String(route.method)} ${route.url}`;
    if (route.url.startsWith('/documentation')) return;
    const config = route.config as { access?: Access; kind?: string } | undefined;
    if (!config?.access) throw new Error(`Route ${where} does not say who may call it (config.access)`);
    if (config.kind === 'api' && !route.schema?.response) {
      throw new Error(`API route ${where} has no response schema`);
    }
    const { access, kind } = config;
    if (kind === 'api' && route.schema) addChassisProblems(route.schema, access, [route.method].flat());
    const module = options.owner();
    for (const method of [route.method].flat()) {
      options.routes.push({ method, url: route.url, kind, access, module });
    }
  });
}

/**
 * Before a handler runs: security headers and the trace on every answer, then who is
 * asking, the form secret for pages, forgery checks on writes, and the route's access rule.
 */
function guardRequests(app: Chassis, options: HttpOptions): void {
  const publicHost = new URL(options.publicUrl).host;
  const guard = securityHeaders(options.cookieSecure);
  app.addHook('onRequest', (request, reply, done) => {
    // Set first, so every answer carries them: pages, the API, errors, redirects and files.
    reply.headers(guard);
    const header = request.headers.traceparent;
    const incoming = typeof header === 'string' ? header : undefined;
    if (options.tracing.sample(incoming)) request.span = requestSpan(request, options.tracing, incoming);
    const work = new RequestWork(request.id, incoming, request.span ?? undefined);
    reply.header('x-request-id', request.id);
    // A caller that traces gets its span back; for others the trace is made only if the work needs one.
    if (work.incoming !== undefined) reply.header('traceparent', work.traceparent);
    runWithWork(work, done);
  });

  app.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config;
    const access: Access = config?.access ?? 'public';
    // Health checks, metrics and shipped assets are the same for everyone: no session to read.
    const anyone = access === 'public' && (config?.kind === 'ops' || config?.kind === 'asset');
    if (!anyone) await resolveViewer(request, reply, options);
    giveFormSecret(request, reply, options);
    checkForgery(request, publicHost);
    return checkAccess(request, reply, access);
  });

  // An API POST sent again with the same Idempotency-Key gets the first answer (idempotency.ts).
  const retries = idempotency(options.idempotencyStore, options.now);
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config?.kind !== 'api') return;
    const replayed = await retries.begin(request, reply);
    if (replayed) return replayed;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.idempotencyKey) await retries.finish(request, reply, payload);
    return payload;
  });
}

/** Who is asking, from the session cookie; their answers are kept by no cache. */
async function resolveViewer(
  request: FastifyRequest,
  reply: FastifyReply,
  options: HttpOptions,
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const resolver = options.viewers();
  if (token && resolver) {
    const resolved = await resolver.resolve(token);
    if (resolved) {
      const { csrfSecret: secret, ...viewer } = resolved;
      request.viewer = viewer;
      request.csrfSecret = secret;
      annotateWork({ memberId: viewer.memberId });
      // What a member sees is theirs: kept by no cache, and not shown again by the
      // browser's Back button once they logged out. A response may say otherwise
      // (a public photo is the same for everyone).
      reply.header('cache-control', 'private, no-store');
    }
  }
}

function giveFormSecret(request: FastifyRequest, reply: FastifyReply, options: HttpOptions): void {
  const config = request.routeOptions.config;
  // Anonymous forms (sign-up, log-in) are protected by a random per-browser cookie. Only
  // what a browser renders can hold a form: the API and operational routes have no
  // secret, and a page route sets the cookie only once it renders a form (reads the
  // token), so a portrait, a redirect or a page without a form sets none.
  if (request.csrfSecret === '' && (config?.kind === 'page' || wantsHtml(request))) {
    let secret = request.cookies[FORM_COOKIE];
    if (!secret || secret.length < 16) {
      const fresh = randomBytes(24).toString('base64url');
      secret = fresh;
      request.formCookie = () =>
        void reply.setCookie(FORM_COOKIE, fresh, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.cookieSecure,
        });
    }
    request.csrfSecret = formSecret(options.formKey, secret);
  }
}

/** A write must come from this site: JSON or a header token on the API, the form token on pages. */
function checkForgery(request: FastifyRequest, publicHost: string): void {
  const config = request.routeOptions.config;
  const method = request.method;
  const isWrite = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  if (isWrite) {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const upload = config?.multipart === true && type === 'multipart/form-data';
    if (config?.kind === 'api' && !fromThisSite(request, publicHost)) throw notFromThisSite();
    if (upload) {
      // A browser form can post multipart across sites, so an upload carries the token too:
      // in a header, or as the first form field (checked by readMultipart before any file).
      const header = request.headers['x-csrf-token'];
      if (typeof header === 'string') {
        if (!sameToken(header, request.csrfToken)) throw csrfExpired();
      } else {
        request.csrfPending = true;
      }
    } else if (config?.kind === 'api' && type !== '' && type !== 'application/json') {
      // A browser form cannot send JSON cross-site without a preflight, so this closes CSRF on the API.
      throw new Problem(
        415,
        'unsupported-media-type',
        'Send JSON',
        'The API accepts application/json bodies only.',
      );
    } else if (config?.kind === 'api' && type === '' && method === 'POST' && request.viewer) {
      // Another site's page can POST with no body and no content type (a form, fetch in
      // no-cors mode, sendBeacon) and the browser sends no preflight, the member's cookie
      // along: such a POST must carry the token in a header, which no page of another
      // site can set without asking us first. PUT, PATCH and DELETE are preflighted
      // whatever they carry, and we answer no preflight, so for them the method is that
      // proof. Without a session there is nothing to forge: the route answers as it would.
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.csrfToken)) throw csrfMissing();
    }
    if (config?.kind === 'page' && !upload) {
      const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) throw csrfExpired();
    }
  }
}

const ONLY = { moderator: 'Only moderators may do this.', operator: 'Only operators may do this.' };

/** The route's access rule: a page sends the visitor where they can go on, the API answers a problem. */
function checkAccess(request: FastifyRequest, reply: FastifyReply, access: Access): FastifyReply | undefined {
  const config = request.routeOptions.config;
  const method = request.method;
  if (access === 'public') return;
  const viewer = request.viewer;
  if (!viewer) {
    if (config?.kind === 'page' && method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    throw problems.unauthenticated();
  }
  if (access === 'approved' && viewer.status !== 'approved') {
    // To their sign-up, which says why this page is not open yet and what they can do meanwhile.
    if (config?.kind === 'page' && method === 'GET') return reply.redirect('/registration?closed=1', 303);
    throw problems.forbidden('Your profile is still waiting for review.');
  }
  if ((access === 'moderator' || access === 'operator') && !viewer.roles.includes(access)) {
    const held = viewer.heldBack?.roles.includes(access) ? viewer.heldBack : undefined;
    if (held && config?.kind === 'page' && method === 'GET') return reply.redirect(held.href, 303);
    throw problems.forbidden(held?.detail ?? ONLY[access]);
  }
  return undefined;
}

/** The span of a recorded request, under the caller's when it sent one. */
function requestSpan(request: FastifyRequest, tracing: Tracing, incoming: string | undefined): Span {
  const route = request.routeOptions.url;
  return tracing.start(`${request.method} ${route ?? 'unmatched'}`, 'server', incoming, {
    'http.request.method': request.method,
    'http.route': route ?? 'unmatched',
    'meetcute.request_id': request.id,
  });
}

/** Ends a recorded request's span with what the caller got and who they were. */
function endRequestSpan(span: Span, request: FastifyRequest, status: number): void {
  span.setAttribute('http.response.status_code', status);
  if (request.viewer) span.setAttribute('enduser.id', request.viewer.memberId);
  Tracing.end(span, status >= 500 ? `answered ${status}` : undefined);
}

/** One log line, the latency metrics and the end of the trace's span per request. */
function logRequests(app: Chassis, options: HttpOptions): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    options.metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    if (request.span) endRequestSpan(request.span, request, reply.statusCode);
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level](
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        memberId: request.viewer?.memberId,
      },
      'request',
    );
    done();
  });
}

/** Every error becomes a problem: field by field for bad input, 503 when the database is down, 500 logged. */
function answerErrors(app: Chassis, options: HttpOptions): void {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    if (error instanceof Problem) return sendProblem(request, reply, error.toJSON(), options.renderError);
    const fastifyError = error;
    if (fastifyError.validation) {
      const context = fastifyError.validationContext ?? 'body';
      // A page's address that names nothing (a mistyped or cut-off member link) is a page
      // that does not exist, not a form to fix: the visitor gets the not-found page.
      const kind = (request.routeOptions.config as { kind?: string } | undefined)?.kind;
      if (context === 'params' && kind === 'page') {
        return sendProblem(request, reply, problems.notFound().toJSON(), options.renderError);
      }
      const errors = fieldProblems(fastifyError.validation, context);
      return sendProblem(request, reply, problems.invalid(errors).toJSON(), options.renderError);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const titles: Record<number, string> = {
        400: 'The request could not be read',
        404: 'Not found',
        405: 'Method not allowed',
        413: 'The request is too large',
        415: 'Unsupported content type',
      };
      return sendProblem(
        request,
        reply,
        {
          type: `https://meetcute.dev/problems/http-${status}`,
          title: titles[status] ?? 'The request was not accepted',
          status,
          detail: fastifyError.message,
        },
        options.renderError,
      );
    }
    // The database cannot do its work now: say so, and that it passes; logged once per interval.
    const cause = options.health.failed(error, request.routeOptions.url ?? request.url);
    if (cause) {
      void reply.header('retry-after', '5');
      return sendProblem(
        request,
        reply,
        {
          type: 'https://meetcute.dev/problems/unavailable',
          title: 'We cannot save or load this right now',
          status: 503,
          detail: `Our database is not available (${cause}). Nothing was lost: try again in a moment.`,
        },
        options.renderError,
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      request,
      reply,
      {
        type: 'https://meetcute.dev/problems/internal',
        title: 'Something went wrong on our side',
        status: 500,
        detail: `Try again in a moment. If it keeps happening, tell us request ${request.id}.`,
      },
      options.renderError,
    );
  });
}

type ValidationErrors = NonNullable<FastifyError['validation']>;

/** The validator's complaints, one per field, named as the member sent them. */
function fieldProblems(
  validation: ValidationErrors,
  context: string,
): Array<{ field: string; message: string }> {
  return validation.flatMap((v) => {
    // Ajv names one property per error; TypeBox 1.x (our validator) lists them all in one.
    const params = v.params as {
      missingProperty?: string;
      additionalProperty?: string;
      requiredProperties?: string[];
      additionalProperties?: string[];
    };
    const required = params.requiredProperties ?? (params.missingProperty ? [params.missingProperty] : []);
    const extra =
      params.additionalProperties ?? (params.additionalProperty ? [params.additionalProperty] : []);
    const named = [
      ...required.map((name) => ({ name, message: 'is required' })),
      ...extra.map((name) => ({ name, message: 'is not a known field' })),
    ];
    const found = named.length > 0 ? named : [{ name: undefined, message: v.message ?? 'is not valid' }];
    return found.map(({ name, message }) => {
      const where = fieldName(v.instancePath, name);
      return { field: context === 'body' ? where : `${context}.${where}`, message };
    });
  });
}

/** Liveness, readiness, metrics and the OpenAPI document. */
function operationalRoutes(app: Chassis, options: HttpOptions): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, problems.notFound().toJSON(), options.renderError),
  );

  app.get(
    '/heartbeat',
    { config: { access: 'public', kind: 'ops' }, schema: { hide: true } },
    async (_request, reply) => {
      const { ok, delayMs } = options.heartbeat.check();
      return reply.code(ok ? 200 : 503).send({ ok, eventLoopDelayMs: delayMs });
    },
  );
  app.get(
    '/ready',
    { config: { access: 'public', kind: 'ops' }, schema: { hide: true } },
    async (_request, reply) => {
      const { failing, degraded } = await options.ready();
      const ok = failing.length === 0;
      // Degraded still serves (the load balancer keeps it); the body says what is held up.
      return reply.code(ok ? 200 : 503).send({
        ok,
        status: ok ? (degraded.length > 0 ? 'degraded' : 'ready') : 'failing',
        failing,
        degraded,
      });
    },
  );
  app.get(
    '/metrics',
    { config: { access: 'public', kind: 'ops' }, schema: { hide: true } },
    async (request, reply) => {
      if (!mayReadMetrics(request, options.metricsToken)) {
        throw problems.forbidden(
          'Metrics are for operators: scrape from this machine, or set MEETCUTE_METRICS_TOKEN and send it as a bearer token.',
        );
      }
      return reply.type(options.metrics.contentType).send(await options.metrics.exposition());
    },
  );
  app.get(
    '/api/openapi.json',
    { config: { access: 'public', kind: 'ops' }, schema: { hide: true } },
    async () => app.swagger(),
  );
}
