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
  | 'meetPeople'
  | 'reviewTitle'
  | 'reviewEmpty'
  | 'portraitOf'
  | 'accountMade'
  | 'sentBackBefore'
  | 'firstReview'
  | 'reject'
  | 'reason'
  | 'reasonHint'
  | 'approvedNotice'
  | 'rejectedNotice'
  | 'age'
  | 'lives'
  | 'looksFor'
  | 'ambiguousCity'
  | 'unknownCity'
  | 'resubmittedNotice'
  | 'changedNotice'
  | 'closedNotice'
  | 'meanwhile'
  | 'addPhotos'
  | 'changeTitle'
  | 'sendChanged'
  | 'signedUpNotice'
  | 'submittedOn'
  | 'detailsTitle'
  | 'detailsIntro'
  | 'save'
  | 'cancel'
  | 'detailsSaved'
  | 'nicknameSentNotice'
  | 'nicknameWaiting'
  | 'nicknameTurnedDown'
  | 'nicknameQueue'
  | 'nicknameReviewTitle'
  | 'nicknameReviewEmpty'
  | 'nicknameApprovedNotice'
  | 'nicknameRejectedNotice'
  | 'nicknameReject'
  | 'nicknameReasonHint'
  | 'nicknameNow'
  | 'nicknameAsked'
  | 'stepLookingFor'
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
    meetPeople: 'Meet people who fit you',
    reviewTitle: 'Sign-ups to review',
    reviewEmpty: 'Nothing to review right now.',
    portraitOf: 'Portrait of {nickname}',
    accountMade: 'Account made',
    sentBackBefore: 'Sent back before',
    firstReview: 'First review: never sent back.',
    reject: 'Send back',
    reason: 'Reason for the member',
    reasonHint: 'Say what to change, e.g. "Your nickname is an email address".',
    approvedNotice: 'Approved.',
    rejectedNotice: 'Sent back to the member.',
    age: '{age} years',
    lives: 'lives in {city}',
    looksFor: 'looks for {genders}, {min}–{max} years, within {km} km',
    ambiguousCity: 'Several places are called that. Choose one: {choices}.',
    unknownCity: 'We do not know that place. Start typing and choose from the list.',
    resubmittedNotice: 'Sent again. A moderator will look at it soon.',
    changedNotice: 'Changed. The moderator will read it as it is now.',
    closedNotice:
      'That page opens once a moderator has approved your profile. Meanwhile you can add photos or change your sign-up here.',
    meanwhile:
      'Meanwhile, photos help a moderator see that you are real, and others to find you once you are in.',
    addPhotos: 'Add photos',
    changeTitle: 'Change my sign-up',
    sendChanged: 'Save the changes',
    signedUpNotice: 'Welcome! Your sign-up was sent for review.',
    submittedOn: 'sent {date}',
    detailsTitle: 'My nickname, place and whom I look for',
    detailsIntro:
      'Suggestions, news and search follow a new place or whom you look for at once. A new nickname shows once a moderator approved it; until then others see the one you have.',
    save: 'Save',
    cancel: 'Cancel',
    detailsSaved: 'Saved. Suggestions, news and search follow your changes now.',
    nicknameSentNotice: 'Saved. Your new nickname shows once a moderator approved it.',
    nicknameWaiting: 'Waiting for review: {nickname}. Others see {current} until a moderator approves it.',
    nicknameTurnedDown: 'A moderator turned your new nickname down:',
    nicknameQueue: 'New nicknames',
    nicknameReviewTitle: 'New nicknames to review',
    nicknameReviewEmpty: 'No new nickname is waiting for review.',
    nicknameApprovedNotice: 'Approved: everyone sees the member by the new nickname now.',
    nicknameRejectedNotice: 'Turned down: the member keeps their nickname and reads your reason.',
    nicknameReject: 'Turn down',
    nicknameReasonHint: 'The member reads this: say what to change, for example that it names another site.',
    nicknameNow: 'Now: {nickname}',
    nicknameAsked: 'Asks for: {nickname}',
    stepLookingFor: 'Check whom you look for: genders, ages and distance',
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
    meetPeople: 'Träffa folk som passar dig',
    reviewTitle: 'Ansökningar att granska',
    reviewEmpty: 'Inget att granska just nu.',
    portraitOf: 'Profilbild av {nickname}',
    accountMade: 'Kontot skapades',
    sentBackBefore: 'Skickad tillbaka tidigare',
    firstReview: 'Första granskningen: aldrig skickad tillbaka.',
    reject: 'Skicka tillbaka',
    reason: 'Motivering till medlemmen',
    reasonHint: 'Skriv vad som ska ändras, t.ex. "Ditt smeknamn är en e-postadress".',
    approvedNotice: 'Godkänd.',
    rejectedNotice: 'Skickad tillbaka till medlemmen.',
    age: '{age} år',
    lives: 'bor i {city}',
    looksFor: 'söker {genders}, {min}–{max} år, inom {km} km',
    ambiguousCity: 'Flera orter heter så. Välj en: {choices}.',
    unknownCity: 'Vi känner inte till den orten. Börja skriva och välj i listan.',
    resubmittedNotice: 'Skickad igen. En moderator tittar snart på den.',
    changedNotice: 'Ändrad. Moderatorn läser den som den är nu.',
    closedNotice:
      'Den sidan öppnas när en moderator har godkänt din profil. Under tiden kan du lägga till foton eller ändra din ansökan här.',
    meanwhile:
      'Under tiden hjälper foton en moderator att se att du är på riktigt, och andra att hitta dig när du är med.',
    addPhotos: 'Lägg till foton',
    changeTitle: 'Ändra min ansökan',
    sendChanged: 'Spara ändringarna',
    signedUpNotice: 'Välkommen! Din ansökan har skickats för granskning.',
    submittedOn: 'skickad {date}',
    detailsTitle: 'Mitt smeknamn, min ort och vem jag söker',
    detailsIntro:
      'Förslag, nyheter och sökning följer genast en ny ort eller vem du söker. Ett nytt smeknamn syns när en moderator har godkänt det; tills dess ser andra det du har.',
    save: 'Spara',
    cancel: 'Avbryt',
    detailsSaved: 'Sparat. Förslag, nyheter och sökning följer nu dina ändringar.',
    nicknameSentNotice: 'Sparat. Ditt nya smeknamn syns när en moderator har godkänt det.',
    nicknameWaiting:
      'Väntar på granskning: {nickname}. Andra ser {current} tills en moderator godkänner det.',
    nicknameTurnedDown: 'En moderator avslog ditt nya smeknamn:',
    nicknameQueue: 'Nya smeknamn',
    nicknameReviewTitle: 'Nya smeknamn att granska',
    nicknameReviewEmpty: 'Inget nytt smeknamn väntar på granskning.',
    nicknameApprovedNotice: 'Godkänt: alla ser nu medlemmen under det nya smeknamnet.',
    nicknameRejectedNotice: 'Avslaget: medlemmen behåller sitt smeknamn och läser ditt skäl.',
    nicknameReject: 'Avslå',
    nicknameReasonHint:
      'Medlemmen läser detta: säg vad som ska ändras, till exempel att det namnger en annan webbplats.',
    nicknameNow: 'Nu: {nickname}',
    nicknameAsked: 'Önskar: {nickname}',
    stepLookingFor: 'Kontrollera vem du söker: kön, åldrar och avstånd',
  },
  fi: {
    signupTitle: 'Liity Meetcuteen',
    email: 'Sähköposti',
    password: 'Salasana',
    nickname: 'Nimimerkki',
    birthday: 'Syntymäpäivä',
    city: 'Asuinpaikka',
    aboutMe: 'Minusta',
    submit: 'Lähetä tarkistettavaksi',
    waitingTitle: 'Odottaa tarkistusta',
    changedNotice: 'Muutettu. Moderaattori lukee sen sellaisena kuin se nyt on.',
    closedNotice:
      'Se sivu avautuu, kun moderaattori on hyväksynyt profiilisi. Sillä välin voit lisätä kuvia tai muuttaa hakemustasi täällä.',
    meanwhile:
      'Sillä välin kuvat auttavat moderaattoria näkemään, että olet oikea ihminen, ja muita löytämään sinut.',
    addPhotos: 'Lisää kuvia',
    changeTitle: 'Muuta hakemustani',
    sendChanged: 'Tallenna muutokset',
    reject: 'Palauta',
    detailsTitle: 'Nimimerkkini, asuinpaikkani ja ketä etsin',
    detailsIntro:
      'Ehdotukset, uutiset ja haku seuraavat heti uutta asuinpaikkaa tai sitä, ketä etsit. Uusi nimimerkki näkyy, kun moderaattori on hyväksynyt sen; siihen asti muut näkevät nykyisen.',
    save: 'Tallenna',
    cancel: 'Peruuta',
    detailsSaved: 'Tallennettu. Ehdotukset, uutiset ja haku seuraavat nyt muutoksiasi.',
    nicknameSentNotice: 'Tallennettu. Uusi nimimerkkisi näkyy, kun moderaattori on hyväksynyt sen.',
    nicknameWaiting:
      'Odottaa tarkistusta: {nickname}. Muut näkevät nimen {current}, kunnes moderaattori hyväksyy sen.',
    nicknameTurnedDown: 'Moderaattori hylkäsi uuden nimimerkkisi:',
    nicknameQueue: 'Uudet nimimerkit',
    nicknameReviewTitle: 'Tarkistettavat uudet nimimerkit',
    nicknameReviewEmpty: 'Yksikään uusi nimimerkki ei odota tarkistusta.',
    nicknameApprovedNotice: 'Hyväksytty: kaikki näkevät jäsenen nyt uudella nimimerkillä.',
    nicknameRejectedNotice: 'Hylätty: jäsen pitää nimimerkkinsä ja lukee perustelusi.',
    nicknameReject: 'Hylkää',
    nicknameReasonHint:
      'Jäsen lukee tämän: kerro, mitä pitää muuttaa, esimerkiksi että nimi mainostaa toista sivustoa.',
    nicknameNow: 'Nyt: {nickname}',
    nicknameAsked: 'Pyytää: {nickname}',
    portraitOf: 'Profiilikuva: {nickname}',
    accountMade: 'Tili luotiin',
    sentBackBefore: 'Palautettu aiemmin',
    firstReview: 'Ensimmäinen tarkistus: ei palautettu aiemmin.',
    stepLookingFor: 'Tarkista ketä etsit: sukupuoli, ikä ja etäisyys',
    meetPeople: 'Tapaa sinulle sopivia ihmisiä',
  },
};
