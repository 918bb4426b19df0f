import { defineModule, SESSIONS, type Sessions, CREDENTIALS, NOTIFICATIONS } from '@meetcute/core';
import { EmailChanged, MemberDeleted, honourDeletion, PASSWORD_POLICY } from '@meetcute/auth/events';
import { CITIES, type CityDirectory } from '@meetcute/cities';
import { events, SignUpWithTakenEmail } from './events.ts';
import { migrations, nicknameQueue, projections, project, reviewQueue, tables } from './store.ts';
import { FIRST_STEPS, REVIEW_WORK, type FirstStepCheck, type ReviewWork } from '@meetcute/web';
import { commands } from './commands.ts';
import { registrationRoutes } from './routes.ts';
import { registrationPages } from './pages.ts';
import { reviewPages } from './review-pages.ts';
import { changeCommands } from './changes.ts';
import { changePages, changeRoutes } from './change-routes.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { changeUseCases } from './use-cases.changes.ts';
import { REGISTRATION_IMPORT, registrationImport, type RegistrationImport } from './import.ts';
import { lookingForStep } from './first-step.ts';

export {
  AccountCreated,
  RegistrationSubmitted,
  RegistrationApproved,
  RegistrationRejected,
  SignUpWithTakenEmail,
  CityChanged,
  LookingForChanged,
  LookingForConfirmed,
  NicknameChangeRequested,
  NicknameApproved,
  NicknameRejected,
  GENDERS,
  Gender as GenderSchema,
  Place as PlaceSchema,
  LookingFor as LookingForSchema,
  type Application,
  type Gender,
  type LookingFor,
  type Place,
} from './events.ts';
export { REGISTRATION_IMPORT, type RegistrationImport, type Holder } from './import.ts';

/**
 * Sign-up and its review: a member's application waits for a moderator, who
 * approves it or sends it back with a reason; the member can fix it and resubmit.
 */
export const registration = defineModule({
  name: 'registration',
  description:
    'Sign-up (email, password, profile basics, whom they look for) and its review by moderators; later changes of place, whom they look for and nickname (reviewed).',
  publishes: events,
  // The attempt is news for the mail module only: registration keeps nothing of it.
  consumes: [MemberDeleted, ...events.filter((e) => e !== SignUpWithTakenEmail), EmailChanged],
  provides: [REGISTRATION_IMPORT],
  requires: [CITIES, CREDENTIALS, PASSWORD_POLICY, SESSIONS, NOTIFICATIONS],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...changeUseCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      kept: { registrations: ['reviewed_by'], registration_decisions: ['moderator_id'] },
      tables: { registrations: { mine: ['member_id'] }, registration_decisions: { mine: ['member_id'] } },
    });
    project(ctx);
    const cities = ctx.services.require<CityDirectory>(CITIES);
    const sessions = ctx.services.require<Sessions>(SESSIONS);
    const run = commands(ctx, cities);
    const deps = { db: ctx.db, commands: run, sessions };
    registrationRoutes(ctx.http, deps);
    const pageDeps = { ...deps, cities, now: () => ctx.clock.now() };
    registrationPages(ctx.http, pageDeps);
    reviewPages(ctx.http, pageDeps);
    // Sign-ups are the moderators' first queue: a moderator with any waiting lands there.
    ctx.services.contribute<ReviewWork>(REVIEW_WORK, {
      href: '/review',
      waiting: async () => (await reviewQueue(ctx.db, 1)).length > 0,
    });
    ctx.services.contribute<ReviewWork>(REVIEW_WORK, {
      href: '/review/nicknames',
      waiting: async () => (await nicknameQueue(ctx.db, 1)).length > 0,
    });
    const changeDeps = { db: ctx.db, changes: changeCommands(ctx, (id) => cities.get(id)), cities };
    changeRoutes(ctx.http, changeDeps);
    changePages(ctx.http, changeDeps);
    ctx.services.contribute<FirstStepCheck>(FIRST_STEPS, lookingForStep(ctx));
    ctx.services.provide<RegistrationImport>(REGISTRATION_IMPORT, registrationImport(ctx.db));
  },
});
