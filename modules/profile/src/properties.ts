import { Type, type Static } from 'typebox';
import type { FieldProblem } from '@meetcute/core';
import { translator, type Language, type Messages } from '@meetcute/web';

/**
 * Profile properties: the few optional facts members expect to tell and to search by.
 * Each is defined here once, with its allowed values and its words in every language;
 * the profile keeps them, pages show and edit them, and search filters on them.
 * Languages spoken are ISO 639-1 codes, named in the reader's language by the platform
 * (Intl.DisplayNames), so they need no words of ours.
 */
export const CHOICES = {
  goal: ['friendship', 'dating', 'relationship', 'marriage'],
  children: ['none', 'want', 'dont-want', 'have'],
  smoking: ['no', 'sometimes', 'yes'],
} as const;
export type ChoiceName = keyof typeof CHOICES;
export const CHOICE_NAMES = Object.keys(CHOICES) as ChoiceName[];

export const SPOKEN = [
  'sv',
  'fi',
  'en',
  'no',
  'da',
  'de',
  'fr',
  'es',
  'it',
  'et',
  'pl',
  'ru',
  'ar',
  'fa',
  'so',
] as const;
export const HEIGHT_CM = { min: 120, max: 230 };

/** What an event carries: only what the member chose to tell. */
export const PropertiesSchema = Type.Object({
  heightCm: Type.Optional(Type.Integer({ minimum: HEIGHT_CM.min, maximum: HEIGHT_CM.max })),
  goal: Type.Optional(Type.Enum(CHOICES.goal)),
  children: Type.Optional(Type.Enum(CHOICES.children)),
  smoking: Type.Optional(Type.Enum(CHOICES.smoking)),
  languages: Type.Optional(Type.Array(Type.Enum(SPOKEN), { uniqueItems: true })),
});
export interface Properties {
  heightCm?: number;
  goal?: (typeof CHOICES.goal)[number];
  children?: (typeof CHOICES.children)[number];
  smoking?: (typeof CHOICES.smoking)[number];
  languages?: Array<(typeof SPOKEN)[number]>;
}
// The schema and the interface say the same; this line fails the build if they drift.
export type PropertiesCheck = Static<typeof PropertiesSchema> extends Properties ? true : never;

const words: Messages<
  | 'heightCm'
  | 'heightValue'
  | 'goal'
  | 'goal.friendship'
  | 'goal.dating'
  | 'goal.relationship'
  | 'goal.marriage'
  | 'children'
  | 'children.none'
  | 'children.want'
  | 'children.dont-want'
  | 'children.have'
  | 'smoking'
  | 'smoking.no'
  | 'smoking.sometimes'
  | 'smoking.yes'
  | 'languages'
  | 'badHeight'
  | 'badChoice'
  | 'badLanguage'
> = {
  en: {
    heightCm: 'Height (cm)',
    heightValue: '{cm} cm',
    goal: 'Looking for',
    'goal.friendship': 'Friendship',
    'goal.dating': 'Dating',
    'goal.relationship': 'A relationship',
    'goal.marriage': 'Marriage',
    children: 'Children',
    'children.none': 'No children',
    'children.want': 'Wants children',
    'children.dont-want': 'Does not want children',
    'children.have': 'Has children',
    smoking: 'Smoking',
    'smoking.no': 'Does not smoke',
    'smoking.sometimes': 'Smokes sometimes',
    'smoking.yes': 'Smokes',
    languages: 'Languages spoken',
    badHeight: 'Height is a whole number of cm from {min} to {max}, or empty.',
    badChoice: 'Choose one of the options, or leave it empty.',
    badLanguage: 'Choose languages from the list.',
  },
  sv: {
    heightCm: 'Längd (cm)',
    heightValue: '{cm} cm',
    goal: 'Söker',
    'goal.friendship': 'Vänskap',
    'goal.dating': 'Dejter',
    'goal.relationship': 'Ett förhållande',
    'goal.marriage': 'Äktenskap',
    children: 'Barn',
    'children.none': 'Inga barn',
    'children.want': 'Vill ha barn',
    'children.dont-want': 'Vill inte ha barn',
    'children.have': 'Har barn',
    smoking: 'Rökning',
    'smoking.no': 'Röker inte',
    'smoking.sometimes': 'Röker ibland',
    'smoking.yes': 'Röker',
    languages: 'Talar',
    badHeight: 'Längden är ett helt antal cm från {min} till {max}, eller tom.',
    badChoice: 'Välj ett av alternativen, eller lämna tomt.',
    badLanguage: 'Välj språk i listan.',
  },
  fi: {
    heightCm: 'Pituus (cm)',
    heightValue: '{cm} cm',
    goal: 'Etsii',
    'goal.friendship': 'Ystävyyttä',
    'goal.dating': 'Treffejä',
    'goal.relationship': 'Parisuhdetta',
    'goal.marriage': 'Avioliittoa',
    children: 'Lapset',
    'children.none': 'Ei lapsia',
    'children.want': 'Haluaa lapsia',
    'children.dont-want': 'Ei halua lapsia',
    'children.have': 'On lapsia',
    smoking: 'Tupakointi',
    'smoking.no': 'Ei tupakoi',
    'smoking.sometimes': 'Tupakoi joskus',
    'smoking.yes': 'Tupakoi',
    languages: 'Puhuu',
    badHeight: 'Pituus on kokonainen määrä senttejä {min}–{max}, tai tyhjä.',
    badChoice: 'Valitse jokin vaihtoehdoista tai jätä tyhjäksi.',
    badLanguage: 'Valitse kielet luettelosta.',
  },
};
export type PropertyWord = keyof (typeof words)['en'];

/** The properties' words in a language: names, values and the rules' messages. */
export function propertyWords(language: Language) {
  return translator(words, language);
}

const languageNames = new Map<Language, Intl.DisplayNames>();

/** A spoken language's name in the reader's language ("ruotsi" for sv, read in Finnish). */
export function languageName(code: string, reader: Language): string {
  let names = languageNames.get(reader);
  if (!names) languageNames.set(reader, (names = new Intl.DisplayNames([reader], { type: 'language' })));
  return names.of(code) ?? code;
}

/** The properties as a member sends them: blanks mean "not telling". */
export interface PropertiesInput {
  heightCm?: number | string | null | undefined;
  goal?: string | null | undefined;
  children?: string | null | undefined;
  smoking?: string | null | undefined;
  languages?: readonly string[] | null | undefined;
}

const english = propertyWords('en');

/** Checks what a member tells; every mistake at once, each naming its field, said in English for the API. */
export function checkProperties(input: PropertiesInput): { properties: Properties; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const properties: Properties = {};
  const height = input.heightCm;
  if (height !== undefined && height !== null && height !== '') {
    const cm = typeof height === 'number' ? height : /^\d{1,3}$/.test(height.trim()) ? Number(height) : NaN;
    if (Number.isInteger(cm) && cm >= HEIGHT_CM.min && cm <= HEIGHT_CM.max) properties.heightCm = cm;
    else
      errors.push({
        field: 'heightCm',
        code: 'badHeight',
        vars: HEIGHT_CM,
        message: english('badHeight', HEIGHT_CM),
      });
  }
  for (const name of CHOICE_NAMES) {
    const value = input[name];
    if (value === undefined || value === null || value === '') continue;
    const allowed: readonly string[] = CHOICES[name];
    if (allowed.includes(value)) Object.assign(properties, { [name]: value });
    else errors.push({ field: name, code: 'badChoice', message: english('badChoice') });
  }
  const spoken = [...new Set(input.languages ?? [])];
  if (spoken.some((code) => !(SPOKEN as readonly string[]).includes(code)))
    errors.push({ field: 'languages', code: 'badLanguage', message: english('badLanguage') });
  // Kept in the list's order, so the same choice is the same fact whatever order it came in.
  else if (spoken.length > 0) properties.languages = SPOKEN.filter((code) => spoken.includes(code));
  return { properties, errors };
}

/** The same problems in the page's language. */
export function propertyErrorsIn(errors: FieldProblem[], language: Language): FieldProblem[] {
  const t = propertyWords(language);
  return errors.map((e) =>
    e.code && e.code in words.en ? { ...e, message: t(e.code as PropertyWord, e.vars) } : e,
  );
}

/** Two sets of properties tell the same. */
export function sameProperties(a: Properties, b: Properties): boolean {
  const key = (p: Properties) =>
    JSON.stringify([
      p.heightCm ?? null,
      p.goal ?? null,
      p.children ?? null,
      p.smoking ?? null,
      p.languages ?? [],
    ]);
  return key(a) === key(b);
}

/** Each property told, as a label and its value in the reader's language, in the list's order. */
export function describeProperties(p: Properties, reader: Language): Array<{ label: string; value: string }> {
  const t = propertyWords(reader);
  const out: Array<{ label: string; value: string }> = [];
  if (p.heightCm !== undefined)
    out.push({ label: t('heightCm'), value: t('heightValue', { cm: p.heightCm }) });
  for (const name of CHOICE_NAMES) {
    const value = p[name];
    if (value !== undefined) out.push({ label: t(name), value: t(`${name}.${value}` as PropertyWord) });
  }
  if (p.languages && p.languages.length > 0)
    out.push({ label: t('languages'), value: p.languages.map((c) => languageName(c, reader)).join(', ') });
  return out;
}
