import type { Messages } from '@meetcute/web';

export const messages: Messages<'title' | 'explain' | 'empty' | 'visited' | 'older'> = {
  en: {
    title: 'Visitors',
    explain: 'Members who opened your profile, newest first: each of them once a day.',
    empty: 'Nobody has visited your profile yet.',
    visited: 'visited you at {time} on {date}',
    older: 'Older',
  },
  sv: {
    title: 'Besökare',
    explain: 'Medlemmar som har tittat på din profil, senaste först: var och en en gång per dag.',
    empty: 'Ingen har besökt din profil än.',
    visited: 'besökte dig {date} kl. {time}',
    older: 'Äldre',
  },
  fi: {
    title: 'Vierailijat',
    explain: 'Jäsenet, jotka avasivat profiilisi, uusimmat ensin: kukin kerran päivässä.',
    empty: 'Kukaan ei ole vielä käynyt profiilissasi.',
    visited: 'vieraili luonasi {date} klo {time}',
    older: 'Vanhemmat',
  },
};
