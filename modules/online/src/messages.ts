import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'badGender'
  | 'badMinAge'
  | 'badMaxAge'
  | 'minAboveMax'
  | 'maxBelowMin'
  | 'badDistance'
  | 'badCursor'
  | 'badLimit'
  | 'noGender'
  | 'title'
  | 'intro'
  | 'showMe'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'minAge'
  | 'maxAge'
  | 'maxDistance'
  | 'submit'
  | 'fixErrors'
  | 'results'
  | 'none'
  | 'next'
  | 'again'
  | 'here'
  | 'justNow'
  | 'minutesAgo'
  | 'badge'
  | 'badgeTitle'
> = {
  en: {
    badGender: 'Choose woman, man or nonbinary; “{value}” is not one of them.',
    badMinAge: 'The lowest age must be a whole number of years from 18 to 120.',
    badMaxAge: 'The highest age must be a whole number of years from 18 to 120.',
    minAboveMax: 'The lowest age must not be above the highest ({max}).',
    maxBelowMin: 'The highest age must not be below the lowest ({min}).',
    badDistance: 'The distance must be a whole number of km from 1 to 5000.',
    badCursor: 'This is not a cursor this list gave out. Start again from the first page.',
    badLimit: 'The limit must be a whole number from 1 to 50.',
    noGender: 'Tick at least one gender to show.',
    title: 'Online now',
    intro: 'Members who are here right now or were in the last five minutes.',
    showMe: 'Show me',
    woman: 'women',
    man: 'men',
    nonbinary: 'non-binary people',
    minAge: 'From age',
    maxAge: 'To age',
    maxDistance: 'Within (km)',
    submit: 'Show',
    fixErrors: 'Please fix these and try again',
    results: 'Online members',
    none: 'Nobody who matches is online right now. Try a wider age range or distance.',
    next: 'Next page',
    again: 'Back to the first page',
    here: 'Here now',
    justNow: 'Active just now',
    minutesAgo: 'Active {minutes} min ago',
    badge: 'Online',
    badgeTitle: 'Online now',
  },
  sv: {
    badGender: 'Välj woman, man eller nonbinary; ”{value}” är inget av dem.',
    badMinAge: 'Lägsta ålder måste vara ett heltal mellan 18 och 120.',
    badMaxAge: 'Högsta ålder måste vara ett heltal mellan 18 och 120.',
    minAboveMax: 'Lägsta ålder får inte vara över den högsta ({max}).',
    maxBelowMin: 'Högsta ålder får inte vara under den lägsta ({min}).',
    badDistance: 'Avståndet måste vara ett heltal mellan 1 och 5000 km.',
    badCursor: 'Den här sidmarkören kommer inte från listan. Börja om från första sidan.',
    badLimit: 'Antalet måste vara ett heltal mellan 1 och 50.',
    noGender: 'Kryssa i minst ett kön att visa.',
    title: 'Online nu',
    intro: 'Medlemmar som är här just nu eller var det de senaste fem minuterna.',
    showMe: 'Visa',
    woman: 'kvinnor',
    man: 'män',
    nonbinary: 'icke-binära',
    minAge: 'Från ålder',
    maxAge: 'Till ålder',
    maxDistance: 'Inom (km)',
    submit: 'Visa',
    fixErrors: 'Rätta detta och försök igen',
    results: 'Medlemmar online',
    none: 'Ingen som matchar är online just nu. Prova ett större åldersspann eller avstånd.',
    next: 'Nästa sida',
    again: 'Tillbaka till första sidan',
    here: 'Här nu',
    justNow: 'Aktiv alldeles nyss',
    minutesAgo: 'Aktiv för {minutes} min sedan',
    badge: 'Online',
    badgeTitle: 'Online nu',
  },
  fi: {
    badGender: 'Valitse woman, man tai nonbinary; ”{value}” ei ole mikään niistä.',
    badMinAge: 'Alaikärajan on oltava kokonaisluku väliltä 18–120.',
    badMaxAge: 'Yläikärajan on oltava kokonaisluku väliltä 18–120.',
    minAboveMax: 'Alaikäraja ei saa olla yläikärajaa ({max}) suurempi.',
    maxBelowMin: 'Yläikäraja ei saa olla alaikärajaa ({min}) pienempi.',
    badDistance: 'Etäisyyden on oltava kokonaisluku väliltä 1–5000 km.',
    badCursor: 'Tämä sivumerkki ei ole tästä listasta. Aloita ensimmäiseltä sivulta.',
    badLimit: 'Määrän on oltava kokonaisluku väliltä 1–50.',
    noGender: 'Valitse ainakin yksi sukupuoli, joka näytetään.',
    title: 'Paikalla nyt',
    intro: 'Jäsenet, jotka ovat paikalla nyt tai olivat viimeisten viiden minuutin aikana.',
    showMe: 'Näytä',
    woman: 'naiset',
    man: 'miehet',
    nonbinary: 'muunsukupuoliset',
    minAge: 'Ikä alkaen',
    maxAge: 'Ikä enintään',
    maxDistance: 'Enintään (km)',
    submit: 'Näytä',
    fixErrors: 'Korjaa nämä ja yritä uudelleen',
    results: 'Paikalla olevat jäsenet',
    none: 'Kukaan hakuun sopiva ei ole nyt paikalla. Kokeile laajempaa ikähaarukkaa tai etäisyyttä.',
    next: 'Seuraava sivu',
    again: 'Takaisin ensimmäiselle sivulle',
    here: 'Paikalla nyt',
    justNow: 'Aktiivinen juuri äsken',
    minutesAgo: 'Aktiivinen {minutes} min sitten',
    badge: 'Paikalla',
    badgeTitle: 'Paikalla nyt',
  },
};
