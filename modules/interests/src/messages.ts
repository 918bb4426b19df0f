import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'stepInterests'
  | 'title'
  | 'explain'
  | 'count'
  | 'none'
  | 'remove'
  | 'removeTag'
  | 'add'
  | 'addLabel'
  | 'addHint'
  | 'fixErrors'
  | 'addedNotice'
  | 'alreadyNotice'
  | 'removedNotice'
  | 'profileLink'
  | 'tagTitle'
  | 'tagExplain'
  | 'youHaveIt'
  | 'addThis'
  | 'nobody'
  | 'older'
  | 'first'
  | 'pages'
  | 'allInterests'
  | 'section'
  | 'edit'
  | 'noneYet'
> = {
  en: {
    stepInterests: 'Add a few interests',
    title: 'My interests',
    explain: 'Your interests show on your profile, and each one leads to others who share it.',
    count: '{n} of {max} interests',
    none: 'You have no interests yet. Add one below, such as “hiking” or “jazz”.',
    remove: 'Remove',
    removeTag: 'Remove {tag}',
    add: 'Add',
    addLabel: 'Add an interest',
    addHint: '2 to 30 letters, digits, spaces or hyphens, such as “hiking” or “jazz”.',
    fixErrors: 'Please fix this and try again',
    addedNotice: 'Added to your profile.',
    alreadyNotice: 'You already have that interest.',
    removedNotice: 'Removed from your profile.',
    profileLink: 'See my profile',
    tagTitle: 'Members who like “{tag}”',
    tagExplain: 'Everyone who has “{tag}” among their interests, who added it most recently first.',
    youHaveIt: 'You have this interest too.',
    addThis: 'Add “{tag}” to my interests',
    nobody: 'Nobody else has this interest yet.',
    older: 'Older',
    first: 'Back to the newest',
    pages: 'More members',
    allInterests: 'My interests',
    section: 'Interests',
    edit: 'Edit',
    noneYet: 'No interests yet.',
  },
  sv: {
    stepInterests: 'Lägg till några intressen',
    title: 'Mina intressen',
    explain: 'Dina intressen syns på din profil, och varje intresse leder till andra som delar det.',
    count: '{n} av {max} intressen',
    none: 'Du har inga intressen än. Lägg till ett nedan, till exempel ”vandring” eller ”jazz”.',
    remove: 'Ta bort',
    removeTag: 'Ta bort {tag}',
    add: 'Lägg till',
    addLabel: 'Lägg till ett intresse',
    addHint:
      '2 till 30 bokstäver, siffror, mellanslag eller bindestreck, till exempel ”vandring” eller ”jazz”.',
    fixErrors: 'Rätta detta och försök igen',
    addedNotice: 'Tillagt på din profil.',
    alreadyNotice: 'Du har redan det intresset.',
    removedNotice: 'Borttaget från din profil.',
    profileLink: 'Visa min profil',
    tagTitle: 'Medlemmar som gillar ”{tag}”',
    tagExplain: 'Alla som har ”{tag}” bland sina intressen, de som lade till det senast först.',
    youHaveIt: 'Du har också det här intresset.',
    addThis: 'Lägg till ”{tag}” bland mina intressen',
    nobody: 'Ingen annan har det här intresset än.',
    older: 'Äldre',
    first: 'Tillbaka till de senaste',
    pages: 'Fler medlemmar',
    allInterests: 'Mina intressen',
    section: 'Intressen',
    edit: 'Ändra',
    noneYet: 'Inga intressen än.',
  },
  fi: {
    stepInterests: 'Lisää muutama kiinnostuksen kohde',
    title: 'Kiinnostuksen kohteeni',
    explain:
      'Kiinnostuksen kohteesi näkyvät profiilissasi, ja jokainen johtaa muihin, joilla on sama kiinnostus.',
    count: '{n}/{max} kiinnostuksen kohdetta',
    none: 'Sinulla ei ole vielä kiinnostuksen kohteita. Lisää yksi alla, esimerkiksi ”retkeily” tai ”jazz”.',
    remove: 'Poista',
    removeTag: 'Poista {tag}',
    add: 'Lisää',
    addLabel: 'Lisää kiinnostuksen kohde',
    addHint: '2–30 kirjainta, numeroa, välilyöntiä tai yhdysviivaa, esimerkiksi ”retkeily” tai ”jazz”.',
    fixErrors: 'Korjaa tämä ja yritä uudelleen',
    addedNotice: 'Lisätty profiiliisi.',
    alreadyNotice: 'Sinulla on jo tämä kiinnostuksen kohde.',
    removedNotice: 'Poistettu profiilistasi.',
    profileLink: 'Näytä profiilini',
    tagTitle: 'Jäsenet, jotka pitävät aiheesta ”{tag}”',
    tagExplain: 'Kaikki, joilla on ”{tag}” kiinnostuksen kohteissaan, viimeksi lisänneet ensin.',
    youHaveIt: 'Tämä kiinnostaa myös sinua.',
    addThis: 'Lisää ”{tag}” kiinnostuksen kohteisiini',
    nobody: 'Kenelläkään muulla ei ole vielä tätä kiinnostuksen kohdetta.',
    older: 'Vanhemmat',
    first: 'Takaisin uusimpiin',
    pages: 'Lisää jäseniä',
    allInterests: 'Kiinnostuksen kohteeni',
    section: 'Kiinnostuksen kohteet',
    edit: 'Muokkaa',
    noneYet: 'Ei vielä kiinnostuksen kohteita.',
  },
};
