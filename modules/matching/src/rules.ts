import { ageIn } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import type { Gender, LookingFor } from '@meetcute/registration/events';

/** What matching knows of an approved member: who they are, where, and whom they look for. */
export interface Candidate {
  memberId: string;
  gender: Gender;
  birthday: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  lookingFor: LookingFor;
}

export const LIMITS = { suggestions: { default: 20, max: 50 } };

/** Whole years today where the member lives. */
export function ageOf(member: Candidate, now: Date): number {
  return ageIn(member.timeZone, member.birthday, now);
}

/** Great-circle distance between the two members' cities, in km (not rounded). */
export function distanceBetween(a: Candidate, b: Candidate): number {
  return distanceKm(a, b);
}

/** One way: does `other` fit what `viewer` looks for (gender, age today, distance within the viewer's limit)? */
export function fits(viewer: Candidate, other: Candidate, now: Date): boolean {
  const wants = viewer.lookingFor;
  if (!wants.genders.includes(other.gender)) return false;
  const age = ageOf(other, now);
  if (age < wants.minAge || age > wants.maxAge) return false;
  return distanceBetween(viewer, other) <= wants.maxDistanceKm;
}

/**
 * Both ways: each fits the other's preferences. Since each side's distance limit is
 * checked, the pair must be within the smaller of the two.
 */
export function mutuallyCompatible(a: Candidate, b: Candidate, now: Date): boolean {
  return a.memberId !== b.memberId && fits(a, b, now) && fits(b, a, now);
}

/** The tags both have, sorted as the interests module sorts them. */
export function sharedInterests(a: readonly string[], b: readonly string[]): string[] {
  const theirs = new Set(b);
  return [...new Set(a)].filter((tag) => theirs.has(tag)).sort((x, y) => x.localeCompare(y));
}

export interface Suggestion {
  memberId: string;
  sharedInterests: string[];
  /** Whole km between the two cities. */
  distanceKm: number;
}

/** Best first: more shared interests, then nearer, then by id so the order is stable. */
export function rank<S extends Suggestion & { exactKm?: number }>(suggestions: readonly S[]): S[] {
  return [...suggestions].sort(
    (a, b) =>
      b.sharedInterests.length - a.sharedInterests.length ||
      (a.exactKm ?? a.distanceKm) - (b.exactKm ?? b.distanceKm) ||
      (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );
}

/** `shared` counts with {n}; `shared_one` is its form for one, picked by the translator's plural rules. */
export type ReasonKey = 'shared' | 'shared_one' | 'away' | 'both';
export type Say = (key: ReasonKey, vars?: Record<string, string | number>) => string;

/** "3 shared interests, 12 km away"; "1 shared interest, …"; only the distance when none are shared. */
export function reason(say: Say, suggestion: Pick<Suggestion, 'sharedInterests' | 'distanceKm'>): string {
  const away = say('away', { km: suggestion.distanceKm });
  const shared = sharedNote(say, suggestion);
  return shared === null ? away : say('both', { shared, away });
}

/** "2 shared interests", or null for none: a card's note, under facts that give the distance already. */
export function sharedNote(say: Say, suggestion: Pick<Suggestion, 'sharedInterests'>): string | null {
  const n = suggestion.sharedInterests.length;
  if (n === 0) return null;
  return say('shared', { n });
}
