import { translator, type Language, type Messages } from '@meetcute/web';
import type { FlagProblemKey } from './rules.ts';

export type ProblemKey =
  FlagProblemKey | 'metricBad' | 'flagNotVariants' | 'notDraft' | 'otherRunning' | 'notRunning';

const problemMessages: Messages<ProblemKey> = {
  en: {
    keyBad: 'Use 2–64 lower-case letters and digits, words joined by dots or dashes (news.photos).',
    keyTaken: 'That key is taken: choose another.',
    descriptionLong: 'Keep the description to 500 characters.',
    variantsBad:
      'Leave variants empty for an on/off flag, or give 2–10 different names in lower case (control, short-form).',
    rampBad: 'The share is a whole number from 0 to 100.',
    membersBad: 'Members are member ids (UUIDs), separated by commas or spaces.',
    rolesBad: 'Roles are names in lower case (moderator, operator), separated by commas or spaces.',
    countriesBad: 'Countries are two-letter codes in capitals (SE, FI), separated by commas or spaces.',
    languagesBad: 'Languages are en, sv or fi.',
    metricBad: 'Choose a metric: replies or writers.',
    flagNotVariants: 'Choose an existing flag with variants: an experiment compares variants.',
    notDraft: 'Only an experiment that never ran can start.',
    otherRunning: 'Another experiment runs over this flag: stop it first.',
    notRunning: 'Only a running experiment can stop.',
  },
  sv: {
    keyBad:
      'Använd 2–64 små bokstäver och siffror, ord sammanfogade med punkt eller bindestreck (news.photos).',
    keyTaken: 'Den nyckeln är upptagen: välj en annan.',
    descriptionLong: 'Håll beskrivningen till 500 tecken.',
    variantsBad:
      'Lämna varianter tomt för en av/på-flagga, eller ange 2–10 olika namn med små bokstäver (control, short-form).',
    rampBad: 'Andelen är ett heltal från 0 till 100.',
    membersBad: 'Medlemmar anges med medlems-id (UUID), åtskilda med komma eller mellanslag.',
    rolesBad: 'Roller är namn med små bokstäver (moderator, operator), åtskilda med komma eller mellanslag.',
    countriesBad: 'Länder är koder med två versaler (SE, FI), åtskilda med komma eller mellanslag.',
    languagesBad: 'Språk är en, sv eller fi.',
    metricBad: 'Välj ett mått: replies eller writers.',
    flagNotVariants: 'Välj en befintlig flagga med varianter: ett experiment jämför varianter.',
    notDraft: 'Bara ett experiment som aldrig har körts kan startas.',
    otherRunning: 'Ett annat experiment körs över den här flaggan: stoppa det först.',
    notRunning: 'Bara ett experiment som pågår kan stoppas.',
  },
  fi: {
    keyBad:
      'Käytä 2–64 pientä kirjainta ja numeroa, sanat pisteellä tai viivalla yhdistettyinä (news.photos).',
    keyTaken: 'Avain on jo käytössä: valitse toinen.',
    descriptionLong: 'Pidä kuvaus enintään 500 merkissä.',
    variantsBad:
      'Jätä variantit tyhjiksi päälle/pois-lipulle tai anna 2–10 eri nimeä pienin kirjaimin (control, short-form).',
    rampBad: 'Osuus on kokonaisluku 0–100.',
    membersBad: 'Jäsenet annetaan jäsentunnuksina (UUID), pilkuin tai välilyönnein erotettuina.',
    rolesBad:
      'Roolit ovat nimiä pienin kirjaimin (moderator, operator), pilkuin tai välilyönnein erotettuina.',
    countriesBad:
      'Maat ovat kaksikirjaimisia koodeja isoin kirjaimin (SE, FI), pilkuin tai välilyönnein erotettuina.',
    languagesBad: 'Kielet ovat en, sv tai fi.',
    metricBad: 'Valitse mittari: replies tai writers.',
    flagNotVariants: 'Valitse olemassa oleva lippu, jolla on variantit: koe vertaa variantteja.',
    notDraft: 'Vain koe, jota ei ole koskaan ajettu, voidaan aloittaa.',
    otherRunning: 'Tämän lipun yllä on käynnissä toinen koe: pysäytä se ensin.',
    notRunning: 'Vain käynnissä oleva koe voidaan pysäyttää.',
  },
};

/** The problems of an operator's input, in a language. */
export function problemWords(language: Language): (key: ProblemKey) => string {
  return translator(problemMessages, language);
}
