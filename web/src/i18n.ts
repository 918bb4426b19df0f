import { Type } from 'typebox';
/**
 * Languages. Each module ships its own messages next to its pages; English is the
 * fallback, so a message missing in Swedish or Finnish still reads as something.
 */
export const LANGUAGES = ['en', 'sv', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A language in an event or a request body: what a member was reading when they asked for something. */
export const LanguageSchema = Type.Union([Type.Literal('en'), Type.Literal('sv'), Type.Literal('fi')]);

export type Messages<K extends string> = { en: Record<K, string> } & Partial<
  Record<Exclude<Language, 'en'>, Partial<Record<K, string>>>
>;

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/**
 * Each message split once at its {placeholders}: text at even places, names at odd.
 * A page of cards fills the same few messages hundreds of times.
 */
const pieces = new Map<string, readonly string[]>();

function fill(template: string, vars: Record<string, string | number>): string {
  let parts = pieces.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    pieces.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in vars ? String(vars[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const plurals = new Map<Language, Intl.PluralRules>();

/** CLDR's name for how many `n` is in a language: "one" for 1 in ours, else "other". */
function pluralOf(language: Language, n: number): string {
  let rules = plurals.get(language);
  if (!rules) plurals.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(n);
}

/**
 * A message counting something ({n}) may have a form per plural category, under its key
 * and the category ("likes_one": "{n} like"); without one, the key's own text is used.
 */
export function translator<K extends string>(messages: Messages<K>, language: Language): Translate<K> {
  const own = messages[language];
  return (key, vars) => {
    const n = vars?.n;
    const counted = typeof n === 'number' ? (`${key}_${pluralOf(language, n)}` as K) : undefined;
    // The member's language first (its form for the count, else the plain one), then English's.
    const template =
      (counted && own?.[counted]) ?? own?.[key] ?? (counted && messages.en[counted]) ?? messages.en[key];
    return vars ? fill(template, vars) : template;
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to use: an explicit choice (cookie), else the browser's preference, else English. */
export function pickLanguage(choice: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(choice)) return choice;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return 'en';
}
