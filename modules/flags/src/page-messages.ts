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
  | 'everyone';

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
  },
};
