import type { FieldProblem } from '@meetcute/core';
import { SEVERITIES, type Severity } from './events.ts';
import type { PostMortem } from './store.ts';
import { said } from './rule-messages.ts';

export const TITLE_MAX = 200;
export const NOTE_MAX = 2000;
export const URL_MAX = 2000;
export const POST_MORTEM_MAX = 10000;
/** A moment a little ahead of the clock is a clock's skew; further ahead is a mistake. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

const MOMENT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A moment as an operator typed it (ISO 8601; a form's local date and time without a zone
 * is UTC, which the form says), as an ISO string in UTC; undefined when it is no moment.
 */
export function momentOf(typed: string): string | undefined {
  const match = MOMENT.exec(typed.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A moment field: empty means now; a moment later than now is refused. */
function moment(field: string, typed: string | undefined, now: Date, errors: FieldProblem[]): string {
  if (typed === undefined || typed.trim() === '') return now.toISOString();
  const at = momentOf(typed);
  if (at === undefined) {
    errors.push(said(field, 'momentBad'));
    return now.toISOString();
  }
  if (new Date(at).getTime() > now.getTime() + FUTURE_SLACK_MS) {
    errors.push(said(field, 'momentAhead'));
  }
  return at;
}

function required(field: string, typed: string | undefined, max: number, errors: FieldProblem[]): string {
  const value = (typed ?? '').trim();
  if (value === '') errors.push(said(field, 'empty'));
  else if (value.length > max) errors.push(said(field, 'tooLong', { max }));
  return value;
}

export interface OpeningInput {
  title?: string | undefined;
  severity?: string | undefined;
  startedAt?: string | undefined;
}

export const isSeverity = (value: string | undefined): value is Severity =>
  (SEVERITIES as readonly (string | undefined)[]).includes(value);

/** An incident as an operator opens it, or what to fix. */
export function decideOpening(
  input: OpeningInput,
  now: Date,
): { title: string; severity: Severity; startedAt: string } | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const title = required('title', input.title, TITLE_MAX, errors);
  const severity = input.severity;
  if (!isSeverity(severity)) errors.push(said('severity', 'severityBad'));
  const startedAt = moment('startedAt', input.startedAt, now, errors);
  if (errors.length > 0 || !isSeverity(severity)) return { errors };
  return { title, severity, startedAt };
}

/** A timeline entry, or what to fix. */
export function decideNote(
  input: { text?: string | undefined; at?: string | undefined },
  now: Date,
): { text: string; at: string } | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const text = required('text', input.text, NOTE_MAX, errors);
  const at = moment('at', input.at, now, errors);
  return errors.length > 0 ? { errors } : { text, at };
}

/**
 * A link to a graph, trace, release or anything else: a path on this site or an http(s)
 * address elsewhere (a Grafana panel); the label defaults to the address.
 */
export function decideLink(input: {
  url?: string | undefined;
  label?: string | undefined;
}): { url: string; label: string } | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const url = required('url', input.url, URL_MAX, errors);
  if (url !== '' && !isLinkable(url)) {
    errors.push(said('url', 'linkBad'));
  }
  const label = (input.label ?? '').trim() || url;
  if (label.length > TITLE_MAX) errors.push(said('label', 'tooLong', { max: TITLE_MAX }));
  return errors.length > 0 ? { errors } : { url, label };
}

function isLinkable(url: string): boolean {
  if (/^\/(?![/\\])[\x21-\x7e]*$/.test(url)) return true;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !/\s/.test(url);
  } catch {
    return false;
  }
}

/** When an incident ended: not before it started. */
export function decideResolution(
  input: { resolvedAt?: string | undefined },
  startedAt: string,
  now: Date,
): { resolvedAt: string } | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const resolvedAt = moment('resolvedAt', input.resolvedAt, now, errors);
  if (errors.length === 0 && resolvedAt < startedAt) {
    errors.push(said('resolvedAt', 'endsBeforeStart'));
  }
  return errors.length > 0 ? { errors } : { resolvedAt };
}

export const POST_MORTEM_FIELDS = ['whatHappened', 'impact', 'timeline', 'factors', 'followUps'] as const;

/** A post-mortem: what happened and its impact are needed; each part within bounds. */
export function decidePostMortem(
  input: Partial<Record<keyof PostMortem, string | undefined>>,
): PostMortem | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const part = (field: keyof PostMortem, needed: boolean): string => {
    const value = (input[field] ?? '').trim();
    if (needed && value === '') errors.push(said(field, 'empty'));
    else if (value.length > POST_MORTEM_MAX) errors.push(said(field, 'tooLong', { max: POST_MORTEM_MAX }));
    return value;
  };
  const written: PostMortem = {
    whatHappened: part('whatHappened', true),
    impact: part('impact', true),
    timeline: part('timeline', false),
    factors: part('factors', false),
    followUps: part('followUps', false),
  };
  return errors.length > 0 ? { errors } : written;
}
