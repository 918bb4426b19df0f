import { isUniqueViolation, problems, type FieldProblem, type ModuleContext, type Tx } from '@meetcute/core';
import type { City } from '@meetcute/cities';
import {
  CityChanged,
  LookingForChanged,
  LookingForConfirmed,
  NicknameApproved,
  NicknameChangeRequested,
  NicknameRejected,
  type LookingFor,
} from './events.ts';
import { duplicate } from './commands.ts';
import {
  broken,
  checkLookingFor,
  checkNickname,
  checkReason,
  placeOf,
  type ApplicationInput,
} from './rules.ts';
import { findRegistration, taken, type Registration, type RegistrationTables } from './store.ts';

/** What an approved member may change after sign-up; each of these is sent whole, as the form shows it. */
export interface DetailsInput {
  nickname: string;
  cityId: number | null;
  lookingFor: ApplicationInput['lookingFor'];
}

/**
 * Changes an approved member makes to what they told at sign-up. Where they live and whom
 * they look for are theirs to change at once (suggestions, news and search follow the
 * events); a new nickname is public and can offend or impersonate, so it waits for a
 * moderator, like about-me changes do.
 */
export interface ChangeCommands {
  /** `nicknamePending` says a new nickname waits for review (the old one shows until then). */
  changeDetails(memberId: string, input: DetailsInput): Promise<{ nicknamePending: boolean }>;
  approve(moderatorId: string, memberId: string): Promise<void>;
  reject(moderatorId: string, memberId: string, reason: string): Promise<void>;
}

/** The same genders in any order, the same ages and distance: nothing to tell anyone. */
function sameLookingFor(a: LookingFor, b: LookingFor): boolean {
  const genders = (l: LookingFor) => [...l.genders].sort().join();
  return (
    genders(a) === genders(b) &&
    a.minAge === b.minAge &&
    a.maxAge === b.maxAge &&
    a.maxDistanceKm === b.maxDistanceKm
  );
}

function approvedOnly(registration: Registration | undefined): asserts registration is Registration & {
  application: NonNullable<Registration['application']>;
} {
  if (!registration?.application || registration.status !== 'approved') {
    throw problems.conflict(
      'not-approved',
      'Not approved yet',
      'Until a moderator approves your sign-up, change it on your registration page.',
    );
  }
}

export function changeCommands(
  ctx: ModuleContext<RegistrationTables>,
  findCity: (id: number) => City | undefined,
): ChangeCommands {
  return {
    async changeDetails(memberId, input) {
      const nickname = input.nickname.trim();
      const city = input.cityId === null ? undefined : findCity(input.cityId);
      const { lookingFor, errors: lookingForErrors } = checkLookingFor(input.lookingFor);
      const errors: FieldProblem[] = [...checkNickname(nickname), ...lookingForErrors];
      if (!city) errors.unshift(broken('city', 'city'));
      if (errors.length > 0 || !city) throw problems.invalid(errors);
      try {
        return await ctx.transaction(async (tx) => {
          const registration = await findRegistration(tx.db, memberId);
          approvedOnly(registration);
          const now = registration.application;
          const actor = { actorId: memberId };
          if (city.id !== now.city.id)
            await tx.publish(CityChanged, { memberId, city: placeOf(city) }, actor);
          if (!sameLookingFor(lookingFor, now.lookingFor))
            await tx.publish(LookingForChanged, { memberId, lookingFor }, actor);
          // Saved as it was: whom they chose at sign-up is now theirs, said once.
          else if (registration.lookingForConfirmedAt === null)
            await tx.publish(LookingForConfirmed, { memberId }, actor);
          if (nickname === now.nickname) {
            // Back to the nickname they have: a request still waiting is withdrawn.
            if (registration.pendingNickname !== null)
              await tx.publish(NicknameChangeRequested, { memberId, nickname }, actor);
            return { nicknamePending: false };
          }
          // The same new nickname again keeps its place in the queue.
          if (nickname === registration.pendingNickname) return { nicknamePending: true };
          const clash = await taken(tx.db, null, nickname, memberId);
          if (clash.nickname || clash.lookalike) throw duplicate(clash);
          await tx.publish(NicknameChangeRequested, { memberId, nickname }, actor);
          return { nicknamePending: true };
        });
      } catch (error) {
        // Someone asked for the same new nickname at the same moment.
        if (isUniqueViolation(error)) throw duplicate({ nickname: true });
        throw error;
      }
    },

    approve: (moderatorId, memberId) =>
      reviewNickname(ctx, moderatorId, memberId, (tx, nickname) =>
        tx.publish(NicknameApproved, { memberId, moderatorId, nickname }, { actorId: moderatorId }),
      ),

    async reject(moderatorId, memberId, reason) {
      const errors = checkReason(reason);
      if (errors.length > 0) throw problems.invalid(errors);
      await reviewNickname(ctx, moderatorId, memberId, (tx) =>
        tx.publish(
          NicknameRejected,
          { memberId, moderatorId, reason: reason.trim() },
          { actorId: moderatorId },
        ),
      );
    },
  };
}

/**
 * Decides on the new nickname waiting on a member, in one transaction with the read. The
 * conditional update takes the row lock on PostgreSQL, so of two moderators deciding at
 * once the second finds nothing left to review.
 */
async function reviewNickname(
  ctx: ModuleContext<RegistrationTables>,
  moderatorId: string,
  memberId: string,
  decide: (tx: Tx<RegistrationTables>, pending: string) => Promise<unknown>,
): Promise<void> {
  if (moderatorId === memberId) throw problems.forbidden('Another moderator must review your own nickname.');
  await ctx.transaction(async (tx) => {
    const claimed = await tx.db
      .updateTable('registrations')
      .set((eb) => ({ pending_nickname_since: eb.ref('pending_nickname_since') }))
      .where('member_id', '=', memberId)
      .where('pending_nickname', 'is not', null)
      .executeTakeFirst();
    const registration = await findRegistration(tx.db, memberId);
    if (!registration) throw problems.notFound('This member');
    if (Number(claimed.numUpdatedRows) === 0 || registration.pendingNickname === null) {
      throw problems.conflict(
        'nothing-to-review',
        'Nothing to review',
        'This member has no new nickname waiting; another moderator may have reviewed it already.',
      );
    }
    await decide(tx, registration.pendingNickname);
  });
}
