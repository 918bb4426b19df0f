import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'title'
  | 'received'
  | 'sent'
  | 'emptyReceived'
  | 'emptySent'
  | 'older'
  | 'flirt'
  | 'flirtWith'
  | 'flirtedToday'
  | 'receivedNote'
  | 'match'
  | 'writeTo'
  | 'sentNote'
  | 'noticeSent'
  | 'noticeMutual'
  | 'noticeLimit'
  | 'noticeBudget'
  | 'all'
> = {
  en: {
    title: 'Flirts',
    received: 'Flirted with you',
    sent: 'You flirted with',
    emptyReceived: 'Nobody has flirted with you yet.',
    emptySent: 'You have not flirted with anyone yet.',
    older: 'Older',
    all: 'All flirts',
    flirt: 'Flirt',
    flirtWith: 'Flirt with {name}',
    flirtedToday: 'Flirted today',
    receivedNote: 'Flirted with you {when}',
    match: 'You like each other',
    writeTo: 'Write to {name}',
    sentNote: 'You flirted {when}',
    noticeSent: 'You flirted with {name}.',
    noticeMutual: 'You and {name} flirted with each other: say hello with a message!',
    noticeLimit: 'You already flirted with {name} today. Try again tomorrow.',
    noticeBudget: "You have used today's {n} flirts. More tomorrow.",
  },
  sv: {
    title: 'Flirtar',
    received: 'Flirtade med dig',
    sent: 'Du flirtade med',
    emptyReceived: 'Ingen har flirtat med dig än.',
    emptySent: 'Du har inte flirtat med någon än.',
    older: 'Äldre',
    all: 'Alla flörtar',
    flirt: 'Flirta',
    flirtWith: 'Flirta med {name}',
    flirtedToday: 'Flirtat i dag',
    receivedNote: 'Flirtade med dig {when}',
    match: 'Ni gillar varandra',
    writeTo: 'Skriv till {name}',
    sentNote: 'Du flirtade {when}',
    noticeSent: 'Du flirtade med {name}.',
    noticeMutual: 'Du och {name} har flirtat med varandra: säg hej i ett meddelande!',
    noticeLimit: 'Du har redan flirtat med {name} i dag. Försök igen i morgon.',
    noticeBudget: 'Du har använt dagens {n} flirtar. Fler i morgon.',
  },
  fi: {
    title: 'Flirtit',
    received: 'Flirttailivat kanssasi',
    sent: 'Flirttailit heidän kanssaan',
    emptyReceived: 'Kukaan ei ole vielä flirttaillut kanssasi.',
    emptySent: 'Et ole vielä flirttaillut kenenkään kanssa.',
    older: 'Vanhemmat',
    all: 'Kaikki flirtit',
    flirt: 'Flirttaile',
    flirtWith: 'Flirttaile: {name}',
    flirtedToday: 'Flirttailtu tänään',
    receivedNote: 'Flirttaili kanssasi {when}',
    match: 'Pidätte toisistanne',
    writeTo: 'Kirjoita: {name}',
    sentNote: 'Flirttailit {when}',
    noticeSent: 'Flirttailit: {name}.',
    noticeMutual: 'Sinä ja {name} flirttailitte toisillenne: sano hei viestillä!',
    noticeLimit: 'Olet jo flirttaillut tänään: {name}. Yritä uudelleen huomenna.',
    noticeBudget: 'Olet käyttänyt tämän päivän {n} flirttiä. Lisää huomenna.',
  },
};
