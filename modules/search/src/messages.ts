import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'badGender'
  | 'badMinAge'
  | 'badMaxAge'
  | 'minAboveMax'
  | 'maxBelowMin'
  | 'badDistance'
  | 'badInterest'
  | 'tooManyInterests'
  | 'badSort'
  | 'badCursor'
  | 'otherSortCursor'
  | 'badLimit'
  | 'badOnline'
  | 'onlineOnly'
  | 'badHasPhoto'
  | 'badHeight'
  | 'badProperty'
  | 'hasPhotoOnly'
  | 'moreFilters'
  | 'minHeight'
  | 'maxHeight'
  | 'noCity'
  | 'badCityId'
  | 'unknownCityId'
  | 'unknownCity'
  | 'noGender'
  | 'ambiguousCity'
  | 'title'
  | 'intro'
  | 'showMe'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'minAge'
  | 'maxAge'
  | 'city'
  | 'cityHint'
  | 'maxDistance'
  | 'interests'
  | 'interestsHint'
  | 'sort'
  | 'lastActive'
  | 'distance'
  | 'newest'
  | 'submit'
  | 'fixErrors'
  | 'results'
  | 'none'
  | 'next'
  | 'again'
> = {
  en: {
    badGender: 'Choose woman, man or nonbinary; “{value}” is not one of them.',
    badMinAge: 'The lowest age must be a whole number of years from 18 to 120.',
    badMaxAge: 'The highest age must be a whole number of years from 18 to 120.',
    minAboveMax: 'The lowest age must not be above the highest ({max}).',
    maxBelowMin: 'The highest age must not be below the lowest ({min}).',
    badDistance: 'The distance must be a whole number of km from 1 to 5000.',
    badInterest: 'An interest can be at most {max} characters.',
    tooManyInterests: 'Search for at most {max} interests at a time.',
    badSort: 'Sort by lastActive, distance or newest.',
    badCursor: 'This is not a cursor this search gave out. Start again from the first page.',
    otherSortCursor: 'This cursor belongs to another sort order. Start again from the first page.',
    badLimit: 'The limit must be a whole number from 1 to 50.',
    badOnline: 'Online is true or false.',
    onlineOnly: 'Only members online now',
    badHasPhoto: 'Has photo is true or false.',
    badHeight: 'Height is a whole number of cm from {min} to {max}.',
    badProperty: 'Unknown value: {value}. Choose from the list.',
    hasPhotoOnly: 'Only members with a photo',
    moreFilters: 'Height, what they look for, children, smoking, languages',
    minHeight: 'Shortest (cm)',
    maxHeight: 'Tallest (cm)',
    noCity: 'We do not know your city yet. Choose a place to search from.',
    badCityId: 'Give a place id (a whole number) from /api/v1/cities.',
    unknownCityId: 'We do not know the place {id}. Find places with /api/v1/cities.',
    unknownCity: 'We do not know that place. Start typing and choose from the list.',
    noGender: 'Tick at least one gender to search for.',
    ambiguousCity: 'Several places are called that. Choose one: {choices}.',
    title: 'Search',
    intro: 'Find members by who they are, how old, how far away and what they like.',
    showMe: 'Show me',
    woman: 'women',
    man: 'men',
    nonbinary: 'non-binary people',
    minAge: 'From age',
    maxAge: 'To age',
    city: 'Near',
    cityHint: 'A town or city; start typing and choose it from the list.',
    maxDistance: 'Within (km)',
    interests: 'Interests',
    interestsHint: 'Members who have all of them; separate with commas.',
    sort: 'Sort by',
    lastActive: 'Last active',
    distance: 'Distance',
    newest: 'Newest members',
    submit: 'Search',
    fixErrors: 'Please fix these and search again',
    results: 'Members',
    none: 'Nobody matches this search. Try a wider age range or distance.',
    next: 'Next page',
    again: 'Back to the first page',
  },
  sv: {
    badGender: 'Välj woman, man eller nonbinary; ”{value}” är inget av dem.',
    badMinAge: 'Lägsta ålder måste vara ett heltal mellan 18 och 120.',
    badMaxAge: 'Högsta ålder måste vara ett heltal mellan 18 och 120.',
    minAboveMax: 'Lägsta ålder får inte vara över den högsta ({max}).',
    maxBelowMin: 'Högsta ålder får inte vara under den lägsta ({min}).',
    badDistance: 'Avståndet måste vara ett heltal mellan 1 och 5000 km.',
    badInterest: 'Ett intresse får vara högst {max} tecken.',
    tooManyInterests: 'Sök på högst {max} intressen åt gången.',
    badSort: 'Sortera efter lastActive, distance eller newest.',
    badCursor: 'Den här sidmarkören kommer inte från sökningen. Börja om från första sidan.',
    otherSortCursor: 'Sidmarkören hör till en annan sortering. Börja om från första sidan.',
    badLimit: 'Antalet måste vara ett heltal mellan 1 och 50.',
    badOnline: 'Online är true eller false.',
    onlineOnly: 'Bara medlemmar som är online nu',
    badHasPhoto: 'Har foto är true eller false.',
    badHeight: 'Längden är ett helt antal cm från {min} till {max}.',
    badProperty: 'Okänt värde: {value}. Välj i listan.',
    hasPhotoOnly: 'Bara medlemmar med foto',
    moreFilters: 'Längd, vad de söker, barn, rökning, språk',
    minHeight: 'Kortast (cm)',
    maxHeight: 'Längst (cm)',
    noCity: 'Vi vet inte var du bor än. Välj en ort att söka från.',
    badCityId: 'Ange ett ort-id (ett heltal) från /api/v1/cities.',
    unknownCityId: 'Vi känner inte till orten {id}. Sök orter med /api/v1/cities.',
    unknownCity: 'Vi känner inte till den orten. Börja skriva och välj i listan.',
    noGender: 'Kryssa i minst ett kön att söka efter.',
    ambiguousCity: 'Flera orter heter så. Välj en: {choices}.',
    title: 'Sök',
    intro: 'Hitta medlemmar efter vilka de är, ålder, avstånd och vad de gillar.',
    showMe: 'Visa',
    woman: 'kvinnor',
    man: 'män',
    nonbinary: 'icke-binära',
    minAge: 'Från ålder',
    maxAge: 'Till ålder',
    city: 'Nära',
    cityHint: 'En ort; börja skriva och välj den i listan.',
    maxDistance: 'Inom (km)',
    interests: 'Intressen',
    interestsHint: 'Medlemmar som har alla; skilj dem åt med kommatecken.',
    sort: 'Sortera efter',
    lastActive: 'Senast aktiv',
    distance: 'Avstånd',
    newest: 'Nyaste medlemmar',
    submit: 'Sök',
    fixErrors: 'Rätta detta och sök igen',
    results: 'Medlemmar',
    none: 'Ingen matchar sökningen. Prova ett större åldersspann eller avstånd.',
    next: 'Nästa sida',
    again: 'Tillbaka till första sidan',
  },
  fi: {
    badGender: 'Valitse woman, man tai nonbinary; ”{value}” ei ole mikään niistä.',
    badMinAge: 'Alaikärajan on oltava kokonaisluku väliltä 18–120.',
    badMaxAge: 'Yläikärajan on oltava kokonaisluku väliltä 18–120.',
    minAboveMax: 'Alaikäraja ei saa olla yläikärajaa ({max}) suurempi.',
    maxBelowMin: 'Yläikäraja ei saa olla alaikärajaa ({min}) pienempi.',
    badDistance: 'Etäisyyden on oltava kokonaisluku väliltä 1–5000 km.',
    badInterest: 'Kiinnostuksen kohde voi olla enintään {max} merkkiä.',
    tooManyInterests: 'Hae enintään {max} kiinnostuksen kohteella kerrallaan.',
    badSort: 'Järjestä lastActive, distance tai newest mukaan.',
    badCursor: 'Tämä sivumerkki ei ole tästä hausta. Aloita ensimmäiseltä sivulta.',
    otherSortCursor: 'Sivumerkki kuuluu toiseen järjestykseen. Aloita ensimmäiseltä sivulta.',
    badLimit: 'Määrän on oltava kokonaisluku väliltä 1–50.',
    badOnline: 'Paikalla on true tai false.',
    onlineOnly: 'Vain nyt paikalla olevat',
    badHasPhoto: 'Kuva on true tai false.',
    badHeight: 'Pituus on kokonainen määrä senttejä {min}–{max}.',
    badProperty: 'Tuntematon arvo: {value}. Valitse luettelosta.',
    hasPhotoOnly: 'Vain jäsenet, joilla on kuva',
    moreFilters: 'Pituus, mitä etsii, lapset, tupakointi, kielet',
    minHeight: 'Lyhin (cm)',
    maxHeight: 'Pisin (cm)',
    noCity: 'Emme vielä tiedä paikkakuntaasi. Valitse paikka, josta haetaan.',
    badCityId: 'Anna paikan tunnus (kokonaisluku) osoitteesta /api/v1/cities.',
    unknownCityId: 'Emme tunne paikkaa {id}. Etsi paikkoja osoitteesta /api/v1/cities.',
    unknownCity: 'Emme tunne tätä paikkaa. Ala kirjoittaa ja valitse listasta.',
    noGender: 'Valitse ainakin yksi sukupuoli, jota etsit.',
    ambiguousCity: 'Usealla paikalla on tämä nimi. Valitse yksi: {choices}.',
    title: 'Haku',
    intro: 'Löydä jäseniä sukupuolen, iän, etäisyyden ja kiinnostuksen kohteiden mukaan.',
    showMe: 'Näytä',
    woman: 'naiset',
    man: 'miehet',
    nonbinary: 'muunsukupuoliset',
    minAge: 'Ikä alkaen',
    maxAge: 'Ikä enintään',
    city: 'Lähellä',
    cityHint: 'Paikkakunta; ala kirjoittaa ja valitse listasta.',
    maxDistance: 'Enintään (km)',
    interests: 'Kiinnostuksen kohteet',
    interestsHint: 'Jäsenet, joilla on ne kaikki; erota pilkuilla.',
    sort: 'Järjestys',
    lastActive: 'Viimeksi aktiivinen',
    distance: 'Etäisyys',
    newest: 'Uusimmat jäsenet',
    submit: 'Hae',
    fixErrors: 'Korjaa nämä ja hae uudelleen',
    results: 'Jäsenet',
    none: 'Kukaan ei vastaa hakua. Kokeile laajempaa ikähaarukkaa tai etäisyyttä.',
    next: 'Seuraava sivu',
    again: 'Takaisin ensimmäiselle sivulle',
  },
};
