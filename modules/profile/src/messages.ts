import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'stepProperties'
  | 'stepAboutMe'
  | 'years'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'away'
  | 'aboutMe'
  | 'noAboutMe'
  | 'editAboutMe'
  | 'editDetails'
  | 'pending'
  | 'pendingRemoval'
  | 'pendingHelp'
  | 'rejected'
  | 'sentNotice'
  | 'unchangedNotice'
  | 'propertiesTitle'
  | 'propertiesIntro'
  | 'heightHint'
  | 'notTelling'
  | 'save'
  | 'editProperties'
  | 'propertiesSaved'
  | 'editTitle'
  | 'textHint'
  | 'aboutMeLong'
  | 'send'
  | 'cancel'
  | 'fixErrors'
  | 'reviewTitle'
  | 'reviewEmpty'
  | 'current'
  | 'proposed'
  | 'empty'
  | 'removed'
  | 'sent'
  | 'reject'
  | 'reason'
  | 'reasonHint'
  | 'reasonMissing'
  | 'approvedNotice'
  | 'rejectedNotice'
> = {
  en: {
    stepProperties: 'Tell a little more: height, children, languages',
    stepAboutMe: 'Write a few words about yourself',
    years: '{age} years',
    woman: 'woman',
    man: 'man',
    nonbinary: 'non-binary',
    away: '{km} km away',
    aboutMe: 'About me',
    noAboutMe: 'Nothing here yet.',
    editAboutMe: 'Edit about me',
    editDetails: 'Nickname, place and whom I look for',
    pending: 'Waiting for review:',
    pendingRemoval: 'removing your about-me text.',
    pendingHelp: 'Others see your approved text until a moderator approves the change.',
    rejected: 'A moderator did not accept your last change:',
    sentNotice: 'Thanks! Others will see your new text once a moderator approves it.',
    unchangedNotice: 'Nothing changed.',
    editTitle: 'Edit about me',
    aboutMeLong: 'About me can be at most {max} characters.',
    textHint:
      'Up to 2000 characters. A moderator reads every change before others see it. Leave it empty to remove your text.',
    send: 'Send for review',
    cancel: 'Back to my profile',
    fixErrors: 'Please fix this and send again',
    reviewTitle: 'About-me changes to review',
    reviewEmpty: 'Nothing to review right now.',
    current: 'Now',
    proposed: 'New',
    empty: '(empty)',
    removed: '(remove the text)',
    sent: 'sent {date}',
    reject: 'Turn down',
    reason: 'Reason for the member',
    reasonHint: 'Say what to change, e.g. "Please leave out your phone number".',
    reasonMissing: 'Give the member a reason of {min} to {max} characters they can act on.',
    approvedNotice: 'Approved: others now see the new text.',
    rejectedNotice: 'Turned down; the member sees your reason.',
    propertiesTitle: 'About me in brief',
    propertiesIntro:
      'Tell as much or as little as you like: others see it on your profile at once and can find you by it in search.',
    heightHint: 'In whole centimetres, {min} to {max}. Leave empty to keep it to yourself.',
    notTelling: 'I’d rather not say',
    save: 'Save',
    editProperties: 'Height, children, languages…',
    propertiesSaved: 'Saved: others see it on your profile now.',
  },
  sv: {
    stepProperties: 'Berätta lite mer: längd, barn, språk',
    stepAboutMe: 'Skriv några ord om dig själv',
    years: '{age} år',
    woman: 'kvinna',
    man: 'man',
    nonbinary: 'icke-binär',
    away: '{km} km bort',
    aboutMe: 'Om mig',
    noAboutMe: 'Inget här än.',
    editAboutMe: 'Ändra om mig',
    editDetails: 'Smeknamn, ort och vem jag söker',
    pending: 'Väntar på granskning:',
    pendingRemoval: 'att ta bort din presentation.',
    pendingHelp: 'Andra ser din godkända text tills en moderator godkänner ändringen.',
    rejected: 'En moderator godkände inte din senaste ändring:',
    sentNotice: 'Tack! Andra ser din nya text när en moderator har godkänt den.',
    unchangedNotice: 'Inget ändrades.',
    editTitle: 'Ändra om mig',
    aboutMeLong: 'Om mig får vara högst {max} tecken.',
    textHint:
      'Högst 2000 tecken. En moderator läser varje ändring innan andra ser den. Lämna tomt för att ta bort texten.',
    send: 'Skicka för granskning',
    cancel: 'Tillbaka till min profil',
    fixErrors: 'Rätta detta och skicka igen',
    reviewTitle: 'Ändrade presentationer att granska',
    reviewEmpty: 'Inget att granska just nu.',
    current: 'Nu',
    proposed: 'Ny',
    empty: '(tom)',
    removed: '(ta bort texten)',
    sent: 'skickad {date}',
    reject: 'Avslå',
    reason: 'Motivering till medlemmen',
    reasonHint: 'Skriv vad som ska ändras, t.ex. "Ta bort ditt telefonnummer".',
    reasonMissing: 'Ge medlemmen ett skäl på {min} till {max} tecken som hen kan agera på.',
    approvedNotice: 'Godkänd: andra ser nu den nya texten.',
    rejectedNotice: 'Avslagen; medlemmen ser din motivering.',
    propertiesTitle: 'Kort om mig',
    propertiesIntro:
      'Berätta så mycket eller lite du vill: andra ser det på din profil direkt och kan hitta dig med det i sökningen.',
    heightHint: 'I hela centimeter, {min} till {max}. Lämna tomt för att behålla det för dig själv.',
    notTelling: 'Vill inte säga',
    save: 'Spara',
    editProperties: 'Längd, barn, språk…',
    propertiesSaved: 'Sparat: andra ser det på din profil nu.',
  },
  fi: {
    stepProperties: 'Kerro vähän lisää: pituus, lapset, kielet',
    stepAboutMe: 'Kirjoita muutama sana itsestäsi',
    years: '{age} vuotta',
    woman: 'nainen',
    man: 'mies',
    nonbinary: 'muunsukupuolinen',
    away: '{km} km päässä',
    aboutMe: 'Minusta',
    noAboutMe: 'Ei vielä mitään.',
    editAboutMe: 'Muokkaa esittelyä',
    editDetails: 'Nimimerkki, asuinpaikka ja ketä etsin',
    pending: 'Odottaa tarkistusta:',
    pendingRemoval: 'esittelytekstin poistaminen.',
    pendingHelp: 'Muut näkevät hyväksytyn tekstisi, kunnes moderaattori hyväksyy muutoksen.',
    rejected: 'Moderaattori ei hyväksynyt viimeisintä muutostasi:',
    sentNotice: 'Kiitos! Muut näkevät uuden tekstisi, kun moderaattori on hyväksynyt sen.',
    unchangedNotice: 'Mikään ei muuttunut.',
    editTitle: 'Muokkaa esittelyä',
    aboutMeLong: 'Esittelyssä voi olla enintään {max} merkkiä.',
    textHint:
      'Enintään 2000 merkkiä. Moderaattori lukee jokaisen muutoksen ennen muita. Jätä tyhjäksi poistaaksesi tekstin.',
    send: 'Lähetä tarkistettavaksi',
    cancel: 'Takaisin profiiliini',
    fixErrors: 'Korjaa tämä ja lähetä uudelleen',
    reviewTitle: 'Tarkistettavat esittelymuutokset',
    reviewEmpty: 'Ei tarkistettavaa juuri nyt.',
    current: 'Nyt',
    proposed: 'Uusi',
    empty: '(tyhjä)',
    removed: '(poista teksti)',
    sent: 'lähetetty {date}',
    reject: 'Hylkää',
    reason: 'Perustelu jäsenelle',
    reasonHint: 'Kerro, mitä pitää muuttaa, esim. "Jätä puhelinnumerosi pois".',
    reasonMissing: 'Anna jäsenelle {min}–{max} merkin syy, jonka mukaan hän voi toimia.',
    approvedNotice: 'Hyväksytty: muut näkevät nyt uuden tekstin.',
    rejectedNotice: 'Hylätty; jäsen näkee perustelusi.',
    propertiesTitle: 'Lyhyesti minusta',
    propertiesIntro:
      'Kerro niin paljon tai vähän kuin haluat: muut näkevät sen profiilissasi heti ja voivat löytää sinut sen avulla haussa.',
    heightHint: 'Kokonaisina sentteinä, {min}–{max}. Jätä tyhjäksi, jos et halua kertoa.',
    notTelling: 'En halua kertoa',
    save: 'Tallenna',
    editProperties: 'Pituus, lapset, kielet…',
    propertiesSaved: 'Tallennettu: muut näkevät sen profiilissasi nyt.',
  },
};
