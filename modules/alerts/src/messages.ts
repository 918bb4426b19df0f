import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'title'
  | 'explain'
  | 'empty'
  | 'older'
  | 'markAll'
  | 'allRead'
  | 'new'
  | 'flirt'
  | 'match'
  | 'writeTo'
  | 'visit'
  | 'favourite_woman'
  | 'favourite_man'
  | 'favourite_nonbinary'
  | 'like'
  | 'unlock_woman'
  | 'unlock_man'
  | 'unlock_nonbinary'
  | 'registration-approved'
  | 'photo-approved'
  | 'photo-rejected'
  | 'about-approved'
  | 'about-rejected'
  | 'reason'
  | 'seePhotos'
  | 'seeProfile'
  | 'findPeople'
> = {
  en: {
    title: 'Alerts',
    explain: 'Everything that happened to you, newest first.',
    empty: 'Nothing has happened yet. Flirts, visits and favourites will show up here.',
    older: 'Older',
    markAll: 'Mark all as read',
    allRead: 'All your alerts are marked as read.',
    new: 'new',
    flirt: '{name} flirted with you',
    match: '{name} flirted back: you like each other!',
    writeTo: 'Write to {name}',
    visit: '{name} visited your profile',
    favourite_woman: '{name} added you to her favourites',
    favourite_man: '{name} added you to his favourites',
    favourite_nonbinary: '{name} added you to their favourites',
    like: '{name} liked your photo',
    unlock_woman: '{name} showed you her private photos',
    unlock_man: '{name} showed you his private photos',
    unlock_nonbinary: '{name} showed you their private photos',
    'registration-approved':
      'Welcome! Your profile was approved: other members can find you now, and you can flirt with them and write to them',
    'photo-approved': 'Your photo was approved: members who may see its album see it now',
    'photo-rejected': 'Your photo was turned down',
    'about-approved': 'Your new about-me text was approved: others see it now',
    'about-rejected': 'Your new about-me text was turned down; the earlier one stays',
    reason: 'The moderator’s reason: {reason}',
    seePhotos: 'Your photos',
    seeProfile: 'Your profile',
    findPeople: 'Find people',
  },
  sv: {
    title: 'Händelser',
    explain: 'Allt som har hänt dig, senaste först.',
    empty: 'Inget har hänt än. Flörtar, besök och favoriter dyker upp här.',
    older: 'Äldre',
    markAll: 'Markera alla som lästa',
    allRead: 'Alla dina händelser är markerade som lästa.',
    new: 'ny',
    flirt: '{name} flörtade med dig',
    match: '{name} flörtade tillbaka: ni gillar varandra!',
    writeTo: 'Skriv till {name}',
    visit: '{name} besökte din profil',
    favourite_woman: '{name} lade till dig bland sina favoriter',
    favourite_man: '{name} lade till dig bland sina favoriter',
    favourite_nonbinary: '{name} lade till dig bland sina favoriter',
    like: '{name} gillade ditt foto',
    unlock_woman: '{name} visade dig sina privata foton',
    unlock_man: '{name} visade dig sina privata foton',
    unlock_nonbinary: '{name} visade dig sina privata foton',
    'registration-approved':
      'Välkommen! Din profil har godkänts: andra medlemmar kan nu hitta dig, och du kan flörta med dem och skriva till dem',
    'photo-approved': 'Ditt foto godkändes: de som får se albumet ser det nu',
    'photo-rejected': 'Ditt foto godkändes inte',
    'about-approved': 'Din nya presentation godkändes: andra ser den nu',
    'about-rejected': 'Din nya presentation godkändes inte; den tidigare finns kvar',
    reason: 'Moderatorns skäl: {reason}',
    seePhotos: 'Dina foton',
    seeProfile: 'Din profil',
    findPeople: 'Hitta folk',
  },
  fi: {
    title: 'Ilmoitukset',
    explain: 'Kaikki mitä sinulle on tapahtunut, uusimmat ensin.',
    empty: 'Mitään ei ole vielä tapahtunut. Flirtit, vierailut ja suosikit näkyvät täällä.',
    older: 'Vanhemmat',
    markAll: 'Merkitse kaikki luetuiksi',
    allRead: 'Kaikki ilmoituksesi on merkitty luetuiksi.',
    new: 'uusi',
    flirt: '{name} flirttaili kanssasi',
    match: '{name} flirttaili takaisin: pidätte toisistanne!',
    writeTo: 'Kirjoita: {name}',
    visit: '{name} vieraili profiilissasi',
    favourite_woman: '{name} lisäsi sinut suosikkeihinsa',
    favourite_man: '{name} lisäsi sinut suosikkeihinsa',
    favourite_nonbinary: '{name} lisäsi sinut suosikkeihinsa',
    like: '{name} tykkäsi kuvastasi',
    unlock_woman: '{name} näytti sinulle yksityiset kuvansa',
    unlock_man: '{name} näytti sinulle yksityiset kuvansa',
    unlock_nonbinary: '{name} näytti sinulle yksityiset kuvansa',
    'registration-approved':
      'Tervetuloa! Profiilisi on hyväksytty: muut jäsenet löytävät sinut nyt, ja voit flirttailla heidän kanssaan ja kirjoittaa heille',
    'photo-approved': 'Kuvasi hyväksyttiin: ne, jotka saavat nähdä albumin, näkevät sen nyt',
    'photo-rejected': 'Kuvaasi ei hyväksytty',
    'about-approved': 'Uusi esittelytekstisi hyväksyttiin: muut näkevät sen nyt',
    'about-rejected': 'Uutta esittelytekstiäsi ei hyväksytty; aiempi jää voimaan',
    reason: 'Moderaattorin perustelu: {reason}',
    seePhotos: 'Kuvasi',
    seeProfile: 'Profiilisi',
    findPeople: 'Löydä ihmisiä',
  },
};
