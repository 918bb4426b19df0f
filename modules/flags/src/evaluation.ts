import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  OpenFeature,
  type Client,
  type EvaluationDetails,
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
  /** The member as the module's view knows them (roles, country, the language they signed up in). */
  member(memberId: string): Promise<FlagSubject | undefined>;
}

/** How pages and handlers read a flag: the one way, with the viewer's context. */
export interface Flags {
  /**
   * Whether an on/off flag is on for the subject; `fallback` (today's behaviour) when there
   * is no such flag. A subject of a member id alone (no page asking: a live push) is
   * completed from what the module knows of the member.
   */
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
  readonly #readsOf: (context: EvaluationContext) => FlagReads | undefined;

  /** `readsOf` finds the reads of the app that asks (several apps share a process in the tests). */
  constructor(readsOf: (context: EvaluationContext) => FlagReads | undefined) {
    this.#readsOf = readsOf;
  }

  async resolveBooleanEvaluation(key: string, fallback: boolean, context: EvaluationContext) {
    const reads = this.#readsOf(context);
    const flag = await reads?.flag(key);
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
    const reads = this.#readsOf(context);
    const flag = await reads?.flag(key);
    if (!reads || !flag) return { value: fallback, reason: StandardResolutionReasons.DEFAULT };
    if (flag.variants.length === 0) return mismatch(fallback);
    const subject = subjectOf(context);
    const served = evaluate(flag, subject);
    const experiment = subject.memberId && !flag.killed ? await reads.running(key) : undefined;
    if (!experiment || !subject.memberId) {
      return { value: served.variant, variant: served.variant, reason: REASONS[served.reason] };
    }
    // In a running experiment a member keeps the variant of their first exposure.
    const kept = await reads.assignment(experiment.key, subject.memberId);
    const value =
      kept ?? (served.on ? await reads.expose(experiment, subject.memberId, served.variant) : undefined);
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
 * OpenFeature's API is one per process, and what is bound to it stays for the process'
 * life; so the process binds one provider, once, and each app registers its reads under a
 * key of its own that its evaluations carry (several apps share a process in the tests; a
 * provider per app would keep every closed app's views and database alive).
 */
const appReads = new Map<string, FlagReads>();
const DOMAIN = 'meetcute';
let shared: Client | undefined;

function sharedClient(): Client {
  if (!shared) {
    OpenFeature.setProvider(
      DOMAIN,
      new MeetcuteProvider((context) =>
        typeof context.app === 'string' ? appReads.get(context.app) : undefined,
      ),
    );
    shared = OpenFeature.getClient(DOMAIN);
  }
  return shared;
}

export function openFeatureFlags(reads: FlagReads, logger: Logger): { flags: Flags; close(): Promise<void> } {
  const app = randomUUID();
  appReads.set(app, reads);
  const client = sharedClient();
  // The shared client cannot log to this app's logger, so each answer says whether it failed.
  function logged<T extends boolean | string>(details: EvaluationDetails<T>): T {
    if (details.errorCode)
      logger.error(
        { flag: details.flagKey, error: details.errorCode, detail: details.errorMessage },
        'flag evaluation failed',
      );
    return details.value;
  }
  async function contextOf(key: string, asked: FlagSubject): Promise<EvaluationContext> {
    const alone = asked.memberId && asked.roles === undefined && asked.language === undefined;
    const subject = (alone && (await reads.member(asked.memberId!))) || asked;
    const { memberId, roles, language } = subject;
    let country = subject.country;
    // Only a flag that targets countries costs the lookup of where the member lives.
    if (country === undefined && memberId && needsCountry(await reads.flag(key))) {
      country = await reads.countryOf(memberId);
    }
    return {
      app,
      ...(memberId ? { targetingKey: memberId } : {}),
      roles: [...(roles ?? [])],
      ...(country ? { country } : {}),
      ...(language ? { language } : {}),
    };
  }
  // A flag nobody created answers today's behaviour at once, as the provider would: the SDK's
  // way there costs some 40 µs a call, and pages ask for flags that may never exist (ads.news).
  return {
    flags: {
      isOn: async (key, subject, fallback = true) =>
        (await reads.flag(key)) === undefined
          ? fallback
          : logged(await client.getBooleanDetails(key, fallback, await contextOf(key, subject))),
      variant: async (key, subject, fallback) =>
        (await reads.flag(key)) === undefined
          ? fallback
          : logged(await client.getStringDetails(key, fallback, await contextOf(key, subject))),
    },
    async close() {
      // Lets go of this app's reads (and through them, its views and database).
      appReads.delete(app);
      return Promise.resolve();
    },
  };
}
