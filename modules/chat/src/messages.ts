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
> = {
  en: {
    title: 'Chats',
    empty: 'No conversations yet. Write to someone from their profile.',
    olderChats: 'Older conversations',
    unread: '{n} unread',
    you: 'You: ',
    online: 'Online',
    chatWith: 'Chat with {name}',
    olderMessages: 'Older messages',
    start: 'This is the start of your conversation with {name}.',
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
    messageWith: 'Write to {name}',
    limit: 'At most {n} characters.',
    newMessages: 'New messages',
    writeSomething: 'Write something first.',
    tooLong: 'A message holds at most {max} characters; this one has {n}.',
    chooseReason: 'Choose why you are reporting it.',
    noteTooLong: 'Keep it to 500 characters.',
  },
  sv: {
    title: 'Chattar',
    empty: 'Inga konversationer än. Skriv till någon från deras profil.',
    olderChats: 'Äldre konversationer',
    unread: '{n} olästa',
    you: 'Du: ',
    online: 'Online',
    chatWith: 'Chatt med {name}',
    olderMessages: 'Äldre meddelanden',
    start: 'Här börjar din konversation med {name}.',
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
    title: 'Keskustelut',
    empty: 'Ei vielä keskusteluja. Kirjoita jollekulle hänen profiilistaan.',
    olderChats: 'Vanhemmat keskustelut',
    unread: '{n} lukematta',
    you: 'Sinä: ',
    online: 'Paikalla',
    chatWith: 'Keskustelu: {name}',
    olderMessages: 'Vanhemmat viestit',
    start: 'Tästä alkaa keskustelusi: {name}.',
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
