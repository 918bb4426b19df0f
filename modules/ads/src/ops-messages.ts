import type { Messages } from '@meetcute/web';

/** The console's ads pages, for operators in their language. */
export type OpsKey =
  | 'ads'
  | 'campaigns'
  | 'campaign'
  | 'status'
  | 'active'
  | 'paused'
  | 'ended'
  | 'impressions'
  | 'reached'
  | 'clicks'
  | 'clickThroughRate'
  | 'budgetLeft'
  | 'budgetOf'
  | 'byDay'
  | 'day'
  | 'newCampaign'
  | 'create'
  | 'change'
  | 'save'
  | 'resume'
  | 'pause'
  | 'end'
  | 'houseCampaign'
  | 'download'
  | 'fix'
  | 'name'
  | 'advertiser'
  | 'house'
  | 'starts'
  | 'ends'
  | 'dayHint'
  | 'impressionBudget'
  | 'dailyCap'
  | 'frequencyCap'
  | 'genders'
  | 'woman'
  | 'man'
  | 'nonbinary'
  | 'minAge'
  | 'maxAge'
  | 'country'
  | 'countryHint'
  | 'city'
  | 'cityHint'
  | 'radiusKm'
  | 'languages'
  | 'headline'
  | 'text'
  | 'url'
  | 'wholeNumber'
  | 'ageBad'
  | 'dayBad'
  | 'countryBad'
  | 'statusBad'
  | 'byPlacement'
  | 'placement'
  | 'all'
  | 'placement_news'
  | 'placement_alerts'
  | 'placement_profile'
  | 'graph'
  | 'noFigures'
  | 'preview'
  | 'previewNews'
  | 'previewAlerts'
  | 'previewProfile'
  | 'placementOff'
  | 'interests'
  | 'interestsHint'
  | 'image'
  | 'imageFile'
  | 'imageHint'
  | 'imageUpload'
  | 'imageRemove'
  | 'imageNone'
  | 'imageCurrent'
  | 'imageMissing'
  | 'imageNotOne'
  | 'imageHeic'
  | 'imageTooManyPixels'
  | 'imageTooLarge'
  | 'imageUnknown';

export const opsMessages: Messages<OpsKey> = {
  en: {
    ads: 'Ads',
    campaigns: 'Campaigns',
    campaign: 'Campaign',
    status: 'Status',
    active: 'active',
    paused: 'paused',
    ended: 'ended',
    impressions: 'Impressions',
    reached: 'Members reached',
    clicks: 'Clicks',
    clickThroughRate: 'Click-through rate',
    budgetLeft: 'Budget left',
    budgetOf: '{left} of {budget} impressions',
    byDay: 'By day (UTC)',
    day: 'Day',
    newCampaign: 'New campaign',
    create: 'Create the campaign',
    change: 'Change the campaign',
    save: 'Save',
    resume: 'Resume',
    pause: 'Pause',
    end: 'End for good',
    houseCampaign: 'house campaign',
    download: 'Download the figures (CSV)',
    fix: 'Fix these fields',
    name: 'Name',
    advertiser: 'Advertiser',
    house: 'House campaign (the community’s own)',
    starts: 'First day',
    ends: 'Last day',
    dayHint: 'YYYY-MM-DD, UTC',
    impressionBudget: 'Impression budget',
    dailyCap: 'Impressions a day at most',
    frequencyCap: 'Impressions a member a day at most',
    genders: 'Genders (none: all)',
    woman: 'women',
    man: 'men',
    nonbinary: 'non-binary',
    minAge: 'Lowest age',
    maxAge: 'Highest age',
    country: 'Country code',
    countryHint: 'Two letters, e.g. SE; empty: all',
    city: 'Near the place',
    cityHint: 'As members pick it, e.g. Stockholm, Sweden; empty: anywhere',
    radiusKm: 'Within km of it',
    languages: 'Languages (none: all)',
    headline: 'Headline',
    text: 'Text',
    url: 'Where a click leads',
    wholeNumber: 'Write a whole number of at least {min}',
    ageBad: 'Write an age from 18 to 120',
    dayBad: 'Write a day as YYYY-MM-DD',
    countryBad: 'Write a two-letter country code, e.g. SE',
    statusBad: 'Choose active, paused or ended',
    byPlacement: 'By placement',
    placement: 'Placement',
    all: 'all',
    placement_news: 'news',
    placement_alerts: 'alerts',
    placement_profile: 'profile',
    graph: 'Impressions and clicks by day',
    noFigures: 'Nothing shown yet.',
    preview: 'Preview',
    previewNews: 'In the news feed, after every {every} cards',
    previewAlerts: 'At the top of the alerts ({count} at most)',
    previewProfile: 'On a member’s profile page ({count} at most)',
    placementOff: 'This placement is off (0).',
    interests: 'Interests',
    interestsHint: 'Separated by commas, e.g. sailing, jazz; empty: all',
    image: 'Image',
    imageFile: 'Picture',
    imageHint:
      'JPEG, PNG, WebP or AVIF, up to {mb} MB. Shown above the headline, re-encoded without its metadata; saving it saves the campaign.',
    imageUpload: 'Upload and save',
    imageRemove: 'Remove the image',
    imageNone: 'No image: the ad shows its headline and text.',
    imageCurrent: 'The ad shows this image above its headline.',
    imageMissing: 'Choose an image to upload.',
    imageNotOne: 'This is not an image we can use. Upload a JPEG, PNG, WebP or AVIF image.',
    imageHeic:
      'HEIC images cannot be read here. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.',
    imageTooManyPixels:
      'The image has too many pixels: up to {side} pixels on a side and {mp} megapixels are accepted.',
    imageTooLarge:
      'Files up to {mb} MB are accepted. Choose a smaller one, or export it at a lower resolution.',
    imageUnknown:
      'The image was not found, so it is left out: save again without it, or upload one under Image.',
  },
  sv: {
    ads: 'Annonser',
    campaigns: 'Kampanjer',
    campaign: 'Kampanj',
    status: 'Status',
    active: 'aktiv',
    paused: 'pausad',
    ended: 'avslutad',
    impressions: 'Visningar',
    reached: 'Nådda medlemmar',
    clicks: 'Klick',
    clickThroughRate: 'Klickfrekvens',
    budgetLeft: 'Kvar av budgeten',
    budgetOf: '{left} av {budget} visningar',
    byDay: 'Per dag (UTC)',
    day: 'Dag',
    newCampaign: 'Ny kampanj',
    create: 'Skapa kampanjen',
    change: 'Ändra kampanjen',
    save: 'Spara',
    resume: 'Återuppta',
    pause: 'Pausa',
    end: 'Avsluta för gott',
    houseCampaign: 'egen kampanj',
    download: 'Ladda ner siffrorna (CSV)',
    fix: 'Rätta de här fälten',
    name: 'Namn',
    advertiser: 'Annonsör',
    house: 'Egen kampanj (gemenskapens egen)',
    starts: 'Första dagen',
    ends: 'Sista dagen',
    dayHint: 'ÅÅÅÅ-MM-DD, UTC',
    impressionBudget: 'Budget i visningar',
    dailyCap: 'Högst visningar per dag',
    frequencyCap: 'Högst visningar per medlem och dag',
    genders: 'Kön (inget: alla)',
    woman: 'kvinnor',
    man: 'män',
    nonbinary: 'icke-binära',
    minAge: 'Lägsta ålder',
    maxAge: 'Högsta ålder',
    country: 'Landskod',
    countryHint: 'Två bokstäver, t.ex. SE; tomt: alla',
    city: 'Nära orten',
    cityHint: 'Som medlemmar väljer den, t.ex. Stockholm, Sweden; tomt: var som helst',
    radiusKm: 'Inom så många km',
    languages: 'Språk (inget: alla)',
    headline: 'Rubrik',
    text: 'Text',
    url: 'Vart ett klick leder',
    wholeNumber: 'Skriv ett heltal, minst {min}',
    ageBad: 'Skriv en ålder från 18 till 120',
    dayBad: 'Skriv en dag som ÅÅÅÅ-MM-DD',
    countryBad: 'Skriv en landskod med två bokstäver, t.ex. SE',
    statusBad: 'Välj aktiv, pausad eller avslutad',
    byPlacement: 'Per placering',
    placement: 'Placering',
    all: 'alla',
    placement_news: 'nyheter',
    placement_alerts: 'notiser',
    placement_profile: 'profil',
    graph: 'Visningar och klick per dag',
    noFigures: 'Inget visat än.',
    preview: 'Förhandsvisning',
    previewNews: 'I nyhetsflödet, efter vart {every}:e kort',
    previewAlerts: 'Överst bland notiserna (högst {count})',
    previewProfile: 'På en medlems profilsida (högst {count})',
    placementOff: 'Placeringen är avstängd (0).',
    interests: 'Intressen',
    interestsHint: 'Åtskilda med kommatecken, t.ex. segling, jazz; tomt: alla',
    image: 'Bild',
    imageFile: 'Bildfil',
    imageHint:
      'JPEG, PNG, WebP eller AVIF, högst {mb} MB. Visas ovanför rubriken, omkodad utan metadata; att spara den sparar kampanjen.',
    imageUpload: 'Ladda upp och spara',
    imageRemove: 'Ta bort bilden',
    imageNone: 'Ingen bild: annonsen visar rubrik och text.',
    imageCurrent: 'Annonsen visar den här bilden ovanför rubriken.',
    imageMissing: 'Välj en bild att ladda upp.',
    imageNotOne: 'Det här är ingen bild vi kan använda. Ladda upp en JPEG-, PNG-, WebP- eller AVIF-bild.',
    imageHeic:
      'HEIC-bilder kan inte läsas här. Exportera den som JPEG (på en iPhone: Inställningar › Kamera › Format › Mest kompatibelt) och ladda upp den igen.',
    imageTooManyPixels:
      'Bilden har för många pixlar: högst {side} pixlar på en sida och {mp} megapixlar godtas.',
    imageTooLarge: 'Filer på högst {mb} MB godtas. Välj en mindre eller exportera den med lägre upplösning.',
    imageUnknown: 'Bilden hittades inte och utelämnas: spara igen utan den, eller ladda upp en under Bild.',
  },
  fi: {
    ads: 'Mainokset',
    campaigns: 'Kampanjat',
    campaign: 'Kampanja',
    status: 'Tila',
    active: 'käynnissä',
    paused: 'tauolla',
    ended: 'päättynyt',
    impressions: 'Näytöt',
    reached: 'Tavoitetut jäsenet',
    clicks: 'Klikkaukset',
    clickThroughRate: 'Klikkausprosentti',
    budgetLeft: 'Budjettia jäljellä',
    budgetOf: '{left} / {budget} näyttöä',
    byDay: 'Päivittäin (UTC)',
    day: 'Päivä',
    newCampaign: 'Uusi kampanja',
    create: 'Luo kampanja',
    change: 'Muuta kampanjaa',
    save: 'Tallenna',
    resume: 'Jatka',
    pause: 'Keskeytä',
    end: 'Lopeta pysyvästi',
    houseCampaign: 'oma kampanja',
    download: 'Lataa luvut (CSV)',
    fix: 'Korjaa nämä kentät',
    name: 'Nimi',
    advertiser: 'Mainostaja',
    house: 'Oma kampanja (yhteisön oma)',
    starts: 'Ensimmäinen päivä',
    ends: 'Viimeinen päivä',
    dayHint: 'VVVV-KK-PP, UTC',
    impressionBudget: 'Näyttöbudjetti',
    dailyCap: 'Enintään näyttöjä päivässä',
    frequencyCap: 'Enintään näyttöjä jäsentä kohden päivässä',
    genders: 'Sukupuolet (ei mitään: kaikki)',
    woman: 'naiset',
    man: 'miehet',
    nonbinary: 'muunsukupuoliset',
    minAge: 'Alin ikä',
    maxAge: 'Ylin ikä',
    country: 'Maakoodi',
    countryHint: 'Kaksi kirjainta, esim. SE; tyhjä: kaikki',
    city: 'Lähellä paikkaa',
    cityHint: 'Kuten jäsenet sen valitsevat, esim. Stockholm, Sweden; tyhjä: missä tahansa',
    radiusKm: 'Enintään km päässä siitä',
    languages: 'Kielet (ei mitään: kaikki)',
    headline: 'Otsikko',
    text: 'Teksti',
    url: 'Minne klikkaus vie',
    wholeNumber: 'Kirjoita kokonaisluku, vähintään {min}',
    ageBad: 'Kirjoita ikä väliltä 18–120',
    dayBad: 'Kirjoita päivä muodossa VVVV-KK-PP',
    countryBad: 'Kirjoita kaksikirjaiminen maakoodi, esim. SE',
    statusBad: 'Valitse käynnissä, tauolla tai päättynyt',
    byPlacement: 'Sijoittelun mukaan',
    placement: 'Sijoittelu',
    all: 'kaikki',
    placement_news: 'uutiset',
    placement_alerts: 'ilmoitukset',
    placement_profile: 'profiili',
    graph: 'Näytöt ja klikkaukset päivittäin',
    noFigures: 'Ei vielä näyttöjä.',
    preview: 'Esikatselu',
    previewNews: 'Uutisvirrassa, joka {every}. kortin jälkeen',
    previewAlerts: 'Ilmoitusten yläpuolella (enintään {count})',
    previewProfile: 'Jäsenen profiilisivulla (enintään {count})',
    placementOff: 'Tämä sijoittelu on pois päältä (0).',
    interests: 'Kiinnostuksen kohteet',
    interestsHint: 'Pilkuin erotettuina, esim. purjehdus, jazz; tyhjä: kaikki',
    image: 'Kuva',
    imageFile: 'Kuvatiedosto',
    imageHint:
      'JPEG, PNG, WebP tai AVIF, enintään {mb} Mt. Näytetään otsikon yläpuolella, uudelleenkoodattuna ilman metatietoja; sen tallentaminen tallentaa kampanjan.',
    imageUpload: 'Lataa ja tallenna',
    imageRemove: 'Poista kuva',
    imageNone: 'Ei kuvaa: mainos näyttää otsikon ja tekstin.',
    imageCurrent: 'Mainos näyttää tämän kuvan otsikon yläpuolella.',
    imageMissing: 'Valitse ladattava kuva.',
    imageNotOne: 'Tätä kuvaa ei voi käyttää. Lataa JPEG-, PNG-, WebP- tai AVIF-kuva.',
    imageHeic:
      'HEIC-kuvia ei voi lukea täällä. Vie kuva JPEG-muodossa (iPhonessa: Asetukset › Kamera › Formaatit › Yhteensopivin) ja lataa se uudelleen.',
    imageTooManyPixels:
      'Kuvassa on liikaa pikseleitä: enintään {side} pikseliä sivulla ja {mp} megapikseliä hyväksytään.',
    imageTooLarge:
      'Enintään {mb} Mt:n tiedostot hyväksytään. Valitse pienempi tai vie kuva pienemmällä tarkkuudella.',
    imageUnknown:
      'Kuvaa ei löytynyt, joten se jätetään pois: tallenna uudelleen ilman sitä tai lataa kuva kohdassa Kuva.',
  },
};
