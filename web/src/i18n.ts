/**
 * Languages. Each module ships its own messages next to its pages; English is the
 * fallback, so a message missing in Swedish or Finnish still reads as something.
 */
export const LANGUAGES = ['en', 'sv', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

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

export function translator<K extends string>(messages: Messages<K>, language: Language): Translate<K> {
  return (key, vars) => {
    const template = messages[language]?.[key] ?? messages.en[key];
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
