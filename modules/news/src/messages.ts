import type { Messages } from '@meetcute/web';

export const messages: Messages<
  'title' | 'explain' | 'empty' | 'older' | 'joined' | 'wrote' | 'addedPhoto' | 'photoOf' | 'new' | 'all'
> = {
  en: {
    title: 'News',
    explain: 'New members, diary posts and photos from people who fit what you are looking for.',
    empty:
      'Nothing here yet. New members, diary posts and photos that fit what you look for will show up here.',
    older: 'Older',
    joined: 'New member',
    wrote: 'Wrote in their diary',
    addedPhoto: 'Added a photo',
    photoOf: 'Photo by {name}',
    new: 'New',
    all: 'All your news',
  },
  sv: {
    title: 'Nyheter',
    explain: 'Nya medlemmar, dagboksinlägg och foton från personer som passar det du söker.',
    empty: 'Inget här än. Nya medlemmar, dagboksinlägg och foton som passar det du söker visas här.',
    older: 'Äldre',
    joined: 'Ny medlem',
    wrote: 'Skrev i sin dagbok',
    addedPhoto: 'Lade till ett foto',
    photoOf: 'Foto av {name}',
    new: 'Ny',
    all: 'Alla dina nyheter',
  },
  fi: {
    title: 'Uutiset',
    explain: 'Uudet jäsenet, päiväkirjamerkinnät ja kuvat ihmisiltä, jotka sopivat siihen, mitä etsit.',
    empty:
      'Täällä ei ole vielä mitään. Uudet jäsenet, päiväkirjamerkinnät ja kuvat, jotka sopivat hakuusi, näkyvät täällä.',
    older: 'Vanhemmat',
    joined: 'Uusi jäsen',
    wrote: 'Kirjoitti päiväkirjaansa',
    addedPhoto: 'Lisäsi kuvan',
    photoOf: 'Jäsenen {name} kuva',
    new: 'Uusi',
    all: 'Kaikki uutisesi',
  },
};
