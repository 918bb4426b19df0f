import { hash } from '@node-rs/argon2';
import { PASSWORD_POLICY, type PasswordPolicy } from '@meetcute/auth/events';
import {
  CREDENTIALS,
  isUniqueViolation,
  NOTIFICATIONS,
  problems,
  type Credentials,
  type NotificationHub,
  type Problem,
  type ModuleContext,
  type Tx,
} from '@meetcute/core';
import type { City, CityDirectory } from '@meetcute/cities';
import type { Language } from '@meetcute/web';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
  SignUpWithTakenEmail,
} from './events.ts';
import {
  checkAccount,
  checkApplication,
  broken,
  checkReason,
  normaliseEmail,
  type AccountInput,
  type ApplicationInput,
} from './rules.ts';
import {
  findRegistration,
  ownerOfEmail,
  recordTakenAnswer,
  taken,
  takenAnswersSince,
  type Registration,
  type RegistrationTables,
} from './store.ts';

/** Ten "taken" answers an hour per caller: enough for typos, too few to test a list of addresses. */
export const TAKEN_LIMIT = 10;
const TAKEN_WINDOW_MS = 3600 * 1000;

/** Seconds until the oldest answer in the window ages out, or 0 while under the limit. */
function retryAfter(answers: string[], now: Date): number {
  if (answers.length < TAKEN_LIMIT) return 0;
  const oldest = Date.parse(answers[answers.length - TAKEN_LIMIT]!);
  return Math.max(1, Math.ceil((oldest + TAKEN_WINDOW_MS - now.getTime()) / 1000));
}

function tooManyTaken(seconds: number): Problem {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return problems.tooMany(
    `Too many sign-ups with an email or nickname already in use. Try again in ${minutes} minutes.`,
  );
}

/**
 * The registration commands, shared by the JSON API and the pages so both enforce
 * exactly the same rules. Each throws a Problem the caller can show as it is.
 */
export interface Commands {
  /** `language` is the one the member signed up in: their welcome mail is written in it. */
  signUp(
    input: AccountInput & ApplicationInput,
    language: Language,
    ip: string,
  ): Promise<{ memberId: string; created: boolean }>;
  /** Sends a sign-up (again); answers whether it was still waiting, i.e. changed rather than fixed after it was sent back. */
  resubmit(memberId: string, input: ApplicationInput): Promise<{ changed: boolean }>;
  approve(moderatorId: string, memberId: string): Promise<void>;
  reject(moderatorId: string, memberId: string, reason: string): Promise<void>;
}

/** A nickname taken or looked like: said openly, since nicknames are public. Never the address. */
export function duplicate(what: { nickname: boolean; lookalike?: boolean }): Problem {
  const errors = [];
  if (what.nickname) errors.push(broken('nickname', 'nicknameTaken'));
  else if (what.lookalike) errors.push(broken('nickname', 'nicknameLookalike'));
  return problems.conflict('already-registered', 'Already taken', 'Choose another nickname.', errors);
}

/** What the commands share: the module and the services a sign-up needs. */
interface Registrar {
  ctx: ModuleContext<RegistrationTables>;
  findCity: (id: number) => City | undefined;
  passwords: PasswordPolicy;
  credentials: Credentials;
  signUps: { inc(): void };
}

export function commands(ctx: ModuleContext<RegistrationTables>, cities: CityDirectory): Commands {
  const registrar: Registrar = {
    ctx,
    findCity: (id) => cities.get(id),
    // The same rule for every new password, kept by auth, which registers first.
    passwords: ctx.services.require<PasswordPolicy>(PASSWORD_POLICY),
    credentials: ctx.services.require<Credentials>(CREDENTIALS),
    signUps: ctx.metrics.counter('sign_ups', 'Members who signed up'),
  };
  return {
    signUp: (input, language, ip) => signUp(registrar, input, language, ip),
    resubmit: (memberId, input) => resubmit(registrar, memberId, input),
    approve: (moderatorId, memberId) => approve(ctx, moderatorId, memberId),
    reject: (moderatorId, memberId, reason) => reject(ctx, moderatorId, memberId, reason),
  };
}

/**
 * The member's open pages hear the review at once: the waiting page takes in what
 * /registration now shows (the welcome, or the reason and the form), without a reload.
 */
function tellMember(
  ctx: ModuleContext<RegistrationTables>,
  tx: Tx<RegistrationTables>,
  memberId: string,
  status: 'approved' | 'rejected',
): void {
  const hub = ctx.services.require<NotificationHub>(NOTIFICATIONS);
  tx.afterCommit(() => hub.notify(memberId, { type: 'registration', data: { status } }));
}

async function signUp(
  registrar: Registrar,
  input: AccountInput & ApplicationInput,
  language: Language,
  ip: string,
): Promise<{ memberId: string; created: boolean }> {
  const { ctx, findCity, passwords, credentials } = registrar;
  const { application, errors } = checkApplication(input, ctx.clock.now(), findCity);
  errors.unshift(...checkAccount(input, (password) => passwords.isCommon(password)));
  if (errors.length > 0 || !application) throw problems.invalid(errors);
  const email = normaliseEmail(input.email);
  // "Taken" tells whether an address is a member's: a caller hears it only so often.
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - TAKEN_WINDOW_MS).toISOString();
  const wait = retryAfter(await takenAnswersSince(ctx.db, ip, since), now);
  if (wait > 0) throw tooManyTaken(wait);
  const clash = await taken(ctx.db, email, application.nickname);
  // Nicknames are public, so a taken one may be said openly; the address never is.
  if (clash.nickname || clash.lookalike) {
    await recordTakenAnswer(ctx.db, ip, now.toISOString(), since);
    throw duplicate(clash);
  }
  // @node-rs/argon2 hashes with argon2id and OWASP's parameters by default. Hashed for a
  // taken address too, so the answer takes as long as a new sign-up's.
  const passwordHash = await hash(input.password);
  const memberId = ctx.ids.next();
  if (clash.email) return takenEmail(ctx, email, ip, memberId);
  // Kept apart from the events, first: the account is published once its hash is safe.
  // Killed in between, the hash names an id nothing else knows, and never lets anyone in.
  await credentials.store([{ memberId, passwordHash }]);
  try {
    await ctx.transaction(async (tx) => {
      await tx.publish(AccountCreated, { memberId, email, language }, { actorId: memberId });
      await tx.publish(
        RegistrationSubmitted,
        { memberId, application, resubmission: false },
        { actorId: memberId },
      );
    });
  } catch (error) {
    await credentials.forget(memberId);
    // Someone else took the email or nickname between our check and our write.
    if (!isUniqueViolation(error)) throw error;
    const raced = await taken(ctx.db, email, application.nickname);
    if (raced.nickname || raced.lookalike) throw duplicate(raced);
    return takenEmail(ctx, email, ip, memberId);
  }
  registrar.signUps.inc();
  return { memberId, created: true };
}

/**
 * A sign-up with a member's address is answered as a new one would be (an id that names
 * nobody), and the owner hears of it by mail. It still counts towards the caller's limit
 * of "taken" answers, which also keeps anyone from filling an owner's inbox.
 */
async function takenEmail(
  ctx: ModuleContext<RegistrationTables>,
  email: string,
  ip: string,
  decoyId: string,
): Promise<{ memberId: string; created: boolean }> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - TAKEN_WINDOW_MS).toISOString();
  await recordTakenAnswer(ctx.db, ip, now.toISOString(), since);
  const owner = await ownerOfEmail(ctx.db, email);
  if (owner) {
    await ctx.transaction(async (tx) => {
      await tx.publish(SignUpWithTakenEmail, { memberId: owner }, { actorId: owner });
    });
  }
  return { memberId: decoyId, created: false };
}

async function resubmit(
  { ctx, findCity }: Registrar,
  memberId: string,
  input: ApplicationInput,
): Promise<{ changed: boolean }> {
  const current = await findRegistration(ctx.db, memberId);
  if (!current) throw problems.notFound('Your sign-up');
  // A sign-up still waiting can be changed too (a typo seen after sending): it keeps its
  // place in the queue, and the moderator reads the changed one.
  if (current.status === 'approved') {
    throw problems.conflict('already-approved', 'Already approved', 'Edit your profile instead.');
  }
  const { application, errors } = checkApplication(input, ctx.clock.now(), findCity);
  if (errors.length > 0 || !application) throw problems.invalid(errors);
  const clash = await taken(ctx.db, null, application.nickname, memberId);
  if (clash.nickname || clash.lookalike) throw duplicate(clash);
  try {
    await ctx.transaction(async (tx) => {
      await tx.publish(
        RegistrationSubmitted,
        { memberId, application, resubmission: true },
        { actorId: memberId },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate({ nickname: true });
    throw error;
  }
  return { changed: current.status === 'submitted' };
}

async function approve(
  ctx: ModuleContext<RegistrationTables>,
  moderatorId: string,
  memberId: string,
): Promise<void> {
  if (moderatorId === memberId) throw problems.forbidden('Another moderator must review your own sign-up.');
  await ctx.transaction(async (tx) => {
    const registration = await claimPending(tx, memberId);
    await tx.publish(
      RegistrationApproved,
      { memberId, moderatorId, application: registration.application! },
      { actorId: moderatorId },
    );
    tellMember(ctx, tx, memberId, 'approved');
  });
}

async function reject(
  ctx: ModuleContext<RegistrationTables>,
  moderatorId: string,
  memberId: string,
  reason: string,
): Promise<void> {
  const errors = checkReason(reason);
  if (errors.length > 0) throw problems.invalid(errors);
  if (moderatorId === memberId) throw problems.forbidden('Another moderator must review your own sign-up.');
  await ctx.transaction(async (tx) => {
    await claimPending(tx, memberId);
    await tx.publish(
      RegistrationRejected,
      { memberId, moderatorId, reason: reason.trim() },
      { actorId: moderatorId },
    );
    tellMember(ctx, tx, memberId, 'rejected');
  });
}

/**
 * Claims a waiting sign-up inside the review's transaction. The conditional update
 * takes the row lock on PostgreSQL, so of two moderators reviewing at once the second
 * finds it already reviewed instead of reviewing it again.
 */
async function claimPending(tx: Tx<RegistrationTables>, memberId: string): Promise<Registration> {
  const registration = await findRegistration(tx.db, memberId);
  if (!registration || registration.status === 'draft') throw problems.notFound('This sign-up');
  const claimed = await tx.db
    .updateTable('registrations')
    .set({ status: 'submitted' })
    .where('member_id', '=', memberId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    const now = await findRegistration(tx.db, memberId);
    throw problems.conflict(
      'already-reviewed',
      'Already reviewed',
      `This sign-up is already ${now?.status ?? registration.status}.`,
    );
  }
  return registration;
}
