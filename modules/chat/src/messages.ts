import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'title'
  | 'empty'
  | 'olderChats'
  | 'unread'
  | 'you'
  | 'online'
  | 'chatWith'
  | 'olderMessages'
  | 'start'
  | 'deletedMember'
  | 'departed'
  | 'message'
  | 'send'
  | 'read'
  | 'typing'
  | 'report'
  | 'reportTitle'
  | 'reportIntro'
  | 'reason'
  | 'spam'
  | 'harassment'
  | 'scam'
  | 'inappropriate'
  | 'other'
  | 'note'
  | 'noteHint'
  | 'sendReport'
  | 'reported'
  | 'fix'
  | 'messageButton'
  | 'messageWith'
  | 'limit'
  | 'newMessages'
  | 'writeSomething'
  | 'tooLong'
  | 'chooseReason'
  | 'noteTooLong'
  | 'closedPreferences'
  | 'closedContacts'
  | 'settingsTitle'
  | 'settingsLink'
  | 'settingsIntro'
  | 'everyone'
  | 'preferences'
  | 'contacts'
  | 'existingGoOn'
  | 'save'
  | 'saved'
  | 'chooseAudience'
> = {
  en: {
    closedPreferences:
      '{name} accepts new conversations only from members within the age and gender they look for.',
    closedContacts:
      '{name} accepts new conversations only from members they flirted with or added to their favourites.',
    settingsTitle: 'Who may write to me',
    settingsLink: 'Who may write to me',
    settingsIntro: 'Choose who may start a conversation with you.',
    everyone: 'Everyone',
    preferences: 'Only members within the age and gender I look for',
    contacts: 'Only members I have flirted with or added to my favourites',
    existingGoOn: 'Conversations you already have go on whatever you choose.',
    save: 'Save',
    saved: 'Saved.',
    chooseAudience: 'Choose one of the options.',
    title: 'Chats',
    empty: 'No conversations yet. Write to someone from their profile.',
    olderChats: 'Older conversations',
    unread: '{n} unread',
    you: 'You: ',
    online: 'Online',
    chatWith: 'Chat with {name}',
    olderMessages: 'Older messages',
    start: 'This is the start of your conversation with {name}.',
    deletedMember: 'Deleted member',
    departed:
      'This member deleted their account. The conversation stays here for you; it takes no new messages.',
    message: 'Message',
    send: 'Send',
    read: 'Read',
    typing: '{name} is typing…',
    report: 'Report',
    reportTitle: 'Report a message',
    reportIntro: 'The moderators will read this message from {name} and decide what happens.',
    reason: 'Why are you reporting it?',
    spam: 'Spam or advertising',
    harassment: 'Harassment or threats',
    scam: 'A scam or asking for money',
    inappropriate: 'Sexual or offensive content',
    other: 'Something else',
    note: 'Anything the moderators should know (optional)',
    noteHint: 'At most 500 characters.',
    sendReport: 'Send report',
    reported: 'Thank you. The moderators have your report.',
    fix: 'The message could not be sent',
    messageButton: 'Message',
    // The button's words begin its name, so a voice user who says what they see reaches it.
    messageWith: 'Message {name}',
    limit: 'At most {n} characters.',
    newMessages: 'New messages',
    writeSomething: 'Write something first.',
    tooLong: 'A message holds at most {max} characters; this one has {n}.',
    chooseReason: 'Choose why you are reporting it.',
    noteTooLong: 'Keep it to 500 characters.',
  },
  sv: {
    closedPreferences:
      '{name} tar bara emot nya konversationer från medlemmar i den ålder och det kön hen söker.',
    closedContacts:
      '{name} tar bara emot nya konversationer från medlemmar hen har flörtat med eller lagt till som favorit.',
    settingsTitle: 'Vem får skriva till mig',
    settingsLink: 'Vem får skriva till mig',
    settingsIntro: 'Välj vem som får börja en konversation med dig.',
    everyone: 'Alla',
    preferences: 'Bara medlemmar i den ålder och det kön jag söker',
    contacts: 'Bara medlemmar jag har flörtat med eller lagt till som favorit',
    existingGoOn: 'Konversationer du redan har fortsätter vad du än väljer.',
    save: 'Spara',
    saved: 'Sparat.',
    chooseAudience: 'Välj ett av alternativen.',
    title: 'Chattar',
    empty: 'Inga konversationer än. Skriv till någon från deras profil.',
    olderChats: 'Äldre konversationer',
    unread: '{n} olästa',
    you: 'Du: ',
    online: 'Online',
    chatWith: 'Chatt med {name}',
    olderMessages: 'Äldre meddelanden',
    start: 'Här börjar din konversation med {name}.',
    deletedMember: 'Raderad medlem',
    departed:
      'Den här medlemmen har raderat sitt konto. Samtalet finns kvar här för dig men tar inte emot nya meddelanden.',
    message: 'Meddelande',
    send: 'Skicka',
    read: 'Läst',
    typing: '{name} skriver…',
    report: 'Anmäl',
    reportTitle: 'Anmäl ett meddelande',
    reportIntro: 'Moderatorerna läser meddelandet från {name} och bestämmer vad som händer.',
    reason: 'Varför anmäler du det?',
    spam: 'Skräppost eller reklam',
    harassment: 'Trakasserier eller hot',
    scam: 'Bedrägeri eller ber om pengar',
    inappropriate: 'Sexuellt eller kränkande innehåll',
    other: 'Något annat',
    note: 'Något moderatorerna bör veta (frivilligt)',
    noteHint: 'Högst 500 tecken.',
    sendReport: 'Skicka anmälan',
    reported: 'Tack. Moderatorerna har fått din anmälan.',
    fix: 'Meddelandet kunde inte skickas',
    messageButton: 'Skriv',
    messageWith: 'Skriv till {name}',
    limit: 'Högst {n} tecken.',
    newMessages: 'Nya meddelanden',
    writeSomething: 'Skriv något först.',
    tooLong: 'Ett meddelande rymmer högst {max} tecken; det här har {n}.',
    chooseReason: 'Välj varför du anmäler det.',
    noteTooLong: 'Håll det till 500 tecken.',
  },
  fi: {
    closedPreferences:
      '{name} ottaa uusia keskusteluja vastaan vain jäseniltä, jotka ovat hänen etsimänsä ikäisiä ja sukupuolta.',
    closedContacts:
      '{name} ottaa uusia keskusteluja vastaan vain jäseniltä, joiden kanssa hän on flirttaillut tai jotka hän on lisännyt suosikkeihinsa.',
    settingsTitle: 'Kuka saa kirjoittaa minulle',
    settingsLink: 'Kuka saa kirjoittaa minulle',
    settingsIntro: 'Valitse, kuka saa aloittaa keskustelun kanssasi.',
    everyone: 'Kaikki',
    preferences: 'Vain etsimäni ikäiset ja sukupuolta olevat jäsenet',
    contacts: 'Vain jäsenet, joiden kanssa olen flirttaillut tai jotka olen lisännyt suosikkeihini',
    existingGoOn: 'Jo alkaneet keskustelut jatkuvat valinnastasi riippumatta.',
    save: 'Tallenna',
    saved: 'Tallennettu.',
    chooseAudience: 'Valitse yksi vaihtoehdoista.',
    title: 'Keskustelut',
    empty: 'Ei vielä keskusteluja. Kirjoita jollekulle hänen profiilistaan.',
    olderChats: 'Vanhemmat keskustelut',
    unread: '{n} lukematta',
    you: 'Sinä: ',
    online: 'Paikalla',
    chatWith: 'Keskustelu: {name}',
    olderMessages: 'Vanhemmat viestit',
    start: 'Tästä alkaa keskustelusi: {name}.',
    deletedMember: 'Poistettu jäsen',
    departed:
      'Tämä jäsen on poistanut tilinsä. Keskustelu säilyy täällä sinulle, mutta siihen ei voi enää kirjoittaa.',
    message: 'Viesti',
    send: 'Lähetä',
    read: 'Luettu',
    typing: '{name} kirjoittaa…',
    report: 'Ilmoita',
    reportTitle: 'Ilmoita viestistä',
    reportIntro: 'Moderaattorit lukevat tämän viestin lähettäjältä {name} ja päättävät jatkosta.',
    reason: 'Miksi ilmoitat siitä?',
    spam: 'Roskaposti tai mainonta',
    harassment: 'Häirintä tai uhkailu',
    scam: 'Huijaus tai rahan pyytäminen',
    inappropriate: 'Seksuaalinen tai loukkaava sisältö',
    other: 'Jokin muu',
    note: 'Mitä moderaattoreiden pitäisi tietää (vapaaehtoinen)',
    noteHint: 'Enintään 500 merkkiä.',
    sendReport: 'Lähetä ilmoitus',
    reported: 'Kiitos. Moderaattorit ovat saaneet ilmoituksesi.',
    fix: 'Viestiä ei voitu lähettää',
    messageButton: 'Kirjoita',
    messageWith: 'Kirjoita: {name}',
    limit: 'Enintään {n} merkkiä.',
    newMessages: 'Uudet viestit',
    writeSomething: 'Kirjoita ensin jotain.',
    tooLong: 'Viestissä voi olla enintään {max} merkkiä; tässä on {n}.',
    chooseReason: 'Valitse, miksi ilmoitat siitä.',
    noteTooLong: 'Enintään 500 merkkiä.',
  },
};
