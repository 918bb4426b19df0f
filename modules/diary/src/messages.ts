import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'title'
  | 'explain'
  | 'writeLabel'
  | 'writeHint'
  | 'post'
  | 'save'
  | 'cancel'
  | 'edit'
  | 'delete'
  | 'deletePost'
  | 'edited'
  | 'none'
  | 'noneYet'
  | 'older'
  | 'newest'
  | 'fixErrors'
  | 'emptyPost'
  | 'longPost'
  | 'posted'
  | 'changed'
  | 'deleted'
  | 'editTitle'
  | 'theirTitle'
  | 'theirNone'
  | 'section'
  | 'allPosts'
  | 'writeOne'
  | 'backToProfile'
> = {
  en: {
    title: 'My diary',
    explain: 'Short posts on your profile. Members who may be interested in you see them in their news.',
    writeLabel: 'New post',
    writeHint: 'Up to 2,000 characters.',
    post: 'Post',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    deletePost: 'Delete this post',
    edited: 'edited',
    none: 'You have not written anything yet. Your first post goes above.',
    noneYet: 'You have not written anything yet.',
    older: 'Older posts',
    newest: 'Newest posts',
    fixErrors: 'Please fix this',
    emptyPost: 'Write something first: a post cannot be empty.',
    longPost: 'A post holds at most {max} characters; this one has {n}. Shorten it and send again.',
    posted: 'Your post is on your profile.',
    changed: 'Your post was changed.',
    deleted: 'Your post was deleted.',
    editTitle: 'Edit post',
    theirTitle: '{nickname}’s diary',
    theirNone: '{nickname} has not written anything yet.',
    section: 'Diary',
    allPosts: 'All posts',
    writeOne: 'Write in your diary',
    backToProfile: 'Back to the profile',
  },
  sv: {
    title: 'Min dagbok',
    explain: 'Korta inlägg på din profil. Medlemmar som kan vara intresserade av dig ser dem i sina nyheter.',
    writeLabel: 'Nytt inlägg',
    writeHint: 'Högst 2 000 tecken.',
    post: 'Publicera',
    save: 'Spara',
    cancel: 'Avbryt',
    edit: 'Ändra',
    delete: 'Radera',
    deletePost: 'Radera inlägget',
    edited: 'ändrat',
    none: 'Du har inte skrivit något än. Ditt första inlägg skriver du ovan.',
    noneYet: 'Du har inte skrivit något än.',
    older: 'Äldre inlägg',
    newest: 'Senaste inläggen',
    fixErrors: 'Rätta detta',
    emptyPost: 'Skriv något först: ett inlägg kan inte vara tomt.',
    longPost: 'Ett inlägg rymmer högst {max} tecken; det här har {n}. Korta det och skicka igen.',
    posted: 'Ditt inlägg finns nu på din profil.',
    changed: 'Ditt inlägg ändrades.',
    deleted: 'Ditt inlägg raderades.',
    editTitle: 'Ändra inlägg',
    theirTitle: '{nickname}s dagbok',
    theirNone: '{nickname} har inte skrivit något än.',
    section: 'Dagbok',
    allPosts: 'Alla inlägg',
    writeOne: 'Skriv i din dagbok',
    backToProfile: 'Tillbaka till profilen',
  },
  fi: {
    title: 'Päiväkirjani',
    explain: 'Lyhyitä kirjoituksia profiilissasi. Jäsenet, joita saatat kiinnostaa, näkevät ne uutisissaan.',
    writeLabel: 'Uusi kirjoitus',
    writeHint: 'Enintään 2 000 merkkiä.',
    post: 'Julkaise',
    save: 'Tallenna',
    cancel: 'Peruuta',
    edit: 'Muokkaa',
    delete: 'Poista',
    deletePost: 'Poista tämä kirjoitus',
    edited: 'muokattu',
    none: 'Et ole vielä kirjoittanut mitään. Ensimmäinen kirjoituksesi tulee yllä olevaan kenttään.',
    noneYet: 'Et ole vielä kirjoittanut mitään.',
    older: 'Vanhemmat kirjoitukset',
    newest: 'Uusimmat kirjoitukset',
    fixErrors: 'Korjaa tämä',
    emptyPost: 'Kirjoita ensin jotakin: kirjoitus ei voi olla tyhjä.',
    longPost:
      'Kirjoituksessa voi olla enintään {max} merkkiä; tässä on {n}. Lyhennä sitä ja lähetä uudelleen.',
    posted: 'Kirjoituksesi on nyt profiilissasi.',
    changed: 'Kirjoituksesi muutettiin.',
    deleted: 'Kirjoituksesi poistettiin.',
    editTitle: 'Muokkaa kirjoitusta',
    theirTitle: 'Jäsenen {nickname} päiväkirja',
    theirNone: '{nickname} ei ole vielä kirjoittanut mitään.',
    section: 'Päiväkirja',
    allPosts: 'Kaikki kirjoitukset',
    writeOne: 'Kirjoita päiväkirjaasi',
    backToProfile: 'Takaisin profiiliin',
  },
};
