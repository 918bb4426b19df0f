import { ageIn, isCalendarDate, type FieldProblem } from '@meetcute/core';
import type { City } from '@meetcute/cities';
import { GENDERS, type Application, type Gender, type Place } from './events.ts';

export const LIMITS = {
  nickname: { min: 2, max: 20 },
  password: { min: 10, max: 200 },
  aboutMe: { max: 2000 },
  reason: { min: 3, max: 500 },
  adultAge: 18,
};

/** What a member sends to sign up or to fix a rejected sign-up, before it is checked. */
export interface ApplicationInput {
  nickname: string;
  gender: string;
  birthday: string;
  cityId: number | null;
  lookingFor: { genders: string[]; minAge: number; maxAge: number; maxDistanceKm: number };
  aboutMe: string;
}

export interface AccountInput {
  email: string;
  password: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const NICKNAME = /^[\p{L}\p{N}_-]+$/u;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Nicknames are unique regardless of case: "Nancy" and "nancy" are the same person to a reader. */
export function nicknameKey(nickname: string): string {
  return nickname.trim().toLowerCase();
}

export function checkAccount(input: AccountInput): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) {
    errors.push({ field: 'email', message: 'Enter an email address like name@example.com.' });
  }
  if (input.password.length < LIMITS.password.min) {
    errors.push({
      field: 'password',
      message: `Choose a password of at least ${LIMITS.password.min} characters.`,
    });
  } else if (input.password.length > LIMITS.password.max) {
    errors.push({
      field: 'password',
      message: `A password can be at most ${LIMITS.password.max} characters.`,
    });
  }
  return errors;
}

/**
 * Checks a sign-up against the rules a moderator should not have to enforce by
 * hand. Age is counted in the member's own time zone: someone turns 18 at midnight
 * where they live.
 */
export function checkApplication(
  input: ApplicationInput,
  now: Date,
  findCity: (id: number) => City | undefined,
): { application: Application | null; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const nickname = input.nickname.trim();
  if (nickname.length < LIMITS.nickname.min || nickname.length > LIMITS.nickname.max) {
    errors.push({
      field: 'nickname',
      message: `A nickname has ${LIMITS.nickname.min} to ${LIMITS.nickname.max} characters.`,
    });
  } else if (!NICKNAME.test(nickname)) {
    errors.push({ field: 'nickname', message: 'Use letters, digits, - and _ only (no spaces or @).' });
  }
  const gender = GENDERS.find((g) => g === input.gender);
  if (!gender) errors.push({ field: 'gender', message: 'Choose woman, man or non-binary.' });

  const city = input.cityId === null ? undefined : findCity(input.cityId);
  if (!city) errors.push({ field: 'city', message: 'Choose the place you live from the list.' });

  if (!isCalendarDate(input.birthday)) {
    errors.push({ field: 'birthday', message: 'Enter your birthday as a date, e.g. 1995-03-14.' });
  } else {
    // Without a place yet, UTC is as close as we can get; the form is checked again once it has one.
    const age = ageIn(city?.timeZone ?? 'UTC', input.birthday, now);
    if (age < LIMITS.adultAge)
      errors.push({ field: 'birthday', message: 'You must be 18 or older to join.' });
    else if (age > 120) errors.push({ field: 'birthday', message: 'Check the year of your birthday.' });
  }

  const { genders, minAge, maxAge, maxDistanceKm } = input.lookingFor;
  const wanted = [...new Set(genders)].filter((g): g is Gender => (GENDERS as readonly string[]).includes(g));
  if (wanted.length === 0 || wanted.length !== new Set(genders).size) {
    errors.push({ field: 'lookingFor.genders', message: 'Choose at least one gender you are looking for.' });
  }
  const ages = [minAge, maxAge];
  if (!ages.every((a) => Number.isInteger(a) && a >= LIMITS.adultAge && a <= 120)) {
    errors.push({
      field: 'lookingFor.minAge',
      message: 'Ages you look for are whole numbers from 18 to 120.',
    });
  } else if (minAge > maxAge) {
    errors.push({ field: 'lookingFor.maxAge', message: 'The highest age must be at least the lowest.' });
  }
  if (!Number.isInteger(maxDistanceKm) || maxDistanceKm < 1 || maxDistanceKm > 5000) {
    errors.push({
      field: 'lookingFor.maxDistanceKm',
      message: 'Distance is a whole number of km from 1 to 5000.',
    });
  }
  const aboutMe = input.aboutMe.trim();
  if (aboutMe.length > LIMITS.aboutMe.max) {
    errors.push({ field: 'aboutMe', message: `About me can be at most ${LIMITS.aboutMe.max} characters.` });
  }
  if (errors.length > 0 || !gender || !city) return { application: null, errors };
  const place: Place = {
    id: city.id,
    name: city.name,
    label: city.label,
    country: city.country,
    latitude: city.latitude,
    longitude: city.longitude,
    timeZone: city.timeZone,
  };
  return {
    application: {
      nickname,
      gender,
      birthday: input.birthday,
      city: place,
      lookingFor: { genders: wanted, minAge, maxAge, maxDistanceKm },
      aboutMe,
    },
    errors,
  };
}

export function checkReason(reason: string): FieldProblem[] {
  const text = reason.trim();
  if (text.length < LIMITS.reason.min || text.length > LIMITS.reason.max) {
    return [
      {
        field: 'reason',
        message: `Give the member a reason of ${LIMITS.reason.min} to ${LIMITS.reason.max} characters they can act on.`,
      },
    ];
  }
  return [];
}
