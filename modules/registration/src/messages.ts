import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'signupTitle'
  | 'signupIntro'
  | 'email'
  | 'password'
  | 'passwordHint'
  | 'nickname'
  | 'nicknameHint'
  | 'gender'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'birthday'
  | 'city'
  | 'cityHint'
  | 'lookingFor'
  | 'lookingForGenders'
  | 'minAge'
  | 'maxAge'
  | 'maxDistance'
  | 'aboutMe'
  | 'aboutMeHint'
  | 'submit'
  | 'fixErrors'
  | 'haveAccount'
  | 'waitingTitle'
  | 'waitingText'
  | 'rejectedTitle'
  | 'rejectedText'
  | 'resubmit'
  | 'approvedTitle'
  | 'approvedText'
  | 'seeProfile'
  | 'reviewTitle'
  | 'reviewEmpty'
  | 'reject'
  | 'reason'
  | 'reasonHint'
  | 'approvedNotice'
  | 'rejectedNotice'
  | 'aboutMeQueue'
  | 'photoQueue'
  | 'outbox'
  | 'reportQueue'
  | 'moderationLog'
  | 'age'
  | 'lives'
  | 'looksFor'
  | 'ambiguousCity'
  | 'unknownCity'
  | 'resubmittedNotice'
  | 'signedUpNotice'
  | 'submittedOn'
> = {
  en: {
    signupTitle: 'Join Meetcute',
    signupIntro:
      'A moderator reviews every new member, usually within a day. You can log in and follow your review meanwhile.',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    nickname: 'Nickname',
    nicknameHint: '2–20 letters, digits, - or _. Others see this name.',
    gender: 'I am',
    woman: 'a woman',
    man: 'a man',
    nonbinary: 'non-binary',
    birthday: 'Birthday',
    city: 'Where I live',
    cityHint: 'Start typing a town or city and choose it from the list.',
    lookingFor: 'Whom I am looking for',
    lookingForGenders: 'Genders',
    minAge: 'From age',
    maxAge: 'To age',
    maxDistance: 'Within (km)',
    aboutMe: 'About me',
    aboutMeHint: 'A few words about you. A moderator reads it before others do.',
    submit: 'Send for review',
    fixErrors: 'Please fix these and send again',
    haveAccount: 'Already a member? Log in',
    waitingTitle: 'Waiting for review',
    waitingText:
      'Thanks, {nickname}! A moderator will look at your profile soon. You will see the result here.',
    rejectedTitle: 'Your sign-up needs a change',
    rejectedText: 'A moderator sent it back with this reason:',
    resubmit: 'Send again',
    approvedTitle: 'Welcome to Meetcute!',
    approvedText: 'Your profile was approved and other members can now find you.',
    seeProfile: 'See my profile',
    reviewTitle: 'Sign-ups to review',
    reviewEmpty: 'Nothing to review right now.',
    reject: 'Send back',
    reason: 'Reason for the member',
    reasonHint: 'Say what to change, e.g. "Your nickname is an email address".',
    approvedNotice: 'Approved.',
    rejectedNotice: 'Sent back to the member.',
    aboutMeQueue: 'About-me changes to review',
    photoQueue: 'Photos to review',
    outbox: 'Mail sent to members',
    reportQueue: 'Reports',
    moderationLog: 'Moderation log',
    age: '{age} years',
    lives: 'lives in {city}',
    looksFor: 'looks for {genders}, {min}–{max} years, within {km} km',
    ambiguousCity: 'Several places are called that. Choose one: {choices}.',
    unknownCity: 'We do not know that place. Start typing and choose from the list.',
    resubmittedNotice: 'Sent again. A moderator will look at it soon.',
    signedUpNotice: 'Welcome! Your sign-up was sent for review.',
    submittedOn: 'sent {date}',
  },
  sv: {
    signupTitle: 'Bli medlem i Meetcute',
    signupIntro:
      'En moderator granskar varje ny medlem, oftast inom ett dygn. Du kan logga in och följa granskningen under tiden.',
    email: 'E-post',
    password: 'Lösenord',
    passwordHint: 'Minst 10 tecken.',
    nickname: 'Smeknamn',
    nicknameHint: '2–20 bokstäver, siffror, - eller _. Andra ser det här namnet.',
    gender: 'Jag är',
    woman: 'kvinna',
    man: 'man',
    nonbinary: 'icke-binär',
    birthday: 'Födelsedag',
    city: 'Där jag bor',
    cityHint: 'Börja skriva en ort och välj den i listan.',
    lookingFor: 'Vem jag söker',
    lookingForGenders: 'Kön',
    minAge: 'Från ålder',
    maxAge: 'Till ålder',
    maxDistance: 'Inom (km)',
    aboutMe: 'Om mig',
    aboutMeHint: 'Några ord om dig. En moderator läser det innan andra gör det.',
    submit: 'Skicka för granskning',
    fixErrors: 'Rätta detta och skicka igen',
    haveAccount: 'Redan medlem? Logga in',
    waitingTitle: 'Väntar på granskning',
    waitingText: 'Tack, {nickname}! En moderator tittar snart på din profil. Resultatet visas här.',
    rejectedTitle: 'Din ansökan behöver ändras',
    rejectedText: 'En moderator skickade tillbaka den med motiveringen:',
    resubmit: 'Skicka igen',
    approvedTitle: 'Välkommen till Meetcute!',
    approvedText: 'Din profil har godkänts och andra medlemmar kan nu hitta dig.',
    seeProfile: 'Se min profil',
    reviewTitle: 'Ansökningar att granska',
    reviewEmpty: 'Inget att granska just nu.',
    reject: 'Skicka tillbaka',
    reason: 'Motivering till medlemmen',
    reasonHint: 'Skriv vad som ska ändras, t.ex. "Ditt smeknamn är en e-postadress".',
    approvedNotice: 'Godkänd.',
    rejectedNotice: 'Skickad tillbaka till medlemmen.',
    aboutMeQueue: 'Ändrade presentationer att granska',
    photoQueue: 'Foton att granska',
    outbox: 'E-post till medlemmar',
    reportQueue: 'Anmälningar',
    moderationLog: 'Moderationslogg',
    age: '{age} år',
    lives: 'bor i {city}',
    looksFor: 'söker {genders}, {min}–{max} år, inom {km} km',
    ambiguousCity: 'Flera orter heter så. Välj en: {choices}.',
    unknownCity: 'Vi känner inte till den orten. Börja skriva och välj i listan.',
    resubmittedNotice: 'Skickad igen. En moderator tittar snart på den.',
    signedUpNotice: 'Välkommen! Din ansökan har skickats för granskning.',
    submittedOn: 'skickad {date}',
  },
  fi: {
    photoQueue: 'Tarkistettavat kuvat',
    outbox: 'Jäsenille lähetetty posti',
    reportQueue: 'Ilmoitukset',
    moderationLog: 'Moderointiloki',
    signupTitle: 'Liity Meetcuteen',
    email: 'Sähköposti',
    password: 'Salasana',
    nickname: 'Nimimerkki',
    birthday: 'Syntymäpäivä',
    city: 'Asuinpaikka',
    aboutMe: 'Minusta',
    submit: 'Lähetä tarkistettavaksi',
    waitingTitle: 'Odottaa tarkistusta',
    reject: 'Palauta',
  },
};
