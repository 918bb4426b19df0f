import { translator, type Messages, type Translate } from '@meetcute/web';
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
  | 'lockedMinute'
  | 'lockedMinutes'
  | 'fixTitle'
  | 'required'
  | 'loggedOutEverywhere'
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
  | 'passwordChanged'
  | 'everywhereTitle'
  | 'everywhereText'
  | 'sessionCount'
  | 'everywhereButton';

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
    lockedMinute: 'Too many failed log-ins. Try again in 1 minute.',
    lockedMinutes: 'Too many failed log-ins. Try again in {minutes} minutes.',
    fixTitle: 'Please fix this',
    required: '{field} is missing',
    loggedOutEverywhere: 'You are now logged out on every device.',
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
    passwordChanged: 'Your password is changed. Other devices were logged out.',
    everywhereTitle: 'Log out everywhere',
    everywhereText: 'Lost a phone or used a shared computer? This ends every session, this one too.',
    sessionCount: 'Open sessions: {count}',
    everywhereButton: 'Log out everywhere',
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
    lockedMinute: 'För många misslyckade inloggningar. Försök igen om 1 minut.',
    lockedMinutes: 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
    fixTitle: 'Rätta detta',
    required: '{field} saknas',
    loggedOutEverywhere: 'Du är nu utloggad på alla enheter.',
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
    passwordChanged: 'Ditt lösenord är bytt. Andra enheter loggades ut.',
    everywhereTitle: 'Logga ut överallt',
    everywhereText:
      'Tappat telefonen eller använt en delad dator? Detta avslutar alla sessioner, även den här.',
    sessionCount: 'Öppna sessioner: {count}',
    everywhereButton: 'Logga ut överallt',
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
    lockedMinute: 'Liian monta epäonnistunutta kirjautumista. Yritä uudelleen 1 minuutin kuluttua.',
    lockedMinutes: 'Liian monta epäonnistunutta kirjautumista. Yritä uudelleen {minutes} minuutin kuluttua.',
    fixTitle: 'Korjaa tämä',
    required: '{field} puuttuu',
    loggedOutEverywhere: 'Olet nyt kirjautunut ulos kaikilla laitteilla.',
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
    passwordChanged: 'Salasanasi on vaihdettu. Muut laitteet kirjattiin ulos.',
    everywhereTitle: 'Kirjaudu ulos kaikkialta',
    everywhereText: 'Kadonnut puhelin tai yhteinen tietokone? Tämä päättää kaikki istunnot, myös tämän.',
    sessionCount: 'Avoimia istuntoja: {count}',
    everywhereButton: 'Kirjaudu ulos kaikkialta',
  },
};

export type { Key as MessageKey };

/** The API speaks English; pages speak the member's language. */
export const english: Translate<Key> = translator(messages, 'en');

/** The lock-out message for a wait in seconds, in whole minutes. */
export function lockedMessage(t: Translate<Key>, seconds: number): string {
  const minutes = waitMinutes(seconds);
  return minutes === 1 ? t('lockedMinute') : t('lockedMinutes', { minutes });
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
  }
}
