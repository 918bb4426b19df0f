import type { Messages } from '@meetcute/web';

export const messages: Messages<'title' | 'explain' | 'empty' | 'older' | 'joined' | 'wrote' | 'new'> = {
  en: {
    title: 'News',
    explain: 'New members and diary posts from people who fit what you are looking for.',
    empty: 'Nothing here yet. New members and diary posts that fit what you look for will show up here.',
    older: 'Older',
    joined: 'New member',
    wrote: 'Wrote in their diary',
    new: 'New',
  },
  sv: {
    title: 'Nyheter',
    explain: 'Nya medlemmar och dagboksinlägg från personer som passar det du söker.',
    empty: 'Inget här än. Nya medlemmar och dagboksinlägg som passar det du söker visas här.',
    older: 'Äldre',
    joined: 'Ny medlem',
    wrote: 'Skrev i sin dagbok',
    new: 'Ny',
  },
  fi: {
    title: 'Uutiset',
    explain: 'Uudet jäsenet ja päiväkirjamerkinnät ihmisiltä, jotka sopivat siihen, mitä etsit.',
    empty:
      'Täällä ei ole vielä mitään. Uudet jäsenet ja päiväkirjamerkinnät, jotka sopivat hakuusi, näkyvät täällä.',
    older: 'Vanhemmat',
    joined: 'Uusi jäsen',
    wrote: 'Kirjoitti päiväkirjaansa',
    new: 'Uusi',
  },
};
