import type { Language } from './i18n.ts';

/** The English country names place labels are made with (modules/cities), by ISO code. */
const COUNTRY_CODES: Record<string, string> = {
  Sweden: 'SE',
  Norway: 'NO',
  Denmark: 'DK',
  Finland: 'FI',
  Iceland: 'IS',
  Åland: 'AX',
  'Faroe Islands': 'FO',
};
const NEAR: Record<Language, string> = { en: 'near', sv: 'nära', fi: 'lähellä' };
const LABEL = new RegExp(`^(.+), (${Object.keys(COUNTRY_CODES).join('|')})(?: \\((?:near (.+)|(\\d+))\\))?$`);
const countryNames = new Map<Language, Intl.DisplayNames>();

/**
 * A place's label ("Uppsala, Sweden", "Lund, Sweden (near Malmö)") as a reader of this
 * language says it: the country in their language (Intl's region names), the place's own
 * name as GeoNames has it, which is the local one. Labels stay English where they are
 * typed and stored (the city field, the API), so this is for reading only.
 */
export function placeLabel(language: Language, label: string): string {
  if (language === 'en') return label;
  const match = LABEL.exec(label);
  if (!match) return label;
  const [, name, country, near, id] = match;
  let names = countryNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    countryNames.set(language, names);
  }
  const place = `${name}, ${names.of(COUNTRY_CODES[country!]!) ?? country}`;
  if (near !== undefined) return `${place} (${NEAR[language]} ${near})`;
  return id !== undefined ? `${place} (${id})` : place;
}
