import type { FieldProblem } from '@meetcute/core';
import { translator, type Language, type Messages } from '@meetcute/web';

/** What an operator typed into the console that needs fixing; the API says it in English. */
export type Rule =
  | 'momentBad'
  | 'momentAhead'
  | 'empty'
  | 'tooLong'
  | 'severityBad'
  | 'linkBad'
  | 'endsBeforeStart'
  | 'memberBad'
  | 'typeBad';

const ruleMessages: Messages<Rule> = {
  en: {
    momentBad: 'Give a date and time such as 2026-06-01T09:30Z',
    momentAhead: 'That moment has not come yet',
    empty: 'Write something here',
    tooLong: 'Keep it to {max} characters',
    severityBad: 'Pick a severity: sev1, sev2 or sev3',
    linkBad: 'Give a path on this site (/ops/…) or an http(s) address',
    endsBeforeStart: 'An incident ends after it started',
    memberBad: 'A member id has letters, digits and dashes only',
    typeBad: 'An event type is one word, such as MessageSent',
  },
  sv: {
    momentBad: 'Ange datum och tid, till exempel 2026-06-01T09:30Z',
    momentAhead: 'Den tidpunkten har inte kommit än',
    empty: 'Skriv något här',
    tooLong: 'Håll det till {max} tecken',
    severityBad: 'Välj en allvarlighetsgrad: sev1, sev2 eller sev3',
    linkBad: 'Ange en sökväg på sajten (/ops/…) eller en http(s)-adress',
    endsBeforeStart: 'En incident slutar efter att den började',
    memberBad: 'Ett medlems-id har bara bokstäver, siffror och bindestreck',
    typeBad: 'En händelsetyp är ett ord, till exempel MessageSent',
  },
  fi: {
    momentBad: 'Anna päivä ja aika, esimerkiksi 2026-06-01T09:30Z',
    momentAhead: 'Se hetki ei ole vielä tullut',
    empty: 'Kirjoita tähän jotain',
    tooLong: 'Enintään {max} merkkiä',
    severityBad: 'Valitse vakavuus: sev1, sev2 tai sev3',
    linkBad: 'Anna polku tällä sivustolla (/ops/…) tai http(s)-osoite',
    endsBeforeStart: 'Häiriö päättyy alkamisensa jälkeen',
    memberBad: 'Jäsentunnuksessa on vain kirjaimia, numeroita ja viivoja',
    typeBad: 'Tapahtumatyyppi on yksi sana, esimerkiksi MessageSent',
  },
};

const english = translator(ruleMessages, 'en');

/** A problem with a field, in English with its code, so a page can say it in the operator's language. */
export function said(field: string, code: Rule, vars?: Record<string, string | number>): FieldProblem {
  return { field, message: english(code, vars), code, ...(vars ? { vars } : {}) };
}

/** The problems in a language: those with a code of ours are said again in it. */
export function inLanguage(errors: FieldProblem[], language: Language): FieldProblem[] {
  const t = translator(ruleMessages, language);
  return errors.map((e) =>
    e.code && e.code in ruleMessages.en ? { ...e, message: t(e.code as Rule, e.vars) } : e,
  );
}
