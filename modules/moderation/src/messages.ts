import type { Messages } from '@meetcute/web';

export type Key =
  | 'moderate'
  | 'memberTitle'
  | 'goodStanding'
  | 'suspendedUntil'
  | 'banned'
  | 'warningsTitle'
  | 'noWarnings'
  | 'warningRead'
  | 'warningUnread'
  | 'warnTitle'
  | 'warnButton'
  | 'suspendTitle'
  | 'days'
  | 'suspendButton'
  | 'banTitle'
  | 'banButton'
  | 'liftTitle'
  | 'liftButton'
  | 'reason'
  | 'reasonHint'
  | 'reasonMissing'
  | 'fixTitle'
  | 'historyTitle'
  | 'logTitle'
  | 'logEmpty'
  | 'older'
  | 'site'
  | 'action_suspended'
  | 'action_banned'
  | 'action_lifted'
  | 'action_warned'
  | 'action_registration-approved'
  | 'action_registration-rejected'
  | 'action_photo-approved'
  | 'action_photo-rejected'
  | 'action_about-approved'
  | 'action_about-rejected'
  | 'action_nickname-approved'
  | 'action_nickname-rejected'
  | 'action_reports-dismissed'
  | 'action_reports-handled'
  | 'action_appeal-refused'
  | 'action_photo-removed'
  | 'action_diary-removed'
  | 'action_about-removed'
  | 'done_warned'
  | 'done_suspended'
  | 'done_banned'
  | 'done_lifted'
  | 'yourWarningTitle'
  | 'yourWarningText'
  | 'readButton'
  | 'toLog'
  | 'action_appealed'
  | 'appealTitle'
  | 'appealIntro'
  | 'email'
  | 'password'
  | 'appealText'
  | 'appealHint'
  | 'appealLength'
  | 'appealButton'
  | 'appealThanks'
  | 'appealWrong'
  | 'appealNotSuspended'
  | 'appealAlready'
  | 'appealLocked'
  | 'appealLocked_one'
  | 'appealOf';

export const messages: Messages<Key> = {
  en: {
    moderate: 'Moderate…',
    memberTitle: 'Moderating {nickname}',
    goodStanding: '{nickname} is in good standing.',
    suspendedUntil: 'Suspended until {until}: {reason}',
    banned: 'Banned: {reason}',
    warningsTitle: 'Warnings',
    noWarnings: 'No warnings.',
    warningRead: 'read',
    warningUnread: 'not read yet',
    warnTitle: 'Warn',
    warnButton: 'Send the warning',
    suspendTitle: 'Suspend',
    days: 'For how many days',
    suspendButton: 'Suspend now',
    banTitle: 'Ban',
    banButton: 'Ban for good',
    liftTitle: 'Lift the suspension',
    liftButton: 'Lift it',
    reason: 'Why',
    reasonHint: 'The member reads this, and so do other moderators in the log. 3 to 500 characters.',
    reasonMissing: 'Say why in {min} to {max} characters: the member reads it.',
    fixTitle: 'Please fix this',
    historyTitle: 'What moderators decided',
    logTitle: 'Moderation log',
    logEmpty: 'No decisions yet.',
    older: 'Older',
    site: 'the site',
    action_suspended: 'suspended {member} until {until}',
    action_banned: 'banned {member}',
    action_lifted: 'lifted the suspension of {member}',
    action_warned: 'warned {member}',
    'action_registration-approved': 'approved the sign-up of {member}',
    'action_registration-rejected': 'sent back the sign-up of {member}',
    'action_photo-approved': 'approved a photo of {member}',
    'action_photo-rejected': 'rejected a photo of {member}',
    'action_about-approved': 'approved the about-me of {member}',
    'action_about-rejected': 'rejected the about-me of {member}',
    'action_nickname-approved': 'approved the new nickname of {member}',
    'action_nickname-rejected': 'turned down the new nickname of {member}',
    'action_reports-dismissed': 'dismissed reports about {member}',
    'action_reports-handled': 'closed reports about {member} as handled',
    'action_appeal-refused': 'refused the appeal of {member}: the decision stands',
    'action_photo-removed': 'removed a reported photo of {member}',
    'action_diary-removed': 'removed a reported diary post of {member}',
    'action_about-removed': 'removed the reported about-me of {member}',
    done_warned: 'The warning is sent: it stands in front of their next page.',
    done_suspended: 'Suspended: they are logged out and hidden everywhere.',
    done_banned: 'Banned: they are logged out and hidden everywhere.',
    done_lifted: 'Lifted: they can log in and are seen again.',
    yourWarningTitle: 'A warning from the moderators',
    yourWarningText: 'On {date} a moderator warned you:',
    readButton: 'I have read this',
    toLog: 'Moderation log',
    action_appealed: '{member} appealed',
    appealTitle: 'Appeal a suspension',
    appealIntro:
      'Tell the moderators, in your own words, why the decision should change. You can appeal each decision once; a moderator you have not met reads it.',
    email: 'Email',
    password: 'Password',
    appealText: 'Your appeal',
    appealHint: '3 to 2,000 characters.',
    appealLength: 'Say why in {min} to {max} characters.',
    appealButton: 'Send my appeal',
    appealThanks: 'Your appeal is with the moderators. If they lift the suspension, you can log in again.',
    appealWrong: 'Email or password is wrong',
    appealNotSuspended: 'This account is not suspended: you can simply log in.',
    appealAlready: 'You appealed this decision already: the moderators have your words.',
    appealLocked: 'Too many attempts. Try again in {n} minutes.',
    appealLocked_one: 'Too many attempts. Try again in {n} minute.',
    appealOf: 'Their appeal ({date}):',
  },
  sv: {
    moderate: 'Moderera…',
    memberTitle: 'Modererar {nickname}',
    goodStanding: '{nickname} har inga anmärkningar.',
    suspendedUntil: 'Avstängd till {until}: {reason}',
    banned: 'Bannlyst: {reason}',
    warningsTitle: 'Varningar',
    noWarnings: 'Inga varningar.',
    warningRead: 'läst',
    warningUnread: 'inte läst än',
    warnTitle: 'Varna',
    warnButton: 'Skicka varningen',
    suspendTitle: 'Stäng av',
    days: 'Hur många dagar',
    suspendButton: 'Stäng av nu',
    banTitle: 'Bannlys',
    banButton: 'Bannlys för gott',
    liftTitle: 'Häv avstängningen',
    liftButton: 'Häv den',
    reason: 'Varför',
    reasonHint: 'Medlemmen läser detta, och andra moderatorer i loggen. 3 till 500 tecken.',
    reasonMissing: 'Skriv varför med {min} till {max} tecken: medlemmen läser det.',
    fixTitle: 'Rätta detta',
    historyTitle: 'Vad moderatorerna beslutat',
    logTitle: 'Moderationslogg',
    logEmpty: 'Inga beslut än.',
    older: 'Äldre',
    site: 'webbplatsen',
    action_suspended: 'stängde av {member} till {until}',
    action_banned: 'bannlyste {member}',
    action_lifted: 'hävde avstängningen av {member}',
    action_warned: 'varnade {member}',
    'action_registration-approved': 'godkände medlemsansökan från {member}',
    'action_registration-rejected': 'skickade tillbaka medlemsansökan från {member}',
    'action_photo-approved': 'godkände ett foto av {member}',
    'action_photo-rejected': 'avvisade ett foto av {member}',
    'action_about-approved': 'godkände om mig-texten av {member}',
    'action_about-rejected': 'avvisade om mig-texten av {member}',
    'action_nickname-approved': 'godkände det nya smeknamnet för {member}',
    'action_nickname-rejected': 'avslog det nya smeknamnet för {member}',
    'action_reports-dismissed': 'avfärdade anmälningar om {member}',
    'action_reports-handled': 'stängde anmälningar om {member} som hanterade',
    'action_appeal-refused': 'avslog överklagandet från {member}: beslutet står fast',
    'action_photo-removed': 'tog bort ett anmält foto av {member}',
    'action_diary-removed': 'tog bort ett anmält dagboksinlägg av {member}',
    'action_about-removed': 'tog bort den anmälda om mig-texten av {member}',
    done_warned: 'Varningen är skickad: den möter medlemmen på nästa sida.',
    done_suspended: 'Avstängd: utloggad och dold överallt.',
    done_banned: 'Bannlyst: utloggad och dold överallt.',
    done_lifted: 'Hävd: medlemmen kan logga in och syns igen.',
    yourWarningTitle: 'En varning från moderatorerna',
    yourWarningText: 'Den {date} varnade en moderator dig:',
    readButton: 'Jag har läst detta',
    toLog: 'Moderationslogg',
    action_appealed: '{member} överklagade',
    appealTitle: 'Överklaga en avstängning',
    appealIntro:
      'Berätta för moderatorerna, med egna ord, varför beslutet bör ändras. Du kan överklaga varje beslut en gång.',
    email: 'E-post',
    password: 'Lösenord',
    appealText: 'Din överklagan',
    appealHint: '3 till 2 000 tecken.',
    appealLength: 'Skriv varför med {min} till {max} tecken.',
    appealButton: 'Skicka min överklagan',
    appealThanks: 'Din överklagan har nått moderatorerna. Om de häver avstängningen kan du logga in igen.',
    appealWrong: 'E-post eller lösenord är fel',
    appealNotSuspended: 'Kontot är inte avstängt: du kan logga in som vanligt.',
    appealAlready: 'Du har redan överklagat beslutet: moderatorerna har dina ord.',
    appealLocked: 'För många försök. Försök igen om {n} minuter.',
    appealLocked_one: 'För många försök. Försök igen om {n} minut.',
    appealOf: 'Deras överklagan ({date}):',
  },
  fi: {
    moderate: 'Moderoi…',
    memberTitle: 'Moderoidaan: {nickname}',
    goodStanding: '{nickname}: ei huomautuksia.',
    suspendedUntil: 'Jäädytetty {until} asti: {reason}',
    banned: 'Estetty pysyvästi: {reason}',
    warningsTitle: 'Varoitukset',
    noWarnings: 'Ei varoituksia.',
    warningRead: 'luettu',
    warningUnread: 'ei vielä luettu',
    warnTitle: 'Varoita',
    warnButton: 'Lähetä varoitus',
    suspendTitle: 'Jäädytä',
    days: 'Montako päivää',
    suspendButton: 'Jäädytä nyt',
    banTitle: 'Estä pysyvästi',
    banButton: 'Estä pysyvästi',
    liftTitle: 'Poista jäädytys',
    liftButton: 'Poista',
    reason: 'Miksi',
    reasonHint: 'Jäsen lukee tämän, samoin muut moderaattorit lokista. 3–500 merkkiä.',
    reasonMissing: 'Kerro syy {min}–{max} merkillä: jäsen lukee sen.',
    fixTitle: 'Korjaa tämä',
    historyTitle: 'Moderaattorien päätökset',
    logTitle: 'Moderointiloki',
    logEmpty: 'Ei vielä päätöksiä.',
    older: 'Vanhemmat',
    site: 'sivusto',
    action_suspended: 'jäädytti jäsenen {member} {until} asti',
    action_banned: 'esti jäsenen {member} pysyvästi',
    action_lifted: 'poisti jäsenen {member} jäädytyksen',
    action_warned: 'varoitti jäsentä {member}',
    'action_registration-approved': 'hyväksyi jäsenen {member} liittymisen',
    'action_registration-rejected': 'palautti jäsenen {member} liittymisen',
    'action_photo-approved': 'hyväksyi jäsenen {member} kuvan',
    'action_photo-rejected': 'hylkäsi jäsenen {member} kuvan',
    'action_about-approved': 'hyväksyi jäsenen {member} esittelyn',
    'action_about-rejected': 'hylkäsi jäsenen {member} esittelyn',
    'action_nickname-approved': 'hyväksyi jäsenen {member} uuden nimimerkin',
    'action_nickname-rejected': 'hylkäsi jäsenen {member} uuden nimimerkin',
    'action_reports-dismissed': 'hylkäsi ilmoitukset jäsenestä {member}',
    'action_reports-handled': 'merkitsi ilmoitukset jäsenestä {member} käsitellyiksi',
    'action_appeal-refused': 'hylkäsi jäsenen {member} valituksen: päätös pysyy',
    'action_photo-removed': 'poisti ilmoitetun kuvan jäseneltä {member}',
    'action_diary-removed': 'poisti ilmoitetun päiväkirjamerkinnän jäseneltä {member}',
    'action_about-removed': 'poisti jäsenen {member} ilmoitetun esittelyn',
    done_warned: 'Varoitus on lähetetty: se näkyy jäsenen seuraavalla sivulla.',
    done_suspended: 'Jäädytetty: kirjattu ulos ja piilotettu kaikkialta.',
    done_banned: 'Estetty: kirjattu ulos ja piilotettu kaikkialta.',
    done_lifted: 'Poistettu: jäsen voi kirjautua ja näkyy taas.',
    yourWarningTitle: 'Varoitus moderaattoreilta',
    yourWarningText: '{date} moderaattori varoitti sinua:',
    readButton: 'Olen lukenut tämän',
    toLog: 'Moderointiloki',
    action_appealed: '{member} valitti',
    appealTitle: 'Valita jäädytyksestä',
    appealIntro:
      'Kerro moderaattoreille omin sanoin, miksi päätöstä pitäisi muuttaa. Voit valittaa kustakin päätöksestä kerran.',
    email: 'Sähköposti',
    password: 'Salasana',
    appealText: 'Valituksesi',
    appealHint: '3–2 000 merkkiä.',
    appealLength: 'Kerro syy {min}–{max} merkillä.',
    appealButton: 'Lähetä valitukseni',
    appealThanks: 'Valituksesi on moderaattoreilla. Jos he poistavat jäädytyksen, voit kirjautua taas.',
    appealWrong: 'Sähköposti tai salasana on väärin',
    appealNotSuspended: 'Tiliä ei ole jäädytetty: voit kirjautua normaalisti.',
    appealAlready: 'Olet jo valittanut tästä päätöksestä: moderaattoreilla on sanasi.',
    appealLocked: 'Liian monta yritystä. Yritä uudelleen {n} minuutin kuluttua.',
    appealOf: 'Hänen valituksensa ({date}):',
  },
};
