import type { ServiceRegistry } from '@meetcute/core';
import {
  FIRST_STEPS,
  REVIEW_WORK,
  languageOf,
  translator,
  type FirstStepCheck,
  type ReviewWork,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { reviewQueue, type Profile, type ProfileDb } from './store.ts';

/**
 * Profile's part of where members land: the about-me queue for moderators, and the
 * checklist's steps of writing an about-me and telling the optional facts (height,
 * children, languages…).
 */
export function landing(
  services: ServiceRegistry,
  db: ProfileDb,
  profileOf: (memberId: string) => Promise<Profile | undefined>,
): void {
  services.contribute<ReviewWork>(REVIEW_WORK, {
    href: '/review/about-me',
    waiting: async () => (await reviewQueue(db, 1)).length > 0,
  });
  // A few words about oneself: done once there is an about-me, or one waiting for review.
  services.contribute<FirstStepCheck>(FIRST_STEPS, async (request) => {
    const profile = request.viewer && (await profileOf(request.viewer.memberId));
    if (!profile) return null;
    return {
      done: profile.aboutMe !== '' || (profile.pendingAboutMe ?? '') !== '',
      label: translator(messages, languageOf(request))('stepAboutMe'),
      href: '/profile/edit',
    };
  });
  services.contribute<FirstStepCheck>(FIRST_STEPS, async (request) => {
    const profile = request.viewer && (await profileOf(request.viewer.memberId));
    if (!profile) return null;
    return {
      done: Object.values(profile.properties).some(
        (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
      ),
      label: translator(messages, languageOf(request))('stepProperties'),
      href: '/profile/properties',
    };
  });
}
