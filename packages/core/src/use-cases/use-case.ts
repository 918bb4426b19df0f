import type { EventDefinition, PayloadOf } from '../events.ts';
import type { KeptCredentials } from '../http/viewer.ts';

/** An earlier event: what happened before the call. */
export interface Given<D extends EventDefinition = EventDefinition> {
  event: D;
  payload: PayloadOf<D>;
  actorId?: string | null;
  /** When it happened; defaults to the test clock's now. */
  at?: string;
}

export function given<D extends EventDefinition>(
  event: D,
  payload: PayloadOf<D>,
  extra: { actorId?: string | null; at?: string } = {},
): Given {
  return { event, payload, ...extra };
}

export interface When {
  /** The member making the call (their member id), or absent for an anonymous visitor. */
  as?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * The address. The call a use case is about may name, as `{name}`, a field of the last
   * `before` step's JSON answer: an id the story made and could not know in advance, such
   * as an uploaded image's (`/images/{imageId}/full`). Name the `endpoint` then.
   */
  url: string;
  body?: unknown;
  /** Send the body as an HTML form post (pages) instead of JSON (API). */
  form?: boolean;
  /**
   * Send a file as multipart/form-data, after the body's fields (and the CSRF token) as
   * form fields, as a browser's upload form does.
   */
  upload?: Upload;
  headers?: Record<string, string>;
  /**
   * `false` sends no CSRF token: no `_csrf` form field, and a body-less POST to the API
   * without the X-CSRF-Token header a page's script sends, as another site's page would.
   */
  csrf?: false;
}

/** A file in a multipart upload: the bytes, and what the browser would say about them. */
export interface Upload {
  field: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** An expected payload: any part of it, where an array has all its items, each in part (as assertSubset checks). */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? Array<DeepPartial<Item>>
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface ExpectedEvent<D extends EventDefinition = EventDefinition> {
  event: D;
  /** A subset of the payload that must match. */
  payload?: DeepPartial<PayloadOf<D>>;
}

export function emitted<D extends EventDefinition>(
  event: D,
  payload?: DeepPartial<PayloadOf<D>>,
): ExpectedEvent {
  return payload === undefined ? { event } : { event, payload };
}

export interface Then {
  status: number;
  /** A subset of the JSON body that must match (arrays must match in full, in order). */
  body?: unknown;
  /** Strings the HTML page must contain, for page use cases. */
  page?: string[];
  /** Strings the HTML page must not contain, as whole words (a name inside a random token does not count). */
  pageLacks?: string[];
  /** Exactly these new events, in this order. Omitted means none. */
  events?: ExpectedEvent[];
  /** Where a redirect must lead. */
  location?: string;
  /** Response headers that must have exactly these values (names in lower case). */
  headers?: Record<string, string>;
}

/** GIVEN earlier events, WHEN a member calls an endpoint, THEN a response and new events. */
export interface UseCase {
  title: string;
  given?: Given[];
  /**
   * Password hashes kept before the call. No event carries one (the auth module keeps them
   * apart), so a story whose member logs in with a password says that member has one.
   */
  credentials?: KeptCredentials[];
  /** Steps before the call that are themselves calls (e.g. a failed log-in attempt). */
  before?: When[];
  /** Moves the test clock before the call, e.g. a day later. */
  clock?: string;
  when: When;
  then: Then;
  /** The endpoint this documents, when the URL has ids in it; otherwise derived from `when`. */
  endpoint?: string;
}

/**
 * The key use cases sign mail links with (AppOptions.linkKey): a use case makes the link a
 * mail would hold with `linkTokens(USE_CASE_LINK_KEY)`, as a member would click it.
 */
/** When every use case starts: its clock's first reading. */
export const USE_CASE_EPOCH = '2026-06-01T10:00:00.000Z';

export const USE_CASE_LINK_KEY = 'use-case-link-key-0123456789';

export function useCase(spec: UseCase): UseCase {
  return spec;
}
