import { ageIn } from '@meetcute/core';
import { fits as fitsPreferences, type Candidate } from '@meetcute/matching';
import type { Gender, LookingFor } from '@meetcute/registration/events';

/** How many existing items a newly approved member's feed starts with. */
export const BACKFILL = 50;

export const PAGE_SIZE = { default: 20, max: 50 };

/** What the feed knows of a member, from their approved registration. */
export interface MemberFacts {
  memberId: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthday: string;
  city: { latitude: number; longitude: number; timeZone: string };
  lookingFor: LookingFor;
}

/** Whole years at a moment, counted where the member lives. */
export function ageAt(member: Pick<MemberFacts, 'birthday' | 'city'>, at: string): number {
  return ageIn(member.city.timeZone, member.birthday, new Date(at));
}

const candidate = (m: MemberFacts): Candidate => ({
  memberId: m.memberId,
  gender: m.gender,
  birthday: m.birthday,
  timeZone: m.city.timeZone,
  latitude: m.city.latitude,
  longitude: m.city.longitude,
  lookingFor: m.lookingFor,
});

/**
 * Whether an item by `author` belongs in `viewer`'s feed: the matching module's
 * one-way rule, in its argument order (the viewer first; the author fits what the
 * viewer looks for: gender, age, distance),
 * the same rule that picks a new member's back-fill. The age is counted at the
 * item's time, not now, so a rebuild from the event log is identical to what was
 * projected live.
 */
export function fits(viewer: MemberFacts, author: MemberFacts, at: string): boolean {
  if (author.memberId === viewer.memberId) return false;
  return fitsPreferences(candidate(viewer), candidate(author), new Date(at));
}
