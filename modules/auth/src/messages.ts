import { formatMoment, translator, type Language, type Messages, type Translate } from '@meetcute/web';
import { PASSWORD_MAX, PASSWORD_MIN, waitMinutes, type PasswordProblem } from './rules.ts';

type Key =
  | 'loginTitle'
  | 'email'
  | 'password'
  | 'loginButton'
  | 'noAccount'
  | 'signUp'
  | 'loginFailed'
  | 'lockedTitle'
  | 'lockedMinutes'
  | 'lockedMinutes_one'
  | 'forgotLimited_one'
  | 'emailResendLimited_one'
  | 'fixTitle'
  | 'required'
  | 'loggedOutEverywhere'
  | 'accountDeleted'
  | 'accountTitle'
  | 'changePasswordTitle'
  | 'currentPassword'
  | 'newPassword'
  | 'newPasswordHint'
  | 'changePasswordButton'
  | 'wrongCurrent'
  | 'tooShort'
  | 'tooLong'
  | 'sameAsCurrent'
  | 'common'
  | 'passwordChanged'
  | 'everywhereTitle'
  | 'everywhereText'
  | 'sessionCount'
  | 'everywhereButton'
  | 'forgotLink'
  | 'forgotTitle'
  | 'forgotText'
  | 'forgotButton'
  | 'forgotSentTitle'
  | 'forgotSent'
  | 'forgotLimited'
  | 'resetTitle'
  | 'resetButton'
  | 'resetBadLinkTitle'
  | 'resetBadLink'
  | 'resetAgain'
  | 'passwordReset'
  | 'emailTitle'
  | 'emailConfirmedState'
  | 'emailUnconfirmedState'
  | 'emailResendButton'
  | 'emailResent'
  | 'emailResendLimited'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmButton'
  | 'confirmDone'
  | 'confirmAlready'
  | 'confirmBadLink'
  | 'toAccount'
  | 'changeEmailTitle'
  | 'newEmail'
  | 'changeEmailButton'
  | 'changeEmailSent'
  | 'emailInvalid'
  | 'emailSame'
  | 'changeTitle'
  | 'changeText'
  | 'changeButton'
  | 'changeDone'
  | 'changeTaken'
  | 'changeBadLink'
  | 'appealLink'
  | 'suspendedTitle'
  | 'suspendedUntil'
  | 'bannedText';

export const messages: Messages<Key> = {
  en: {
    loginTitle: 'Log in',
    email: 'Email',
    password: 'Password',
    loginButton: 'Log in',
    noAccount: 'No account yet?',
    signUp: 'Sign up',
    loginFailed: 'Email or password is wrong',
    lockedTitle: 'Too many attempts',
    lockedMinutes: 'Too many failed log-ins. Try again in {n} minutes.',
    lockedMinutes_one: 'Too many failed log-ins. Try again in {n} minute.',
    fixTitle: 'Please fix this',
    required: '{field} is missing',
    loggedOutEverywhere: 'You are now logged out on every device.',
    accountDeleted: 'Your account is deleted, and everything about you with it. Take care!',
    accountTitle: 'Your account',
    changePasswordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint:
      '{min} to {max} characters. A few unrelated words are easy to remember and hard to guess.',
    changePasswordButton: 'Change password',
    wrongCurrent: 'This is not your current password',
    tooShort: 'Use at least {min} characters',
    tooLong: 'Use at most {max} characters',
    sameAsCurrent: 'Choose a password different from your current one',
    common:
      'This password is one of the first that attackers try. Choose another, perhaps a few unrelated words',
    passwordChanged: 'Your password is changed. Other devices were logged out.',
    everywhereTitle: 'Log out everywhere',
    everywhereText: 'Lost a phone or used a shared computer? This ends every session, this one too.',
    sessionCount: 'Open sessions: {count}',
    everywhereButton: 'Log out everywhere',
    forgotLink: 'Forgot your password?',
    forgotTitle: 'Forgot your password?',
    forgotText:
      'Give the email address you log in with. We send a link to it for choosing a new password; it works for an hour.',
    forgotButton: 'Send me a link',
    forgotSentTitle: 'Check your mail',
    forgotSent:
      'If {email} belongs to a member, a link to choose a new password is on its way. It works for an hour. Nothing arrived? Look in the spam folder, or ask again.',
    forgotLimited: 'Too many links asked for from here. Try again in {n} minutes.',
    forgotLimited_one: 'Too many links asked for from here. Try again in {n} minute.',
    resetTitle: 'Choose a new password',
    resetButton: 'Set my new password',
    resetBadLinkTitle: 'This link does not work any more',
    resetBadLink:
      'A link to choose a new password works once, for an hour, and not after the password was changed another way.',
    resetAgain: 'Send me a new link',
    passwordReset: 'Your new password is set and every device was logged out. Log in with it.',
    emailTitle: 'Email address',
    emailConfirmedState: '{email} is confirmed.',
    emailUnconfirmedState:
      '{email} is not confirmed yet: follow the link we sent to it, so you can get back in if you forget your password.',
    emailResendButton: 'Send the link again',
    emailResent: 'A new link is on its way to your address. It works for a week.',
    emailResendLimited: 'Links were sent a few times already. Try again in {n} minutes.',
    emailResendLimited_one: 'Links were sent a few times already. Try again in {n} minute.',
    confirmTitle: 'Confirm your email address',
    confirmText: 'This confirms that the address the link was sent to is yours.',
    confirmButton: 'Confirm my address',
    confirmDone: 'Your email address is confirmed. Thank you!',
    confirmAlready: 'This address was confirmed already.',
    confirmBadLink:
      'This link does not work: it expired after a week, or the address changed since. Ask for a new one on your account page.',
    toAccount: 'Your account',
    changeEmailTitle: 'Log in with another address',
    newEmail: 'New email address',
    changeEmailButton: 'Send a link to the new address',
    changeEmailSent:
      'A link is on its way to the new address. Until you follow it (within a day), you log in with the old one.',
    emailInvalid: 'Give an email address, like name@example.com',
    emailSame: 'This is already your address',
    changeTitle: 'Your new email address',
    changeText: 'This makes {email} the address you log in with and get mail at.',
    changeButton: 'Use this address',
    changeDone: 'Done: you log in with your new address from now on.',
    changeTaken: 'Another account uses this address now, so it cannot be yours. Ask again with another one.',
    changeBadLink:
      'This link does not work: it expired after a day, or was used. Ask again on your account page.',
    appealLink: 'Think it is a mistake? Appeal once, in your own words',
    suspendedTitle: 'Your account is suspended',
    suspendedUntil: 'A moderator suspended your account until {until} (UTC): {reason}',
    bannedText: 'The moderators closed your account for good: {reason}',
  },
  sv: {
    loginTitle: 'Logga in',
    email: 'E-post',
    password: 'Lösenord',
    loginButton: 'Logga in',
    noAccount: 'Inget konto än?',
    signUp: 'Bli medlem',
    loginFailed: 'E-post eller lösenord är fel',
    lockedTitle: 'För många försök',
    lockedMinutes: 'För många misslyckade inloggningar. Försök igen om {n} minuter.',
    lockedMinutes_one: 'För många misslyckade inloggningar. Försök igen om {n} minut.',
    fixTitle: 'Rätta detta',
    required: '{field} saknas',
    loggedOutEverywhere: 'Du är nu utloggad på alla enheter.',
    accountDeleted: 'Ditt konto är raderat, och allt om dig med det. Ha det så bra!',
    accountTitle: 'Ditt konto',
    changePasswordTitle: 'Byt lösenord',
    currentPassword: 'Nuvarande lösenord',
    newPassword: 'Nytt lösenord',
    newPasswordHint:
      '{min} till {max} tecken. Några orelaterade ord är lätta att minnas och svåra att gissa.',
    changePasswordButton: 'Byt lösenord',
    wrongCurrent: 'Det här är inte ditt nuvarande lösenord',
    tooShort: 'Använd minst {min} tecken',
    tooLong: 'Använd högst {max} tecken',
    sameAsCurrent: 'Välj ett annat lösenord än ditt nuvarande',
    common:
      'Det här lösenordet är ett av de första som angripare provar. Välj ett annat, kanske några orelaterade ord',
    passwordChanged: 'Ditt lösenord är bytt. Andra enheter loggades ut.',
    everywhereTitle: 'Logga ut överallt',
    everywhereText:
      'Tappat telefonen eller använt en delad dator? Detta avslutar alla sessioner, även den här.',
    sessionCount: 'Öppna sessioner: {count}',
    everywhereButton: 'Logga ut överallt',
    forgotLink: 'Glömt lösenordet?',
    forgotTitle: 'Glömt lösenordet?',
    forgotText:
      'Ange e-postadressen du loggar in med. Vi skickar en länk dit för att välja ett nytt lösenord; den fungerar i en timme.',
    forgotButton: 'Skicka mig en länk',
    forgotSentTitle: 'Titta i din e-post',
    forgotSent:
      'Om {email} tillhör en medlem är en länk för att välja nytt lösenord på väg. Den fungerar i en timme. Kom inget? Titta i skräpposten, eller be om en ny.',
    forgotLimited: 'För många länkar begärda härifrån. Försök igen om {n} minuter.',
    forgotLimited_one: 'För många länkar begärda härifrån. Försök igen om {n} minut.',
    resetTitle: 'Välj ett nytt lösenord',
    resetButton: 'Spara mitt nya lösenord',
    resetBadLinkTitle: 'Den här länken fungerar inte längre',
    resetBadLink:
      'En länk för att välja nytt lösenord fungerar en gång, i en timme, och inte efter att lösenordet bytts på annat sätt.',
    resetAgain: 'Skicka mig en ny länk',
    passwordReset: 'Ditt nya lösenord är sparat och alla enheter loggades ut. Logga in med det.',
    emailTitle: 'E-postadress',
    emailConfirmedState: '{email} är bekräftad.',
    emailUnconfirmedState:
      '{email} är inte bekräftad än: följ länken vi skickade dit, så kan du komma in igen om du glömmer lösenordet.',
    emailResendButton: 'Skicka länken igen',
    emailResent: 'En ny länk är på väg till din adress. Den fungerar i en vecka.',
    emailResendLimited: 'Länkar har redan skickats några gånger. Försök igen om {n} minuter.',
    emailResendLimited_one: 'Länkar har redan skickats några gånger. Försök igen om {n} minut.',
    confirmTitle: 'Bekräfta din e-postadress',
    confirmText: 'Detta bekräftar att adressen länken skickades till är din.',
    confirmButton: 'Bekräfta min adress',
    confirmDone: 'Din e-postadress är bekräftad. Tack!',
    confirmAlready: 'Adressen var redan bekräftad.',
    confirmBadLink:
      'Länken fungerar inte: den gick ut efter en vecka, eller så har adressen ändrats. Be om en ny på din kontosida.',
    toAccount: 'Ditt konto',
    changeEmailTitle: 'Logga in med en annan adress',
    newEmail: 'Ny e-postadress',
    changeEmailButton: 'Skicka en länk till den nya adressen',
    changeEmailSent:
      'En länk är på väg till den nya adressen. Tills du följer den (inom ett dygn) loggar du in med den gamla.',
    emailInvalid: 'Ange en e-postadress, som namn@example.com',
    emailSame: 'Det här är redan din adress',
    changeTitle: 'Din nya e-postadress',
    changeText: 'Detta gör {email} till adressen du loggar in med och får e-post till.',
    changeButton: 'Använd den här adressen',
    changeDone: 'Klart: du loggar in med din nya adress från och med nu.',
    changeTaken: 'Ett annat konto använder nu adressen, så den kan inte bli din. Försök igen med en annan.',
    changeBadLink:
      'Länken fungerar inte: den gick ut efter ett dygn, eller har använts. Försök igen på din kontosida.',
    appealLink: 'Tror du att det är ett misstag? Överklaga en gång, med egna ord',
    suspendedTitle: 'Ditt konto är avstängt',
    suspendedUntil: 'En moderator har stängt av ditt konto till {until} (UTC): {reason}',
    bannedText: 'Moderatorerna har stängt ditt konto för gott: {reason}',
  },
  fi: {
    loginTitle: 'Kirjaudu',
    email: 'Sähköposti',
    password: 'Salasana',
    loginButton: 'Kirjaudu',
    noAccount: 'Eikö sinulla ole vielä tiliä?',
    signUp: 'Liity',
    loginFailed: 'Sähköposti tai salasana on väärin',
    lockedTitle: 'Liian monta yritystä',
    lockedMinutes: 'Liian monta epäonnistunutta kirjautumista. Yritä uudelleen {n} minuutin kuluttua.',
    fixTitle: 'Korjaa tämä',
    required: '{field} puuttuu',
    loggedOutEverywhere: 'Olet nyt kirjautunut ulos kaikilla laitteilla.',
    accountDeleted: 'Tilisi on poistettu ja kaikki tietosi sen mukana. Pidä huolta itsestäsi!',
    accountTitle: 'Tilisi',
    changePasswordTitle: 'Vaihda salasana',
    currentPassword: 'Nykyinen salasana',
    newPassword: 'Uusi salasana',
    newPasswordHint:
      '{min}–{max} merkkiä. Muutama toisiinsa liittymätön sana on helppo muistaa ja vaikea arvata.',
    changePasswordButton: 'Vaihda salasana',
    wrongCurrent: 'Tämä ei ole nykyinen salasanasi',
    tooShort: 'Käytä vähintään {min} merkkiä',
    tooLong: 'Käytä enintään {max} merkkiä',
    sameAsCurrent: 'Valitse eri salasana kuin nykyinen',
    common:
      'Tämä salasana on hyökkääjien ensimmäisiä kokeiluja. Valitse toinen, vaikkapa muutama toisiinsa liittymätön sana',
    passwordChanged: 'Salasanasi on vaihdettu. Muut laitteet kirjattiin ulos.',
    everywhereTitle: 'Kirjaudu ulos kaikkialta',
    everywhereText: 'Kadonnut puhelin tai yhteinen tietokone? Tämä päättää kaikki istunnot, myös tämän.',
    sessionCount: 'Avoimia istuntoja: {count}',
    everywhereButton: 'Kirjaudu ulos kaikkialta',
    forgotLink: 'Unohditko salasanasi?',
    forgotTitle: 'Unohditko salasanasi?',
    forgotText:
      'Anna sähköpostiosoite, jolla kirjaudut. Lähetämme siihen linkin uuden salasanan valitsemiseen; se toimii tunnin.',
    forgotButton: 'Lähetä minulle linkki',
    forgotSentTitle: 'Katso sähköpostisi',
    forgotSent:
      'Jos {email} kuuluu jäsenelle, linkki uuden salasanan valitsemiseen on matkalla. Se toimii tunnin. Eikö mitään tullut? Katso roskapostikansio tai pyydä uudelleen.',
    forgotLimited: 'Täältä on pyydetty liian monta linkkiä. Yritä uudelleen {n} minuutin kuluttua.',
    resetTitle: 'Valitse uusi salasana',
    resetButton: 'Tallenna uusi salasanani',
    resetBadLinkTitle: 'Tämä linkki ei enää toimi',
    resetBadLink:
      'Linkki uuden salasanan valitsemiseen toimii kerran, tunnin ajan, eikä enää sen jälkeen, kun salasana on vaihdettu muuten.',
    resetAgain: 'Lähetä minulle uusi linkki',
    passwordReset: 'Uusi salasanasi on tallennettu ja kaikki laitteet kirjattiin ulos. Kirjaudu sillä.',
    emailTitle: 'Sähköpostiosoite',
    emailConfirmedState: '{email} on vahvistettu.',
    emailUnconfirmedState:
      '{email} ei ole vielä vahvistettu: seuraa siihen lähettämäämme linkkiä, niin pääset takaisin, jos unohdat salasanasi.',
    emailResendButton: 'Lähetä linkki uudelleen',
    emailResent: 'Uusi linkki on matkalla osoitteeseesi. Se toimii viikon.',
    emailResendLimited: 'Linkkejä on jo lähetetty muutaman kerran. Yritä uudelleen {n} minuutin kuluttua.',
    confirmTitle: 'Vahvista sähköpostiosoitteesi',
    confirmText: 'Tämä vahvistaa, että osoite, johon linkki lähetettiin, on sinun.',
    confirmButton: 'Vahvista osoitteeni',
    confirmDone: 'Sähköpostiosoitteesi on vahvistettu. Kiitos!',
    confirmAlready: 'Osoite oli jo vahvistettu.',
    confirmBadLink:
      'Linkki ei toimi: se vanheni viikossa, tai osoite on muuttunut sen jälkeen. Pyydä uusi tilisivultasi.',
    toAccount: 'Tilisi',
    changeEmailTitle: 'Kirjaudu toisella osoitteella',
    newEmail: 'Uusi sähköpostiosoite',
    changeEmailButton: 'Lähetä linkki uuteen osoitteeseen',
    changeEmailSent:
      'Linkki on matkalla uuteen osoitteeseen. Kunnes seuraat sitä (vuorokauden sisällä), kirjaudut vanhalla.',
    emailInvalid: 'Anna sähköpostiosoite, kuten nimi@example.com',
    emailSame: 'Tämä on jo osoitteesi',
    changeTitle: 'Uusi sähköpostiosoitteesi',
    changeText: 'Tämä tekee osoitteesta {email} sen, jolla kirjaudut ja saat postia.',
    changeButton: 'Käytä tätä osoitetta',
    changeDone: 'Valmis: kirjaudut tästä lähtien uudella osoitteellasi.',
    changeTaken: 'Toinen tili käyttää nyt tätä osoitetta, joten se ei voi olla sinun. Yritä toisella.',
    changeBadLink: 'Linkki ei toimi: se vanheni vuorokaudessa tai on käytetty. Yritä uudelleen tilisivulla.',
    appealLink: 'Onko kyse virheestä? Valita kerran, omin sanoin',
    suspendedTitle: 'Tilisi on jäädytetty',
    suspendedUntil: 'Moderaattori jäädytti tilisi {until} asti (UTC): {reason}',
    bannedText: 'Moderaattorit sulkivat tilisi pysyvästi: {reason}',
  },
};

export type { Key as MessageKey };

/** The API speaks English; pages speak the member's language. */
export const english: Translate<Key> = translator(messages, 'en');

/** The message for a wait in seconds (slowed account or stopped address), in whole minutes. */
export function lockedMessage(t: Translate<Key>, seconds: number): string {
  return t('lockedMinutes', { n: waitMinutes(seconds) });
}

/** How long to wait, for a limit on links asked for. */
export function limitedMessage(
  t: Translate<Key>,
  key: 'forgotLimited' | 'emailResendLimited',
  seconds: number,
): string {
  return t(key, { n: waitMinutes(seconds) });
}

/** Why a member who knows their password still cannot log in. */
export function suspendedMessage(
  t: Translate<Key>,
  language: Language,
  until: string | null,
  reason: string,
): string {
  if (until === null) return t('bannedText', { reason });
  // Someone not logged in has no time zone we know: the time is in UTC, and says so.
  return t('suspendedUntil', { until: formatMoment(language, 'UTC', until, 'date-time'), reason });
}

/** What to tell a member about a password that was not accepted. */
export function passwordMessage(t: Translate<Key>, problem: PasswordProblem | 'wrong'): string {
  switch (problem) {
    case 'wrong':
      return t('wrongCurrent');
    case 'tooShort':
      return t('tooShort', { min: PASSWORD_MIN });
    case 'tooLong':
      return t('tooLong', { max: PASSWORD_MAX });
    case 'sameAsCurrent':
      return t('sameAsCurrent');
    case 'common':
      return t('common');
  }
}
