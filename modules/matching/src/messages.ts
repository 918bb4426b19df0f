import type { Messages } from '@meetcute/web';
import type { ReasonKey } from './rules.ts';

export const messages: Messages<ReasonKey | 'title' | 'explain' | 'empty'> = {
  en: {
    title: 'Suggested for you',
    explain: 'Members who fit what you look for, and for whom you fit what they look for.',
    empty: 'No suggestions yet. Widening your age range or distance on your profile may bring some.',
    sharedOne: '1 shared interest',
    sharedMany: '{n} shared interests',
    away: '{km} km away',
    both: '{shared}, {away}',
  },
  sv: {
    title: 'Förslag för dig',
    explain: 'Medlemmar som passar det du söker, och som söker någon som du.',
    empty: 'Inga förslag än. Ett bredare åldersspann eller längre avstånd i din profil kan ge fler.',
    sharedOne: '1 gemensamt intresse',
    sharedMany: '{n} gemensamma intressen',
    away: '{km} km bort',
    both: '{shared}, {away}',
  },
  fi: {
    title: 'Ehdotuksia sinulle',
    explain: 'Jäseniä, jotka sopivat siihen mitä etsit ja jotka etsivät kaltaistasi.',
    empty: 'Ei vielä ehdotuksia. Laajempi ikähaarukka tai etäisyys profiilissasi voi tuoda niitä.',
    sharedOne: '1 yhteinen kiinnostuksen kohde',
    sharedMany: '{n} yhteistä kiinnostuksen kohdetta',
    away: '{km} km päässä',
    both: '{shared}, {away}',
  },
};
