import type { Language } from './i18n.ts';

/** How a place's label reads in a language, or nothing for a label it does not know. */
export type PlaceLabels = (language: Language, label: string) => string | undefined;

let installed: PlaceLabels | null = null;

/**
 * The cities module, which owns place names, hands the page chassis its labels by language
 * when it registers. They are static reference data, the same for every app in the process,
 * so one reader serves them all; the chassis still knows no module.
 */
export function readPlaceLabelsWith(labels: PlaceLabels): void {
  installed = labels;
}

/**
 * A place's label ("Stockholm, Sweden", "Lund, Sweden (near Malmö)") as a reader of this
 * language says it: "Tukholma, Ruotsi" in Finnish, "Göteborg, Sverige" in Swedish,
 * "Gothenburg, Sweden" in English. Labels stay as they are where typed and stored (the
 * city field, the API, events), so this is for reading only; every page that shows a
 * place names it through here. A label no place has is left as it is.
 */
export function placeLabel(language: Language, label: string): string {
  return installed?.(language, label) ?? label;
}
