import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'stepPortrait'
  | 'title'
  | 'intro'
  | 'uploadTitle'
  | 'photo'
  | 'photoHint'
  | 'album'
  | 'public'
  | 'private'
  | 'publicHint'
  | 'privateHint'
  | 'makePortrait'
  | 'upload'
  | 'publicAlbum'
  | 'privateAlbum'
  | 'emptyAlbum'
  | 'waitingOnly'
  | 'moreWaiting'
  | 'moreWaiting_one'
  | 'pending'
  | 'rejected'
  | 'portrait'
  | 'usePortrait'
  | 'delete'
  | 'likes'
  | 'likes_one'
  | 'like'
  | 'unlike'
  | 'liked'
  | 'unliked'
  | 'likeLabel'
  | 'photoOf'
  | 'galleryTitle'
  | 'ownGalleryTitle'
  | 'position'
  | 'previousPhoto'
  | 'nextPhoto'
  | 'backTo'
  | 'access'
  | 'accessHint'
  | 'noAccess'
  | 'lock'
  | 'unlock'
  | 'unlockLabel'
  | 'lockLabel'
  | 'privateLocked'
  | 'uploaded'
  | 'deleted'
  | 'portraitSet'
  | 'unlocked'
  | 'locked'
  | 'reviewTitle'
  | 'reviewEmpty'
  | 'reject'
  | 'reason'
  | 'reasonHint'
  | 'reasonMissing'
  | 'approvedNotice'
  | 'rejectedNotice'
  | 'photosTitle'
  | 'managePhotos'
  | 'by'
  | 'fixErrors'
  | 'noPhoto'
  | 'noAlbum'
  | 'notAPhoto'
  | 'heic'
  | 'tooManyPixels'
  | 'fileTooLarge'
  | 'albumsFull'
> = {
  en: {
    stepPortrait: 'Add a portrait',
    title: 'My photos',
    intro: 'Every photo is checked by a moderator before others see it. You see yours at once.',
    uploadTitle: 'Add a photo',
    photo: 'Photo',
    photoHint: 'JPEG, PNG, WebP or AVIF, up to {mb} MB. Location and camera data are removed.',
    album: 'Album',
    public: 'Public',
    private: 'Private',
    publicHint: 'every member',
    privateHint: 'only members you unlock it for',
    makePortrait: 'Use as my portrait',
    upload: 'Upload',
    publicAlbum: 'Public album',
    privateAlbum: 'Private album',
    emptyAlbum: 'No photos here yet.',
    waitingOnly: 'Your photos are waiting for review: others see them here once a moderator approves them.',
    moreWaiting:
      '{n} more photos are waiting for review: others see them here once a moderator approves them.',
    moreWaiting_one: '{n} more photo is waiting for review: others see it here once a moderator approves it.',
    pending: 'Waiting for review',
    rejected: 'Rejected: {reason}',
    portrait: 'Your portrait',
    usePortrait: 'Make portrait',
    delete: 'Delete',
    likes: '{n} likes',
    likes_one: '{n} like',
    like: 'Like',
    unlike: 'Unlike',
    liked: 'You like this photo.',
    unliked: 'You no longer like this photo.',
    likeLabel: 'Like this photo of {name}',
    photoOf: 'Photo of {name}',
    galleryTitle: 'Photos of {name}',
    ownGalleryTitle: 'Your photos',
    position: 'Photo {n} of {total}',
    previousPhoto: 'Previous',
    nextPhoto: 'Next',
    backTo: 'Back to {name}',
    access: 'Who sees your private album',
    accessHint: 'Unlock it from a member’s profile. You can lock it again here at any time.',
    noAccess: 'Nobody yet.',
    lock: 'Lock',
    unlock: 'Show my private photos',
    unlockLabel: 'Let {name} see your private album',
    lockLabel: 'Lock your private album for {name}',
    privateLocked: '{name} has a private album.',
    uploaded: 'Your photo was uploaded. It waits for a moderator.',
    deleted: 'The photo was deleted.',
    portraitSet: 'Your portrait was changed.',
    unlocked: 'Your private album is now open to this member.',
    locked: 'Your private album is locked for this member again.',
    reviewTitle: 'Photos to review',
    reviewEmpty: 'No photos are waiting for review.',
    reject: 'Reject',
    reason: 'Reason for rejecting',
    reasonHint: 'The member sees this.',
    reasonMissing: 'Tell the member why, in 1 to {max} characters.',
    approvedNotice: 'Approved.',
    rejectedNotice: 'Rejected.',
    photosTitle: 'Photos',
    managePhotos: 'Manage my photos',
    by: 'by {name}',
    fixErrors: 'The photo could not be added',
    noPhoto: 'Choose a photo to upload.',
    noAlbum: 'Choose the public or the private album.',
    notAPhoto: 'This is not a photo we can use. Upload a JPEG, PNG, WebP or AVIF image.',
    heic: 'HEIC photos cannot be read here. Export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.',
    tooManyPixels:
      'The image has too many pixels: up to {side} pixels on a side and {mp} megapixels are accepted.',
    fileTooLarge:
      'Files up to {mb} MB are accepted. Choose a smaller one, or export it at a lower resolution.',
    albumsFull: 'Your albums are full: you can keep {n} photos. Delete one to add another.',
  },
  sv: {
    stepPortrait: 'Lägg till ett porträtt',
    title: 'Mina foton',
    intro: 'Varje foto granskas av en moderator innan andra ser det. Du ser dina direkt.',
    uploadTitle: 'Lägg till ett foto',
    photo: 'Foto',
    photoHint: 'JPEG, PNG, WebP eller AVIF, högst {mb} MB. Plats- och kameradata tas bort.',
    album: 'Album',
    public: 'Offentligt',
    private: 'Privat',
    publicHint: 'alla medlemmar',
    privateHint: 'bara medlemmar du låser upp det för',
    makePortrait: 'Använd som min profilbild',
    upload: 'Ladda upp',
    publicAlbum: 'Offentligt album',
    privateAlbum: 'Privat album',
    emptyAlbum: 'Inga foton här än.',
    waitingOnly: 'Dina foton väntar på granskning: andra ser dem här när en moderator har godkänt dem.',
    moreWaiting: '{n} foton till väntar på granskning: andra ser dem här när en moderator har godkänt dem.',
    moreWaiting_one:
      '{n} foto till väntar på granskning: andra ser det här när en moderator har godkänt det.',
    pending: 'Väntar på granskning',
    rejected: 'Avvisat: {reason}',
    portrait: 'Din profilbild',
    usePortrait: 'Gör till profilbild',
    delete: 'Radera',
    likes: '{n} gillningar',
    likes_one: '{n} gillning',
    like: 'Gilla',
    unlike: 'Sluta gilla',
    liked: 'Du gillar det här fotot.',
    unliked: 'Du gillar inte längre det här fotot.',
    likeLabel: 'Gilla det här fotot av {name}',
    photoOf: 'Foto av {name}',
    galleryTitle: '{name}s foton',
    ownGalleryTitle: 'Dina foton',
    position: 'Foto {n} av {total}',
    previousPhoto: 'Föregående',
    nextPhoto: 'Nästa',
    backTo: 'Tillbaka till {name}',
    access: 'Vem ser ditt privata album',
    accessHint: 'Lås upp det från en medlems profil. Du kan låsa det igen här när som helst.',
    noAccess: 'Ingen än.',
    lock: 'Lås',
    unlock: 'Visa mina privata foton',
    unlockLabel: 'Låt {name} se ditt privata album',
    lockLabel: 'Lås ditt privata album för {name}',
    privateLocked: '{name} har ett privat album.',
    uploaded: 'Ditt foto laddades upp. Det väntar på en moderator.',
    deleted: 'Fotot raderades.',
    portraitSet: 'Din profilbild ändrades.',
    unlocked: 'Ditt privata album är nu öppet för den här medlemmen.',
    locked: 'Ditt privata album är låst för den här medlemmen igen.',
    reviewTitle: 'Foton att granska',
    reviewEmpty: 'Inga foton väntar på granskning.',
    reject: 'Avvisa',
    reason: 'Skäl att avvisa',
    reasonHint: 'Medlemmen ser detta.',
    reasonMissing: 'Berätta för medlemmen varför, med 1 till {max} tecken.',
    approvedNotice: 'Godkänt.',
    rejectedNotice: 'Avvisat.',
    photosTitle: 'Foton',
    managePhotos: 'Hantera mina foton',
    by: 'av {name}',
    fixErrors: 'Fotot kunde inte läggas till',
    noPhoto: 'Välj ett foto att ladda upp.',
    noAlbum: 'Välj det offentliga eller det privata albumet.',
    notAPhoto: 'Det här är inget foto vi kan använda. Ladda upp en JPEG-, PNG-, WebP- eller AVIF-bild.',
    heic: 'HEIC-foton kan inte läsas här. Exportera fotot som JPEG (på en iPhone: Inställningar › Kamera › Format › Mest kompatibelt) och ladda upp det igen.',
    tooManyPixels: 'Bilden har för många pixlar: högst {side} pixlar på en sida och {mp} megapixlar godtas.',
    fileTooLarge: 'Filer på högst {mb} MB godtas. Välj en mindre eller exportera den med lägre upplösning.',
    albumsFull: 'Dina album är fulla: du kan ha {n} foton. Ta bort ett för att lägga till ett nytt.',
  },
  fi: {
    stepPortrait: 'Lisää profiilikuva',
    title: 'Omat kuvat',
    intro: 'Moderaattori tarkistaa jokaisen kuvan ennen kuin muut näkevät sen. Näet omasi heti.',
    uploadTitle: 'Lisää kuva',
    photo: 'Kuva',
    photoHint: 'JPEG, PNG, WebP tai AVIF, enintään {mb} Mt. Sijainti- ja kameratiedot poistetaan.',
    album: 'Albumi',
    public: 'Julkinen',
    private: 'Yksityinen',
    publicHint: 'kaikki jäsenet',
    privateHint: 'vain jäsenet, joille avaat sen',
    makePortrait: 'Käytä profiilikuvanani',
    upload: 'Lähetä',
    publicAlbum: 'Julkinen albumi',
    privateAlbum: 'Yksityinen albumi',
    emptyAlbum: 'Ei vielä kuvia.',
    waitingOnly: 'Kuvasi odottavat tarkistusta: muut näkevät ne täällä, kun moderaattori on hyväksynyt ne.',
    moreWaiting:
      '{n} kuvaa odottaa vielä tarkistusta: muut näkevät ne täällä, kun moderaattori on hyväksynyt ne.',
    moreWaiting_one:
      '{n} kuva odottaa vielä tarkistusta: muut näkevät sen täällä, kun moderaattori on hyväksynyt sen.',
    pending: 'Odottaa tarkistusta',
    rejected: 'Hylätty: {reason}',
    portrait: 'Profiilikuvasi',
    usePortrait: 'Tee profiilikuvaksi',
    delete: 'Poista',
    likes: '{n} tykkäystä',
    likes_one: '{n} tykkäys',
    like: 'Tykkää',
    unlike: 'Peru tykkäys',
    liked: 'Tykkäät tästä kuvasta.',
    unliked: 'Et enää tykkää tästä kuvasta.',
    likeLabel: 'Tykkää tästä kuvasta: {name}',
    photoOf: 'Kuva: {name}',
    galleryTitle: 'Jäsenen {name} kuvat',
    ownGalleryTitle: 'Kuvasi',
    position: 'Kuva {n}/{total}',
    previousPhoto: 'Edellinen',
    nextPhoto: 'Seuraava',
    backTo: 'Takaisin: {name}',
    access: 'Kuka näkee yksityisen albumisi',
    accessHint: 'Avaa se jäsenen profiilista. Voit lukita sen täällä milloin tahansa.',
    noAccess: 'Ei vielä kukaan.',
    lock: 'Lukitse',
    unlock: 'Näytä yksityiset kuvani',
    unlockLabel: 'Anna jäsenen {name} nähdä yksityinen albumisi',
    lockLabel: 'Lukitse yksityinen albumisi jäseneltä {name}',
    privateLocked: 'Jäsenellä {name} on yksityinen albumi.',
    uploaded: 'Kuvasi lähetettiin. Se odottaa moderaattoria.',
    deleted: 'Kuva poistettiin.',
    portraitSet: 'Profiilikuvasi vaihdettiin.',
    unlocked: 'Yksityinen albumisi on nyt auki tälle jäsenelle.',
    locked: 'Yksityinen albumisi on taas lukittu tältä jäseneltä.',
    reviewTitle: 'Tarkistettavat kuvat',
    reviewEmpty: 'Yksikään kuva ei odota tarkistusta.',
    reject: 'Hylkää',
    reason: 'Hylkäyksen syy',
    reasonHint: 'Jäsen näkee tämän.',
    reasonMissing: 'Kerro jäsenelle syy, 1–{max} merkkiä.',
    approvedNotice: 'Hyväksytty.',
    rejectedNotice: 'Hylätty.',
    photosTitle: 'Kuvat',
    managePhotos: 'Hallitse kuviani',
    by: 'lähettäjä {name}',
    fixErrors: 'Kuvaa ei voitu lisätä',
    noPhoto: 'Valitse ladattava kuva.',
    noAlbum: 'Valitse julkinen tai yksityinen albumi.',
    notAPhoto: 'Tätä kuvaa ei voi käyttää. Lataa JPEG-, PNG-, WebP- tai AVIF-kuva.',
    heic: 'HEIC-kuvia ei voi lukea täällä. Vie kuva JPEG-muodossa (iPhonessa: Asetukset › Kamera › Formaatit › Yhteensopivin) ja lataa se uudelleen.',
    tooManyPixels:
      'Kuvassa on liikaa pikseleitä: enintään {side} pikseliä sivulla ja {mp} megapikseliä hyväksytään.',
    fileTooLarge:
      'Enintään {mb} Mt:n tiedostot hyväksytään. Valitse pienempi tai vie kuva pienemmällä tarkkuudella.',
    albumsFull: 'Albumisi ovat täynnä: voit pitää {n} kuvaa. Poista yksi lisätäksesi uuden.',
  },
};
