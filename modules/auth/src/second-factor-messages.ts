import type { Messages } from '@meetcute/web';

export type SecondFactorKey =
  | 'codeTitle'
  | 'codeIntro'
  | 'code'
  | 'codeHint'
  | 'codeButton'
  | 'wrongCode'
  | 'codeExpired'
  | 'title'
  | 'intro'
  | 'moderatorsNeedIt'
  | 'operatorsNeedIt'
  | 'onState'
  | 'offState'
  | 'codesLeft'
  | 'codesLeft_one'
  | 'setUpButton'
  | 'stepScan'
  | 'stepType'
  | 'openInApp'
  | 'secret'
  | 'stepConfirm'
  | 'confirmButton'
  | 'savedTitle'
  | 'savedIntro'
  | 'savedDone'
  | 'renewTitle'
  | 'renewText'
  | 'renewButton'
  | 'offTitle'
  | 'offText'
  | 'offButton'
  | 'turnedOff'
  | 'accountLink'
  | 'notStarted';

export const secondFactorMessages: Messages<SecondFactorKey> = {
  en: {
    codeTitle: 'Enter your code',
    codeIntro:
      'Open your authenticator app and type the six digits it shows for this site. Lost your phone? Type one of your recovery codes instead.',
    code: 'Code',
    codeHint: 'Six digits, or a recovery code such as abcde-fghij',
    codeButton: 'Log in',
    wrongCode: 'This code does not match: type the one your app shows now',
    codeExpired: 'That took too long. Log in with your password again.',
    title: 'Two-factor authentication',
    intro:
      'With two-factor authentication your password alone does not let anyone in: log-in also asks for a code from an app on your phone.',
    moderatorsNeedIt: 'Moderators need two-factor authentication. Set it up here to reach the review queues.',
    operatorsNeedIt: 'Operators need two-factor authentication. Set it up here to reach the console.',
    onState: 'Two-factor authentication is on. Log-in asks for a code from your app.',
    offState: 'Two-factor authentication is off.',
    codesLeft: 'You have {n} unused recovery codes.',
    codesLeft_one: 'You have {n} unused recovery code.',
    setUpButton: 'Set up an authenticator app',
    stepScan:
      '1. Scan this code with an authenticator app (such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password).',
    stepType: 'Cannot scan? Type this key into the app:',
    openInApp: 'On this phone? Open it in your app',
    secret: 'Key',
    stepConfirm: '2. Type the six digits the app now shows, to prove it is set up.',
    confirmButton: 'Turn on',
    savedTitle: 'Save your recovery codes',
    savedIntro:
      'Each code lets you in once if you lose your phone. Write them down or keep them in a password manager: they are shown only now.',
    savedDone: 'I have saved them',
    renewTitle: 'New recovery codes',
    renewText: 'Used some up, or lost the list? New codes replace all the old ones.',
    renewButton: 'Make new codes',
    offTitle: 'Turn off',
    offText: 'Log-in will ask for your password alone again.',
    offButton: 'Turn off two-factor authentication',
    turnedOff: 'Two-factor authentication is off.',
    accountLink: 'Back to your account',
    notStarted: 'Start the setup again: the key was not set up yet.',
  },
  sv: {
    codeTitle: 'Skriv in din kod',
    codeIntro:
      'Öppna din autentiseringsapp och skriv de sex siffror den visar för den här webbplatsen. Tappat telefonen? Skriv en av dina reservkoder i stället.',
    code: 'Kod',
    codeHint: 'Sex siffror, eller en reservkod som abcde-fghij',
    codeButton: 'Logga in',
    wrongCode: 'Koden stämmer inte: skriv den som appen visar nu',
    codeExpired: 'Det tog för lång tid. Logga in med ditt lösenord igen.',
    title: 'Tvåstegsverifiering',
    intro:
      'Med tvåstegsverifiering räcker inte lösenordet för att komma in: inloggningen ber också om en kod från en app i din telefon.',
    moderatorsNeedIt:
      'Moderatorer behöver tvåstegsverifiering. Ställ in den här för att nå granskningsköerna.',
    operatorsNeedIt: 'Driftansvariga behöver tvåstegsverifiering. Ställ in den här för att nå konsolen.',
    onState: 'Tvåstegsverifiering är på. Inloggningen ber om en kod från din app.',
    offState: 'Tvåstegsverifiering är av.',
    codesLeft: 'Du har {n} oanvända reservkoder.',
    codesLeft_one: 'Du har {n} oanvänd reservkod.',
    setUpButton: 'Ställ in en autentiseringsapp',
    stepScan:
      '1. Skanna koden med en autentiseringsapp (till exempel Aegis, Google Authenticator, Microsoft Authenticator eller 1Password).',
    stepType: 'Går det inte att skanna? Skriv in den här nyckeln i appen:',
    openInApp: 'På den här telefonen? Öppna i din app',
    secret: 'Nyckel',
    stepConfirm: '2. Skriv de sex siffror som appen nu visar, för att visa att den är inställd.',
    confirmButton: 'Slå på',
    savedTitle: 'Spara dina reservkoder',
    savedIntro:
      'Varje kod släpper in dig en gång om du tappar telefonen. Skriv ner dem eller spara dem i en lösenordshanterare: de visas bara nu.',
    savedDone: 'Jag har sparat dem',
    renewTitle: 'Nya reservkoder',
    renewText: 'Använt upp några, eller tappat listan? Nya koder ersätter alla gamla.',
    renewButton: 'Skapa nya koder',
    offTitle: 'Stäng av',
    offText: 'Inloggningen ber då bara om ditt lösenord igen.',
    offButton: 'Stäng av tvåstegsverifiering',
    turnedOff: 'Tvåstegsverifiering är av.',
    accountLink: 'Tillbaka till ditt konto',
    notStarted: 'Börja om inställningen: nyckeln var inte inställd än.',
  },
  fi: {
    codeTitle: 'Kirjoita koodisi',
    codeIntro:
      'Avaa todennussovelluksesi ja kirjoita kuusi numeroa, jotka se näyttää tälle sivustolle. Kadonnut puhelin? Kirjoita sen sijaan yksi varakoodeistasi.',
    code: 'Koodi',
    codeHint: 'Kuusi numeroa tai varakoodi, kuten abcde-fghij',
    codeButton: 'Kirjaudu',
    wrongCode: 'Koodi ei täsmää: kirjoita se, jonka sovellus näyttää nyt',
    codeExpired: 'Se kesti liian kauan. Kirjaudu uudelleen salasanallasi.',
    title: 'Kaksivaiheinen tunnistautuminen',
    intro:
      'Kaksivaiheisen tunnistautumisen kanssa pelkkä salasana ei päästä ketään sisään: kirjautuminen pyytää myös koodin puhelimesi sovelluksesta.',
    moderatorsNeedIt:
      'Moderaattorit tarvitsevat kaksivaiheisen tunnistautumisen. Ota se käyttöön täällä päästäksesi tarkistusjonoihin.',
    operatorsNeedIt:
      'Ylläpitäjät tarvitsevat kaksivaiheisen tunnistautumisen. Ota se käyttöön täällä päästäksesi konsoliin.',
    onState: 'Kaksivaiheinen tunnistautuminen on käytössä. Kirjautuminen pyytää koodin sovelluksestasi.',
    offState: 'Kaksivaiheinen tunnistautuminen ei ole käytössä.',
    codesLeft: 'Sinulla on {n} käyttämätöntä varakoodia.',
    codesLeft_one: 'Sinulla on {n} käyttämätön varakoodi.',
    setUpButton: 'Ota todennussovellus käyttöön',
    stepScan:
      '1. Skannaa koodi todennussovelluksella (esimerkiksi Aegis, Google Authenticator, Microsoft Authenticator tai 1Password).',
    stepType: 'Etkö voi skannata? Kirjoita tämä avain sovellukseen:',
    openInApp: 'Tällä puhelimella? Avaa sovelluksessasi',
    secret: 'Avain',
    stepConfirm: '2. Kirjoita kuusi numeroa, jotka sovellus nyt näyttää, osoittaaksesi että se on valmis.',
    confirmButton: 'Ota käyttöön',
    savedTitle: 'Tallenna varakoodisi',
    savedIntro:
      'Jokainen koodi päästää sinut sisään kerran, jos puhelimesi katoaa. Kirjoita ne muistiin tai tallenna salasanojen hallintaan: ne näytetään vain nyt.',
    savedDone: 'Olen tallentanut ne',
    renewTitle: 'Uudet varakoodit',
    renewText: 'Käytitkö osan tai katosiko lista? Uudet koodit korvaavat kaikki vanhat.',
    renewButton: 'Luo uudet koodit',
    offTitle: 'Poista käytöstä',
    offText: 'Kirjautuminen pyytää taas pelkän salasanan.',
    offButton: 'Poista kaksivaiheinen tunnistautuminen käytöstä',
    turnedOff: 'Kaksivaiheinen tunnistautuminen ei ole käytössä.',
    accountLink: 'Takaisin tiliisi',
    notStarted: 'Aloita käyttöönotto uudelleen: avainta ei ollut vielä otettu käyttöön.',
  },
};
