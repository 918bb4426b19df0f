import type { Messages } from '@meetcute/web';

export const messages: Messages<'title' | 'explain' | 'empty' | 'visited' | 'older' | 'all'> = {
  en: {
    title: 'Visitors',
    explain: 'Members who opened your profile, newest first: each of them once a day.',
    empty: 'Nobody has visited your profile yet.',
    visited: 'Visited you {when}',
    older: 'Older',
    all: 'All visitors',
  },
  sv: {
    title: 'Besökare',
    explain: 'Medlemmar som har tittat på din profil, senaste först: var och en en gång per dag.',
    empty: 'Ingen har besökt din profil än.',
    visited: 'Besökte dig {when}',
    older: 'Äldre',
    all: 'Alla besökare',
  },
  fi: {
    title: 'Vierailijat',
    explain: 'Jäsenet, jotka avasivat profiilisi, uusimmat ensin: kukin kerran päivässä.',
    empty: 'Kukaan ei ole vielä käynyt profiilissasi.',
    visited: 'Vieraili luonasi {when}',
    older: 'Vanhemmat',
    all: 'Kaikki vierailijat',
  },
};
