import type { Messages } from '@meetcute/web';

export const messages: Messages<
  'title' | 'explain' | 'empty' | 'added' | 'add' | 'remove' | 'older' | 'nowFavourite' | 'noLongerFavourite'
> = {
  en: {
    title: 'Favourites',
    explain: 'Members you saved to find again. Only you see this list.',
    empty: 'No favourites yet. Tap “★ Favourite” on a profile to keep it here.',
    added: 'added {date}',
    add: '★ Favourite',
    remove: 'Remove favourite',
    older: 'Older',
    nowFavourite: 'Added to your favourites.',
    noLongerFavourite: 'Removed from your favourites.',
  },
  sv: {
    title: 'Favoriter',
    explain: 'Medlemmar du sparat för att hitta igen. Bara du ser listan.',
    empty: 'Inga favoriter än. Tryck på ”★ Favorit” på en profil för att spara den här.',
    added: 'tillagd {date}',
    add: '★ Favorit',
    remove: 'Ta bort favorit',
    older: 'Äldre',
    nowFavourite: 'Tillagd bland dina favoriter.',
    noLongerFavourite: 'Borttagen från dina favoriter.',
  },
  fi: {
    title: 'Suosikit',
    explain: 'Jäsenet, jotka tallensit löytääksesi uudelleen. Vain sinä näet tämän listan.',
    empty: 'Ei vielä suosikkeja. Paina profiilissa ”★ Suosikki” tallentaaksesi sen tänne.',
    added: 'lisätty {date}',
    add: '★ Suosikki',
    remove: 'Poista suosikeista',
    older: 'Vanhemmat',
    nowFavourite: 'Lisätty suosikkeihisi.',
    noLongerFavourite: 'Poistettu suosikeistasi.',
  },
};
