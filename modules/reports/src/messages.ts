import type { Messages } from '@meetcute/web';

export type Key =
  | 'report'
  | 'reportTitle_profile'
  | 'reportTitle_photo'
  | 'reportTitle_diary-post'
  | 'reportIntro'
  | 'reason'
  | 'spam'
  | 'harassment'
  | 'scam'
  | 'inappropriate'
  | 'other'
  | 'note'
  | 'noteHint'
  | 'send'
  | 'fixTitle'
  | 'pickReason'
  | 'noteTooLong'
  | 'thanksTitle'
  | 'thanksText'
  | 'alsoBlock'
  | 'queueTitle'
  | 'queueEmpty'
  | 'kind_profile'
  | 'kind_photo'
  | 'kind_diary-post'
  | 'kind_message'
  | 'kind_appeal'
  | 'appeal'
  | 'liftOrKeep'
  | 'keepDecision'
  | 'reportsCount'
  | 'reportsCount_one'
  | 'gone'
  | 'actOn'
  | 'dismiss'
  | 'handled'
  | 'closedNotice'
  | 'remove'
  | 'remove_profile'
  | 'remove_photo'
  | 'remove_diary-post'
  | 'removeHint'
  | 'reasonNeeded'
  | 'reasonTooLong'
  | 'removedNotice';

export const messages: Messages<Key> = {
  en: {
    report: 'Report…',
    reportTitle_profile: 'Report {name}',
    reportTitle_photo: 'Report a photo of {name}',
    'reportTitle_diary-post': 'Report a diary post by {name}',
    reportIntro: 'The moderators will look at it and decide what happens. {name} is never told who reported.',
    reason: 'Why are you reporting it?',
    spam: 'Spam or advertising',
    harassment: 'Harassment or threats',
    scam: 'A scam or asking for money',
    inappropriate: 'Sexual or offensive content',
    other: 'Something else',
    note: 'Anything the moderators should know (optional)',
    noteHint: 'At most 500 characters.',
    send: 'Send the report',
    fixTitle: 'Please fix this',
    pickReason: 'Choose why you are reporting it',
    noteTooLong: 'Use at most 500 characters',
    thanksTitle: 'Thank you for telling us',
    thanksText: 'The moderators will look at it soon. {name} is not told who reported.',
    alsoBlock: 'Block {name} too',
    queueTitle: 'Reports',
    queueEmpty: 'No open reports.',
    kind_profile: 'Profile',
    kind_photo: 'Photo',
    'kind_diary-post': 'Diary post',
    kind_message: 'Chat message',
    kind_appeal: 'Appeal',
    appeal: 'Appeal against a suspension',
    liftOrKeep: 'Read {name}’s standing, and lift the suspension if it was wrong…',
    keepDecision: 'Keep the decision',
    reportsCount: '{n} reports',
    reportsCount_one: '{n} report',
    gone: 'It is gone (deleted by its author).',
    actOn: 'Warn, suspend or ban {name}…',
    dismiss: 'Dismiss: nothing wrong',
    handled: 'Mark handled',
    closedNotice: 'Closed.',
    remove: 'Remove it',
    remove_profile: 'Remove the about-me text: why?',
    remove_photo: 'Remove the photo: why?',
    'remove_diary-post': 'Remove the diary post: why?',
    removeHint:
      'A few words for the moderation log (the owner of a removed about-me reads them too). At most 500 characters.',
    reasonNeeded: 'Say in a few words why it is removed',
    reasonTooLong: 'Use at most 500 characters',
    removedNotice: 'Removed, and its reports closed.',
  },
  sv: {
    report: 'Anmäl…',
    reportTitle_profile: 'Anmäl {name}',
    reportTitle_photo: 'Anmäl ett foto av {name}',
    'reportTitle_diary-post': 'Anmäl ett dagboksinlägg av {name}',
    reportIntro:
      'Moderatorerna tittar på det och bestämmer vad som händer. {name} får aldrig veta vem som anmälde.',
    reason: 'Varför anmäler du det?',
    spam: 'Skräppost eller reklam',
    harassment: 'Trakasserier eller hot',
    scam: 'Bedrägeri eller ber om pengar',
    inappropriate: 'Sexuellt eller kränkande innehåll',
    other: 'Något annat',
    note: 'Något moderatorerna bör veta (frivilligt)',
    noteHint: 'Högst 500 tecken.',
    send: 'Skicka anmälan',
    fixTitle: 'Rätta detta',
    pickReason: 'Välj varför du anmäler det',
    noteTooLong: 'Använd högst 500 tecken',
    thanksTitle: 'Tack för att du berättade',
    thanksText: 'Moderatorerna tittar på det snart. {name} får inte veta vem som anmälde.',
    alsoBlock: 'Blockera {name} också',
    queueTitle: 'Anmälningar',
    queueEmpty: 'Inga öppna anmälningar.',
    kind_profile: 'Profil',
    kind_photo: 'Foto',
    'kind_diary-post': 'Dagboksinlägg',
    kind_message: 'Chattmeddelande',
    kind_appeal: 'Överklagande',
    appeal: 'Överklagande av en avstängning',
    liftOrKeep: 'Läs om {name}, och häv avstängningen om den var fel…',
    keepDecision: 'Beslutet står fast',
    reportsCount: '{n} anmälningar',
    reportsCount_one: '{n} anmälan',
    gone: 'Det är borta (raderat av sin författare).',
    actOn: 'Varna, stäng av eller bannlys {name}…',
    dismiss: 'Avfärda: inget fel',
    handled: 'Markera som hanterad',
    closedNotice: 'Stängd.',
    remove: 'Ta bort det',
    remove_profile: 'Ta bort presentationstexten: varför?',
    remove_photo: 'Ta bort fotot: varför?',
    'remove_diary-post': 'Ta bort dagboksinlägget: varför?',
    removeHint:
      'Några ord till moderatorloggen (ägaren till en borttagen om mig-text läser dem också). Högst 500 tecken.',
    reasonNeeded: 'Skriv med några ord varför det tas bort',
    reasonTooLong: 'Använd högst 500 tecken',
    removedNotice: 'Borttaget, och anmälningarna stängda.',
  },
  fi: {
    report: 'Ilmoita…',
    reportTitle_profile: 'Ilmoita jäsenestä {name}',
    reportTitle_photo: 'Ilmoita jäsenen {name} kuvasta',
    'reportTitle_diary-post': 'Ilmoita jäsenen {name} päiväkirjamerkinnästä',
    reportIntro:
      'Moderaattorit katsovat sen ja päättävät jatkosta. {name} ei koskaan saa tietää, kuka ilmoitti.',
    reason: 'Miksi ilmoitat siitä?',
    spam: 'Roskaposti tai mainonta',
    harassment: 'Häirintä tai uhkailu',
    scam: 'Huijaus tai rahan pyytäminen',
    inappropriate: 'Seksuaalinen tai loukkaava sisältö',
    other: 'Jokin muu',
    note: 'Mitä moderaattoreiden pitäisi tietää (vapaaehtoinen)',
    noteHint: 'Enintään 500 merkkiä.',
    send: 'Lähetä ilmoitus',
    fixTitle: 'Korjaa tämä',
    pickReason: 'Valitse, miksi ilmoitat',
    noteTooLong: 'Käytä enintään 500 merkkiä',
    thanksTitle: 'Kiitos, että kerroit',
    thanksText: 'Moderaattorit katsovat sen pian. {name} ei saa tietää, kuka ilmoitti.',
    alsoBlock: 'Estä myös {name}',
    queueTitle: 'Ilmoitukset',
    queueEmpty: 'Ei avoimia ilmoituksia.',
    kind_profile: 'Profiili',
    kind_photo: 'Kuva',
    'kind_diary-post': 'Päiväkirjamerkintä',
    kind_message: 'Chat-viesti',
    kind_appeal: 'Valitus',
    appeal: 'Valitus jäädytyksestä',
    liftOrKeep: 'Katso jäsenen {name} tilanne ja poista jäädytys, jos se oli aiheeton…',
    keepDecision: 'Päätös pysyy',
    reportsCount: '{n} ilmoitusta',
    reportsCount_one: '{n} ilmoitus',
    gone: 'Se on poistettu (tekijä poisti sen).',
    actOn: 'Varoita, jäädytä tai estä {name}…',
    dismiss: 'Hylkää: ei ongelmaa',
    handled: 'Merkitse käsitellyksi',
    closedNotice: 'Suljettu.',
    remove: 'Poista se',
    remove_profile: 'Poista esittelyteksti: miksi?',
    remove_photo: 'Poista kuva: miksi?',
    'remove_diary-post': 'Poista päiväkirjamerkintä: miksi?',
    removeHint:
      'Muutama sana moderointilokiin (poistetun esittelyn omistaja näkee ne myös). Enintään 500 merkkiä.',
    reasonNeeded: 'Kerro muutamalla sanalla, miksi se poistetaan',
    reasonTooLong: 'Käytä enintään 500 merkkiä',
    removedNotice: 'Poistettu, ja ilmoitukset suljettu.',
  },
};
