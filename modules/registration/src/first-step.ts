import type { ModuleContext } from '@meetcute/core';
import { MemberDeleted } from '@meetcute/auth/events';
import { languageOf, translator, type FirstStepCheck } from '@meetcute/web';
import { AccountCreated, LookingForChanged, LookingForConfirmed } from './events.ts';
import { messages } from './messages.ts';
import { lookingForConfirmed, type RegistrationTables } from './store.ts';

/** Where a member changes whom they look for, with their place and nickname (change-routes.ts). */
const DETAILS = '/profile/details';

/**
 * Registration's step of a new member's checklist: whom they look for (genders, ages,
 * distance). They chose it at sign-up, in a hurry and before seeing anyone; the step is
 * done once they saved it again after approval, changed or as it was. Every page the
 * checklist heads asks, so the answer is held in memory, fed by the same events.
 */
export function lookingForStep(ctx: ModuleContext<RegistrationTables>): FirstStepCheck {
  const confirmed = ctx.view<boolean>({
    name: 'looking-for-confirmed',
    load: (memberId) => lookingForConfirmed(ctx.db, memberId),
  });
  confirmed.on(AccountCreated, (e, changes) => changes.set(e.payload.memberId, false));
  for (const event of [LookingForChanged, LookingForConfirmed])
    confirmed.on(event, (e, changes) => changes.set(e.payload.memberId, true));
  confirmed.on(MemberDeleted, (e, changes) => changes.forget(e.payload.memberId));
  return async (request) => {
    const memberId = request.viewer?.memberId;
    const done = memberId === undefined ? undefined : await confirmed.get(memberId);
    if (done === undefined) return null;
    return { done, label: translator(messages, languageOf(request))('stepLookingFor'), href: DETAILS };
  };
}
