import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  NOOP_PROVIDER,
  OpenFeature,
  StandardResolutionReasons,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import type { Logger } from '@meetcute/core';
import { evaluate, needsCountry, type Flag, type FlagSubject, type Served } from './rules.ts';
import type { Experiment } from './experiment-store.ts';

/** What evaluation reads: every one from memory (the module's views), but the first exposure. */
export interface FlagReads {
  flag(key: string): Promise<Flag | undefined>;
  /** The experiment running over a flag, if any. */
  running(flagKey: string): Promise<Experiment | undefined>;
  /** The variant a member was given in an experiment, kept since their first exposure. */
  assignment(experimentKey: string, memberId: string): Promise<string | undefined>;
  /** Records a first exposure (once); answers the variant kept, which another request may have set first. */
  expose(experiment: Experiment, memberId: string, variant: string): Promise<string>;
  /** The country a member lives in, for country targeting. */
  countryOf(memberId: string): Promise<string | undefined>;
}

/** How pages and handlers read a flag: the one way, with the viewer's context. */
export interface Flags {
  /** Whether an on/off flag is on for the subject; `fallback` (today's behaviour) when there is no such flag. */
  isOn(key: string, subject: FlagSubject, fallback?: boolean): Promise<boolean>;
  /** The variant of a multi-variant flag the subject is served; records an experiment's first exposure. */
  variant(key: string, subject: FlagSubject, fallback: string): Promise<string>;
}

const REASONS: Record<Served['reason'], string> = {
  killed: StandardResolutionReasons.DISABLED,
  named: StandardResolutionReasons.TARGETING_MATCH,
  outside: StandardResolutionReasons.TARGETING_MATCH,
  ramp: StandardResolutionReasons.SPLIT,
  'held-back': StandardResolutionReasons.SPLIT,
};

function subjectOf(context: EvaluationContext): FlagSubject {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const roles = Array.isArray(context.roles) ? context.roles.filter((r) => typeof r === 'string') : [];
  return {
    memberId: text(context.targetingKey),
    roles,
    country: text(context.country),
    language: text(context.language),
  };
}

function mismatch<T>(value: T): ResolutionDetails<T> {
  return { value, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH };
}

/**
 * Our OpenFeature provider: it answers from the module's in-memory views, so evaluating a
 * flag costs no query. An unknown flag answers the caller's default (today's behaviour).
 */
export class MeetcuteProvider implements Provider {
  readonly metadata = { name: 'meetcute' } as const;
  readonly runsOn = 'server' as const;
  readonly #reads: FlagReads;

  constructor(reads: FlagReads) {
    this.#reads = reads;
  }

  async resolveBooleanEvaluation(key: string, fallback: boolean, context: EvaluationContext) {
    const flag = await this.#reads.flag(key);
    if (!flag) return { value: fallback, reason: StandardResolutionReasons.DEFAULT };
    if (flag.variants.length > 0) return mismatch(fallback);
    const served = evaluate(flag, subjectOf(context));
    return { value: served.on, variant: served.variant, reason: REASONS[served.reason] };
  }

  async resolveStringEvaluation(
    key: string,
    fallback: string,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<string>> {
    const flag = await this.#reads.flag(key);
    if (!flag) return { value: fallback, reason: StandardResolutionReasons.DEFAULT };
    if (flag.variants.length === 0) return mismatch(fallback);
    const subject = subjectOf(context);
    const served = evaluate(flag, subject);
    const experiment = subject.memberId && !flag.killed ? await this.#reads.running(key) : undefined;
    if (!experiment || !subject.memberId) {
      return { value: served.variant, variant: served.variant, reason: REASONS[served.reason] };
    }
    // In a running experiment a member keeps the variant of their first exposure.
    const kept = await this.#reads.assignment(experiment.key, subject.memberId);
    const value =
      kept ??
      (served.on ? await this.#reads.expose(experiment, subject.memberId, served.variant) : undefined);
    if (value === undefined)
      return { value: served.variant, variant: served.variant, reason: REASONS[served.reason] };
    return {
      value,
      variant: value,
      reason: StandardResolutionReasons.STATIC,
      flagMetadata: { experiment: experiment.key },
    };
  }

  async resolveNumberEvaluation(_key: string, fallback: number) {
    return Promise.resolve(mismatch(fallback));
  }

  async resolveObjectEvaluation<T extends JsonValue>(_key: string, fallback: T) {
    return Promise.resolve(mismatch(fallback));
  }
}

/**
 * The Flags service over an OpenFeature client of its own: each app binds its provider to
 * a domain of its own, so several apps in one process (the tests) never share flags.
 */
export function openFeatureFlags(reads: FlagReads, logger: Logger): { flags: Flags; close(): Promise<void> } {
  const domain = `meetcute-${randomUUID()}`;
  OpenFeature.setProvider(domain, new MeetcuteProvider(reads));
  const client = OpenFeature.getClient(domain);
  client.setLogger({
    error: (...args: unknown[]) => logger.error({ openfeature: args }, 'flag evaluation failed'),
    warn: (...args: unknown[]) => logger.warn({ openfeature: args }, 'flag evaluation warning'),
    info: () => undefined,
    debug: () => undefined,
  });
  async function contextOf(key: string, subject: FlagSubject): Promise<EvaluationContext> {
    const { memberId, roles, language } = subject;
    let country = subject.country;
    // Only a flag that targets countries costs the lookup of where the member lives.
    if (country === undefined && memberId && needsCountry(await reads.flag(key))) {
      country = await reads.countryOf(memberId);
    }
    return {
      ...(memberId ? { targetingKey: memberId } : {}),
      roles: [...(roles ?? [])],
      ...(country ? { country } : {}),
      ...(language ? { language } : {}),
    };
  }
  return {
    flags: {
      isOn: async (key, subject, fallback = true) =>
        client.getBooleanValue(key, fallback, await contextOf(key, subject)),
      variant: async (key, subject, fallback) =>
        client.getStringValue(key, fallback, await contextOf(key, subject)),
    },
    async close() {
      // Lets go of this app's provider (and through it, its views and database).
      OpenFeature.setProvider(domain, NOOP_PROVIDER);
      return Promise.resolve();
    },
  };
}
