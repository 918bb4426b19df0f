import type { LinkTokens } from '@meetcute/core';
import { confirmationSubject, LINKS } from '@meetcute/auth/events';
import {
  formatMoment,
  html,
  raw,
  translator,
  type Language,
  type Messages,
  type Translate,
} from '@meetcute/web';
import type { QueuedMail } from './store.ts';

type Key =
  | 'welcomeSubject'
  | 'welcomeIntro'
  | 'confirmSubject'
  | 'confirmIntro'
  | 'confirmAction'
  | 'confirmExpiry'
  | 'resetSubject'
  | 'resetIntro'
  | 'resetAction'
  | 'resetExpiry'
  | 'resetNotYou'
  | 'setupSubject'
  | 'setupIntro'
  | 'setupAction'
  | 'setupExpiry'
  | 'changeSubject'
  | 'changeIntro'
  | 'changeAction'
  | 'changeExpiry'
  | 'changeNotYou'
  | 'movedSubject'
  | 'movedIntro'
  | 'movedNotYou'
  | 'lockedSubject'
  | 'lockedIntro'
  | 'lockedNotYou'
  | 'changedSubject'
  | 'changedIntro'
  | 'changedNotYou'
  | 'changedAction'
  | 'factorOnSubject'
  | 'factorOnIntro'
  | 'factorOffSubject'
  | 'factorOffIntro'
  | 'factorNotYou'
  | 'attemptSubject'
  | 'attemptIntro'
  | 'attemptAdvice'
  | 'loginAction'
  | 'approvedSubject'
  | 'approvedIntro'
  | 'approvedAction'
  | 'sentBackSubject'
  | 'sentBackIntro'
  | 'sentBackReason'
  | 'sentBackAction'
  | 'signature';

const messages: Messages<Key> = {
  en: {
    attemptSubject: 'Someone tried to sign up to Meetcute with your address',
    attemptIntro:
      'Someone just tried to create a new Meetcute account with this email address, which already belongs to your account. No new account was made.',
    attemptAdvice:
      'If it was you: you already have an account. Log in, or choose a new password if you have forgotten it. If it was not you, ignore this mail: nothing has changed.',
    loginAction: 'Log in',
    welcomeSubject: 'Welcome to Meetcute: please confirm your address',
    welcomeIntro:
      'Thank you for signing up! A moderator looks at every new profile, and you will hear from us when yours is approved.',
    confirmSubject: 'Confirm your email address for Meetcute',
    confirmIntro:
      'Please confirm that this address is yours, so you can get back in if you ever forget your password.',
    confirmAction: 'Confirm my address',
    confirmExpiry: 'The link works for a week.',
    resetSubject: 'Choose a new Meetcute password',
    resetIntro:
      'Someone, hopefully you, asked to choose a new password for the Meetcute account of this address.',
    resetAction: 'Choose a new password',
    resetExpiry: 'The link works once, for an hour. Choosing a new password logs you out on every device.',
    resetNotYou: 'Did not ask for it? Then ignore this mail: your password stays as it is.',
    setupSubject: 'Your community has moved to Meetcute: choose your password',
    setupIntro:
      'Your dating community now lives on Meetcute, with your profile, photos and conversations. Your old password could not come along, so please choose a new one to log in with this address.',
    setupAction: 'Choose my password',
    setupExpiry: 'The link works for two weeks. Afterwards, use “Forgot your password?” on the log-in page.',
    changeSubject: 'Confirm your new Meetcute address',
    changeIntro: 'A Meetcute member asked to log in with this address from now on.',
    changeAction: 'Use this address',
    changeExpiry: 'The link works for a day. Until it is followed, nothing changes.',
    changeNotYou: 'Did not ask for it? Then ignore this mail.',
    movedSubject: 'Your Meetcute address was changed',
    movedIntro:
      'Your Meetcute account now uses {email} to log in and for mail. This address is no longer used.',
    movedNotYou: 'Was it not you? Choose a new password at once, then write to the moderators:',
    lockedSubject: 'Log-in to your Meetcute account is slowed down',
    lockedIntro:
      'Several wrong passwords were tried on your Meetcute account, so log-in waits until {until} (UTC), and a little longer after each further wrong password.',
    lockedNotYou: 'Was it not you? Your password is still safe, but you can choose a new one now:',
    changedSubject: 'Your Meetcute password was changed',
    changedIntro:
      'The password of your Meetcute account was just changed, and other devices were logged out.',
    changedNotYou: 'Was it not you? Choose a new password at once:',
    changedAction: 'Choose a new password',
    factorOnSubject: 'Two-factor authentication is on for your Meetcute account',
    factorOnIntro:
      'Logging in to your Meetcute account now asks for a code from an authenticator app as well as your password, and your other devices were logged out.',
    factorOffSubject: 'Two-factor authentication is off for your Meetcute account',
    factorOffIntro: 'Logging in to your Meetcute account now asks for your password alone.',
    factorNotYou:
      'Was it not you? Someone knows your password: choose a new one at once, then write to the moderators.',
    approvedSubject: 'Welcome in: your Meetcute profile is approved',
    approvedIntro:
      'A moderator has approved your profile: other members can find you now, and you can search, flirt and write to people.',
    approvedAction: 'Find people',
    sentBackSubject: 'Your Meetcute sign-up needs a change',
    sentBackIntro:
      'A moderator looked at your sign-up and sent it back with a note. Change what it asks and send it again: your answers are kept.',
    sentBackReason: 'The moderator wrote: “{reason}”',
    sentBackAction: 'Change my sign-up',
    signature: 'The Meetcute team',
  },
  sv: {
    attemptSubject: 'Någon försökte gå med i Meetcute med din adress',
    attemptIntro:
      'Någon försökte just skapa ett nytt Meetcute-konto med den här e-postadressen, som redan hör till ditt konto. Inget nytt konto skapades.',
    attemptAdvice:
      'Var det du? Då har du redan ett konto. Logga in, eller välj ett nytt lösenord om du har glömt det. Var det inte du kan du bortse från det här mejlet: inget har ändrats.',
    loginAction: 'Logga in',
    welcomeSubject: 'Välkommen till Meetcute: bekräfta din adress',
    welcomeIntro:
      'Tack för att du blev medlem! En moderator tittar på varje ny profil, och du hör av oss när din är godkänd.',
    confirmSubject: 'Bekräfta din e-postadress för Meetcute',
    confirmIntro:
      'Bekräfta att adressen är din, så kan du komma in igen om du någon gång glömmer lösenordet.',
    confirmAction: 'Bekräfta min adress',
    confirmExpiry: 'Länken fungerar i en vecka.',
    resetSubject: 'Välj ett nytt lösenord för Meetcute',
    resetIntro:
      'Någon, förhoppningsvis du, bad om att få välja ett nytt lösenord för Meetcute-kontot med den här adressen.',
    resetAction: 'Välj ett nytt lösenord',
    resetExpiry: 'Länken fungerar en gång, i en timme. Ett nytt lösenord loggar ut dig på alla enheter.',
    resetNotYou: 'Bad du inte om det? Strunta då i det här mejlet: ditt lösenord förblir som det är.',
    setupSubject: 'Din gemenskap har flyttat till Meetcute: välj ditt lösenord',
    setupIntro:
      'Din dejtinggemenskap finns nu på Meetcute, med din profil, dina foton och samtal. Ditt gamla lösenord kunde inte följa med, så välj ett nytt för att logga in med den här adressen.',
    setupAction: 'Välj mitt lösenord',
    setupExpiry:
      'Länken fungerar i två veckor. Därefter använder du ”Glömt lösenordet?” på inloggningssidan.',
    changeSubject: 'Bekräfta din nya adress på Meetcute',
    changeIntro: 'En medlem på Meetcute vill logga in med den här adressen från och med nu.',
    changeAction: 'Använd den här adressen',
    changeExpiry: 'Länken fungerar i ett dygn. Tills den följs ändras ingenting.',
    changeNotYou: 'Bad du inte om det? Strunta då i det här mejlet.',
    movedSubject: 'Din adress på Meetcute har ändrats',
    movedIntro:
      'Ditt Meetcute-konto använder nu {email} för inloggning och e-post. Den här adressen används inte längre.',
    movedNotYou: 'Var det inte du? Välj ett nytt lösenord genast och skriv sedan till moderatorerna:',
    lockedSubject: 'Inloggningen till ditt Meetcute-konto går långsammare',
    lockedIntro:
      'Flera felaktiga lösenord har provats på ditt Meetcute-konto, så inloggningen väntar till {until} (UTC), och lite längre efter varje nytt felaktigt lösenord.',
    lockedNotYou: 'Var det inte du? Ditt lösenord är fortfarande säkert, men du kan välja ett nytt nu:',
    changedSubject: 'Ditt lösenord på Meetcute har bytts',
    changedIntro: 'Lösenordet till ditt Meetcute-konto byttes just, och andra enheter loggades ut.',
    changedNotYou: 'Var det inte du? Välj ett nytt lösenord genast:',
    changedAction: 'Välj ett nytt lösenord',
    factorOnSubject: 'Tvåstegsverifiering är på för ditt Meetcute-konto',
    factorOnIntro:
      'Inloggningen till ditt Meetcute-konto ber nu om en kod från en autentiseringsapp utöver lösenordet, och dina andra enheter loggades ut.',
    factorOffSubject: 'Tvåstegsverifiering är av för ditt Meetcute-konto',
    factorOffIntro: 'Inloggningen till ditt Meetcute-konto ber nu bara om ditt lösenord.',
    factorNotYou:
      'Var det inte du? Någon kan ditt lösenord: välj ett nytt genast och skriv sedan till moderatorerna.',
    approvedSubject: 'Välkommen in: din profil på Meetcute är godkänd',
    approvedIntro:
      'En moderator har godkänt din profil: andra medlemmar kan hitta dig nu, och du kan söka, flörta och skriva till andra.',
    approvedAction: 'Hitta folk',
    sentBackSubject: 'Din ansökan till Meetcute behöver ändras',
    sentBackIntro:
      'En moderator har tittat på din ansökan och skickat tillbaka den med en kommentar. Ändra det som efterfrågas och skicka den igen: dina svar finns kvar.',
    sentBackReason: 'Moderatorn skrev: ”{reason}”',
    sentBackAction: 'Ändra min ansökan',
    signature: 'Meetcute-teamet',
  },
  fi: {
    attemptSubject: 'Joku yritti liittyä Meetcuteen osoitteellasi',
    attemptIntro:
      'Joku yritti juuri luoda uuden Meetcute-tilin tällä sähköpostiosoitteella, joka kuuluu jo sinun tilillesi. Uutta tiliä ei luotu.',
    attemptAdvice:
      'Olitko se sinä? Sinulla on jo tili. Kirjaudu sisään tai valitse uusi salasana, jos olet unohtanut sen. Jos et ollut, voit jättää tämän viestin huomiotta: mikään ei muuttunut.',
    loginAction: 'Kirjaudu sisään',
    welcomeSubject: 'Tervetuloa Meetcuteen: vahvista osoitteesi',
    welcomeIntro:
      'Kiitos, että liityit! Moderaattori katsoo jokaisen uuden profiilin, ja kuulet meistä, kun omasi on hyväksytty.',
    confirmSubject: 'Vahvista sähköpostiosoitteesi Meetcutessa',
    confirmIntro: 'Vahvista, että osoite on sinun, niin pääset takaisin, jos joskus unohdat salasanasi.',
    confirmAction: 'Vahvista osoitteeni',
    confirmExpiry: 'Linkki toimii viikon.',
    resetSubject: 'Valitse uusi salasana Meetcuteen',
    resetIntro: 'Joku, toivottavasti sinä, pyysi uutta salasanaa tämän osoitteen Meetcute-tilille.',
    resetAction: 'Valitse uusi salasana',
    resetExpiry: 'Linkki toimii kerran, tunnin ajan. Uusi salasana kirjaa sinut ulos kaikilta laitteilta.',
    resetNotYou: 'Etkö pyytänyt sitä? Jätä tämä viesti huomiotta: salasanasi pysyy ennallaan.',
    setupSubject: 'Yhteisösi on muuttanut Meetcuteen: valitse salasanasi',
    setupIntro:
      'Deittiyhteisösi toimii nyt Meetcutessa profiileineen, kuvineen ja keskusteluineen. Vanha salasanasi ei voinut tulla mukaan, joten valitse uusi kirjautuaksesi tällä osoitteella.',
    setupAction: 'Valitse salasanani',
    setupExpiry:
      'Linkki toimii kaksi viikkoa. Sen jälkeen käytä kirjautumissivun ”Unohditko salasanasi?” -linkkiä.',
    changeSubject: 'Vahvista uusi Meetcute-osoitteesi',
    changeIntro: 'Meetcute-jäsen haluaa kirjautua tästä lähtien tällä osoitteella.',
    changeAction: 'Käytä tätä osoitetta',
    changeExpiry: 'Linkki toimii vuorokauden. Ennen kuin sitä seurataan, mikään ei muutu.',
    changeNotYou: 'Etkö pyytänyt sitä? Jätä tämä viesti huomiotta.',
    movedSubject: 'Meetcute-osoitteesi vaihdettiin',
    movedIntro:
      'Meetcute-tilisi käyttää nyt osoitetta {email} kirjautumiseen ja postiin. Tätä osoitetta ei enää käytetä.',
    movedNotYou: 'Etkö se ollut sinä? Valitse heti uusi salasana ja kirjoita sitten moderaattoreille:',
    lockedSubject: 'Kirjautumista Meetcute-tilillesi on hidastettu',
    lockedIntro:
      'Meetcute-tilillesi kokeiltiin useita vääriä salasanoja, joten kirjautuminen odottaa {until} asti (UTC), ja hieman pidempään jokaisen uuden väärän salasanan jälkeen.',
    lockedNotYou: 'Etkö se ollut sinä? Salasanasi on yhä turvassa, mutta voit valita uuden nyt:',
    changedSubject: 'Meetcute-salasanasi vaihdettiin',
    changedIntro: 'Meetcute-tilisi salasana vaihdettiin juuri, ja muut laitteet kirjattiin ulos.',
    changedNotYou: 'Etkö se ollut sinä? Valitse uusi salasana heti:',
    changedAction: 'Valitse uusi salasana',
    factorOnSubject: 'Kaksivaiheinen tunnistautuminen on käytössä Meetcute-tililläsi',
    factorOnIntro:
      'Meetcute-tilillesi kirjautuminen pyytää nyt salasanan lisäksi koodin todennussovelluksesta, ja muut laitteesi kirjattiin ulos.',
    factorOffSubject: 'Kaksivaiheinen tunnistautuminen ei ole käytössä Meetcute-tililläsi',
    factorOffIntro: 'Meetcute-tilillesi kirjautuminen pyytää nyt pelkän salasanan.',
    factorNotYou:
      'Etkö se ollut sinä? Joku tietää salasanasi: valitse uusi heti ja kirjoita sitten moderaattoreille.',
    approvedSubject: 'Tervetuloa: Meetcute-profiilisi on hyväksytty',
    approvedIntro:
      'Moderaattori on hyväksynyt profiilisi: muut jäsenet löytävät sinut nyt, ja voit hakea, flirttailla ja kirjoittaa muille.',
    approvedAction: 'Löydä ihmisiä',
    sentBackSubject: 'Meetcute-hakemuksesi kaipaa muutosta',
    sentBackIntro:
      'Moderaattori katsoi hakemuksesi ja palautti sen huomautuksen kanssa. Muuta pyydetty kohta ja lähetä hakemus uudelleen: vastauksesi ovat tallessa.',
    sentBackReason: 'Moderaattori kirjoitti: ”{reason}”',
    sentBackAction: 'Muuta hakemustani',
    signature: 'Meetcute-tiimi',
  },
};

/** A mail as it is sent: a plain-text part for every client, and the same in HTML. */
export interface Letter {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after: string[];
}

function letter(language: Language, parts: Parts): Letter {
  const t = translator(messages, language);
  const text = [
    ...parts.paragraphs,
    ...(parts.action ? [`${parts.action.label}:\n${parts.action.url}`] : []),
    ...parts.after,
    `-- \n${t('signature')}`,
  ].join('\n\n');
  const body = html`<!doctype html>
    <html lang="${language}">
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem">
        ${parts.paragraphs.map((p) => html`<p>${p}</p>`)}
        ${
          parts.action
            ? html`<p>
                  <a
                    href="${parts.action.url}"
                    style="display: inline-block; padding: .6em 1.2em; background: #b3124b; color: #fff; border-radius: .4em; text-decoration: none"
                    >${parts.action.label}</a
                  >
                </p>
                <p style="font-size: .9em">${parts.action.url}</p>`
            : raw('')
        }
        ${parts.after.map((p) => html`<p>${p}</p>`)}
        <p>${t('signature')}</p>
      </body>
    </html>`;
  return { subject: parts.subject, text, html: String(body) };
}

/** What a letter is written from: its language, the texts in it, what the queue holds, and the site's address. */
interface Writing {
  language: Language;
  t: Translate<Key>;
  data: Record<string, string>;
  publicUrl: string;
}

/**
 * Writes a queued mail in its member's language. Links are made here, when the mail is
 * sent, from what the queue holds (ids and expiry): the queue never holds a usable token.
 */
export function write(mail: QueuedMail, links: LinkTokens, publicUrl: string): Letter {
  const language = mail.language;
  const t = translator(messages, language);
  const data = JSON.parse(mail.data) as Record<string, string>;
  const link = (target: { purpose: string; path: string }, subject: string): string =>
    `${publicUrl}${target.path}?token=${links.make(target.purpose, subject, new Date(data.expiresAt ?? 0))}`;
  switch (mail.kind) {
    case 'welcome':
    case 'email-confirmation': {
      const url = link(LINKS.emailConfirmation, confirmationSubject(mail.member_id, mail.to_address));
      const welcome = mail.kind === 'welcome';
      return letter(language, {
        subject: t(welcome ? 'welcomeSubject' : 'confirmSubject'),
        paragraphs: welcome ? [t('welcomeIntro'), t('confirmIntro')] : [t('confirmIntro')],
        action: { label: t('confirmAction'), url },
        after: [t('confirmExpiry')],
      });
    }
    case 'password-reset':
      return letter(language, {
        subject: t('resetSubject'),
        paragraphs: [t('resetIntro')],
        action: { label: t('resetAction'), url: link(LINKS.passwordReset, data.resetId ?? '') },
        after: [t('resetExpiry'), t('resetNotYou')],
      });
    case 'password-setup':
      return letter(language, {
        subject: t('setupSubject'),
        paragraphs: [t('setupIntro')],
        action: { label: t('setupAction'), url: link(LINKS.passwordReset, data.resetId ?? '') },
        after: [t('setupExpiry')],
      });
    case 'email-change':
      return letter(language, {
        subject: t('changeSubject'),
        paragraphs: [t('changeIntro')],
        action: { label: t('changeAction'), url: link(LINKS.emailChange, data.changeId ?? '') },
        after: [t('changeExpiry'), t('changeNotYou')],
      });
    case 'approved':
      return letter(language, {
        subject: t('approvedSubject'),
        paragraphs: [t('approvedIntro')],
        action: { label: t('approvedAction'), url: `${publicUrl}/search` },
        after: [],
      });
    case 'sent-back':
      return letter(language, {
        subject: t('sentBackSubject'),
        paragraphs: [t('sentBackIntro'), t('sentBackReason', { reason: data.reason ?? '' })],
        action: { label: t('sentBackAction'), url: `${publicUrl}/registration` },
        after: [],
      });
    case 'email-changed':
    case 'login-locked':
    case 'sign-up-attempt':
    case 'password-changed':
    case 'two-factor-on':
    case 'two-factor-off':
      return notice(mail.kind, { language, t, data, publicUrl });
  }
}

/** A notice: something about the account that happened, with no link that does anything by itself. */
function notice(
  kind:
    | 'email-changed'
    | 'login-locked'
    | 'sign-up-attempt'
    | 'password-changed'
    | 'two-factor-on'
    | 'two-factor-off',
  { language, t, data, publicUrl }: Writing,
): Letter {
  switch (kind) {
    case 'email-changed':
      return letter(language, {
        subject: t('movedSubject'),
        paragraphs: [t('movedIntro', { email: data.email ?? '' }), t('movedNotYou')],
        action: { label: t('changedAction'), url: `${publicUrl}/password/forgot` },
        after: [],
      });
    case 'login-locked':
      return letter(language, {
        subject: t('lockedSubject'),
        paragraphs: [
          // The mail module knows no member's time zone: the time is UTC, and the letter says so.
          t('lockedIntro', {
            until: data.until ? formatMoment(language, 'UTC', data.until, 'date-time') : '',
          }),
          t('lockedNotYou'),
        ],
        action: { label: t('changedAction'), url: `${publicUrl}/password/forgot` },
        after: [],
      });
    case 'sign-up-attempt':
      return letter(language, {
        subject: t('attemptSubject'),
        paragraphs: [t('attemptIntro'), t('attemptAdvice')],
        action: { label: t('loginAction'), url: `${publicUrl}/login` },
        after: [`${t('changedAction')}: ${publicUrl}/password/forgot`],
      });
    case 'password-changed':
      return letter(language, {
        subject: t('changedSubject'),
        paragraphs: [t('changedIntro'), t('changedNotYou')],
        action: { label: t('changedAction'), url: `${publicUrl}/password/forgot` },
        after: [],
      });
    case 'two-factor-on':
    case 'two-factor-off':
      return letter(language, {
        subject: t(kind === 'two-factor-on' ? 'factorOnSubject' : 'factorOffSubject'),
        paragraphs: [t(kind === 'two-factor-on' ? 'factorOnIntro' : 'factorOffIntro'), t('factorNotYou')],
        action: { label: t('changedAction'), url: `${publicUrl}/password/forgot` },
        after: [],
      });
  }
}
