import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '@meetcute/core';
import { html, type Html } from './html.ts';
import { page, type PageOptions } from './layout.ts';

/** Sends a full page. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageOptions,
  status = 200,
): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page(request, options));
}

export function hidden(request: FastifyRequest): Html {
  return html`<input type="hidden" name="_csrf" value="${request.csrfToken}" />`;
}

export interface FieldOptions {
  name: string;
  /** When a page has the same field more than once (one per card), each needs its own id. */
  id?: string;
  label: string;
  value?: string | undefined;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  errors?: FieldProblem[] | undefined;
  attrs?: Html;
  multiline?: boolean;
}

/** A labelled input with its hint and error, wired with aria so screen readers announce both. */
export function field(o: FieldOptions): Html {
  const id = o.id ?? `f-${o.name}`;
  const error = o.errors?.find((e) => e.field === o.name || e.field.startsWith(`${o.name}.`));
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${o.name}" ${o.required ? html`required` : ''}
  ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${error ? html`aria-invalid="true"` : ''}
  ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''} ${o.attrs ?? ''}`;
  return html`<div class="field${error ? ' invalid' : ''}">
    <label for="${id}">${o.label}</label>
    ${o.hint ? html`<small id="${id}-hint">${o.hint}</small>` : ''}
    ${
      o.multiline
        ? html`<textarea ${common} rows="5">${o.value ?? ''}</textarea>`
        : html`<input type="${o.type ?? 'text'}" ${common} value="${o.value ?? ''}" />`
    }
    ${error ? html`<p class="error" id="${id}-error">${error.message}</p>` : ''}
  </div>`;
}

/** The summary at the top of a form that failed, linking to each bad field. */
export function formErrors(errors: FieldProblem[] | undefined, title: string): Html {
  if (!errors || errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>${title}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#f-${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

/** A form body as the browser sent it: strings, or lists of strings for repeated names. */
export type FormBody = Record<string, string | string[] | undefined>;

export const form = {
  text(body: FormBody, name: string): string {
    const v = body[name];
    return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
  },
  list(body: FormBody, name: string): string[] {
    const v = body[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  },
  /** A whole number, or NaN when the field is empty or not a number (the rules then name the field). */
  int(body: FormBody, name: string): number {
    const text = form.text(body, name);
    return /^-?\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  },
};

/** The schema every form post gets: any fields, each a bounded string or a short list of them. */
export const FORM_BODY_SCHEMA = Type.Record(
  Type.String(),
  Type.Union([
    Type.String({ maxLength: 10000 }),
    Type.Array(Type.String({ maxLength: 10000 }), { maxItems: 20 }),
  ]),
);

/**
 * A path on this site, as a redirect target: one leading slash not followed by another
 * or a backslash (a browser reads "//host" and "/\\host" as another site), and printable
 * ASCII only. Browsers drop tabs and newlines inside a URL, so "/<tab>/evil.example" is
 * "//evil.example" to them, and a Location header cannot carry anything else. Pages put
 * `request.url` in their forms, which browsers send percent-encoded, so nothing a page of
 * ours links to is refused.
 */
export const LOCAL_PATH = '^/(?![/\\\\])[\\x21-\\x7e]*$';
const LOCAL = new RegExp(LOCAL_PATH);

/** A local path to go back to after a form, never another site; anything else is `fallback`. */
export function localPath(path: string | undefined, fallback: string): string {
  return path !== undefined && path.length <= 2000 && LOCAL.test(path) ? path : fallback;
}
