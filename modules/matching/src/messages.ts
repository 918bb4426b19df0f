import type { Messages } from '@meetcute/web';
import type { ReasonKey } from './rules.ts';

export const messages: Messages<ReasonKey | 'title' | 'explain' | 'empty' | 'all'> = {
  en: {
    title: 'Suggested for you',
    all: 'All suggestions',
    explain: 'Members who fit what you look for, and for whom you fit what they look for.',
    empty: 'No suggestions yet. Widening your age range or distance on your profile may bring some.',
    shared: '{n} shared interests',
    shared_one: '{n} shared interest',
    away: '{km} km away',
    both: '{shared}, {away}',
  },
  sv: {
    title: 'Förslag för dig',
    all: 'Alla förslag',
    explain: 'Medlemmar som passar det du söker, och som söker någon som du.',
    empty: 'Inga förslag än. Ett bredare åldersspann eller längre avstånd i din profil kan ge fler.',
    shared: '{n} gemensamma intressen',
    shared_one: '{n} gemensamt intresse',
    away: '{km} km bort',
    both: '{shared}, {away}',
  },
  fi: {
    title: 'Ehdotuksia sinulle',
    all: 'Kaikki ehdotukset',
    explain: 'Jäseniä, jotka sopivat siihen mitä etsit ja jotka etsivät kaltaistasi.',
    empty: 'Ei vielä ehdotuksia. Laajempi ikähaarukka tai etäisyys profiilissasi voi tuoda niitä.',
    shared: '{n} yhteistä kiinnostuksen kohdetta',
    shared_one: '{n} yhteinen kiinnostuksen kohde',
    away: '{km} km päässä',
    both: '{shared}, {away}',
  },
};
