import type { Messages } from '@meetcute/web';

type Key =
  | 'flags'
  | 'intro'
  | 'none'
  | 'key'
  | 'description'
  | 'variants'
  | 'variantsHint'
  | 'ramp'
  | 'rampHint'
  | 'create'
  | 'newFlag'
  | 'state'
  | 'on'
  | 'killed'
  | 'kill'
  | 'revive'
  | 'save'
  | 'changes'
  | 'fix'
  | 'created'
  | 'targeted'
  | 'ramped'
  | 'revived'
  | 'by'
  | 'targeting'
  | 'everyone'
  | 'reach'
  | 'reachLine'
  | 'reachHint'
  | 'members'
  | 'membersHint'
  | 'roles'
  | 'rolesHint'
  | 'countries'
  | 'countriesHint'
  | 'languages'
  | 'languagesHint'
  | 'targetingHint'
  | 'saveTargeting';

export const pageMessages: Messages<Key> = {
  en: {
    flags: 'Feature flags',
    intro: 'Turn a feature on for some members, ramp it up gradually, or pull its kill switch.',
    none: 'No flags yet.',
    key: 'Key',
    description: 'Description',
    variants: 'Variants',
    variantsHint: 'Leave empty for on/off; else names separated by commas, the first for members outside.',
    ramp: 'Share of members (%)',
    rampHint: 'Raising it keeps everyone who had the flag.',
    create: 'Create flag',
    newFlag: 'New flag',
    state: 'State',
    on: 'Live',
    killed: 'Killed: off for everyone',
    kill: 'Pull the kill switch',
    revive: 'Release the kill switch',
    save: 'Save',
    changes: 'Changes',
    fix: 'Please fix the following',
    created: 'created',
    targeted: 'changed targeting',
    ramped: 'ramped',
    revived: 'released the kill switch',
    by: 'by {who}',
    targeting: 'Targeting',
    everyone: 'everyone',
    reach: 'Reach',
    reachLine: 'Reaches {reached} of {of} members now ({share}).',
    reachHint:
      'Counted over every member by the same decision their pages get: the roles they hold, where they live, the language they signed up in, and the share.',
    members: 'Members',
    membersHint: 'Member ids who get the flag whatever the rest says, one a line.',
    roles: 'Roles',
    rolesHint: 'Only members with one of these roles (moderator, operator); empty: any.',
    countries: 'Countries',
    countriesHint: 'Only members living in one of these (SE, FI); empty: anywhere.',
    languages: 'Languages',
    languagesHint: 'Only members reading the site in one of these (en, sv, fi); empty: any.',
    targetingHint:
      'Separate the words by commas or spaces. Each list that is not empty must match; the share applies within.',
    saveTargeting: 'Save targeting',
  },
  sv: {
    flags: 'Funktionsflaggor',
    intro: 'Slå på en funktion för några medlemmar, öka gradvis eller dra i nödstoppet.',
    none: 'Inga flaggor än.',
    key: 'Nyckel',
    description: 'Beskrivning',
    variants: 'Varianter',
    variantsHint: 'Lämna tomt för av/på; annars namn åtskilda med komma, det första för medlemmar utanför.',
    ramp: 'Andel medlemmar (%)',
    rampHint: 'Den som hade flaggan behåller den när andelen höjs.',
    create: 'Skapa flagga',
    newFlag: 'Ny flagga',
    state: 'Läge',
    on: 'Aktiv',
    killed: 'Stoppad: av för alla',
    kill: 'Dra i nödstoppet',
    revive: 'Släpp nödstoppet',
    save: 'Spara',
    changes: 'Ändringar',
    fix: 'Rätta följande',
    created: 'skapade',
    targeted: 'ändrade målgruppen',
    ramped: 'ändrade andelen',
    revived: 'släppte nödstoppet',
    by: 'av {who}',
    targeting: 'Målgrupp',
    everyone: 'alla',
    reach: 'Räckvidd',
    reachLine: 'Når {reached} av {of} medlemmar nu ({share}).',
    reachHint:
      'Räknat över alla medlemmar med samma beslut som deras sidor får: rollerna de har, var de bor, språket de registrerade sig på och andelen.',
    members: 'Medlemmar',
    membersHint: 'Medlems-id som får flaggan vad resten än säger, ett per rad.',
    roles: 'Roller',
    rolesHint: 'Bara medlemmar med någon av dessa roller (moderator, operator); tomt: alla.',
    countries: 'Länder',
    countriesHint: 'Bara medlemmar som bor i något av dessa (SE, FI); tomt: var som helst.',
    languages: 'Språk',
    languagesHint: 'Bara medlemmar som läser sajten på något av dessa (en, sv, fi); tomt: alla.',
    targetingHint:
      'Skilj orden åt med komma eller mellanslag. Varje lista som inte är tom måste stämma; andelen gäller inom dem.',
    saveTargeting: 'Spara målgrupp',
  },
  fi: {
    flags: 'Ominaisuusliput',
    intro: 'Kytke ominaisuus päälle osalle jäsenistä, kasvata osuutta vähitellen tai vedä hätäjarrusta.',
    none: 'Ei vielä lippuja.',
    key: 'Avain',
    description: 'Kuvaus',
    variants: 'Variantit',
    variantsHint: 'Jätä tyhjäksi päälle/pois-lipulle; muuten nimet pilkuin, ensimmäinen ulkopuolisille.',
    ramp: 'Osuus jäsenistä (%)',
    rampHint: 'Osuuden kasvattaminen pitää lipun kaikilla, joilla se jo oli.',
    create: 'Luo lippu',
    newFlag: 'Uusi lippu',
    state: 'Tila',
    on: 'Käytössä',
    killed: 'Pysäytetty: pois kaikilta',
    kill: 'Vedä hätäjarrusta',
    revive: 'Vapauta hätäjarru',
    save: 'Tallenna',
    changes: 'Muutokset',
    fix: 'Korjaa seuraavat',
    created: 'loi',
    targeted: 'muutti kohdennusta',
    ramped: 'muutti osuutta',
    revived: 'vapautti hätäjarrun',
    by: 'tekijä {who}',
    targeting: 'Kohdennus',
    everyone: 'kaikki',
    reach: 'Kattavuus',
    reachLine: 'Tavoittaa nyt {reached} / {of} jäsentä ({share}).',
    reachHint:
      'Laskettu kaikista jäsenistä samalla päätöksellä kuin heidän sivunsa: heidän roolinsa, asuinmaansa, rekisteröitymiskielensä ja osuus.',
    members: 'Jäsenet',
    membersHint: 'Jäsentunnukset, jotka saavat lipun muista ehdoista riippumatta, yksi riviä kohden.',
    roles: 'Roolit',
    rolesHint: 'Vain jäsenet, joilla on jokin näistä rooleista (moderator, operator); tyhjä: kaikki.',
    countries: 'Maat',
    countriesHint: 'Vain jäsenet, jotka asuvat jossakin näistä (SE, FI); tyhjä: missä tahansa.',
    languages: 'Kielet',
    languagesHint: 'Vain jäsenet, jotka lukevat sivustoa jollakin näistä (en, sv, fi); tyhjä: kaikki.',
    targetingHint:
      'Erota sanat pilkuin tai välilyönnein. Jokaisen ei-tyhjän listan on täsmättävä; osuus pätee niiden sisällä.',
    saveTargeting: 'Tallenna kohdennus',
  },
};
