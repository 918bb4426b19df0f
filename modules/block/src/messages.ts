import type { Messages } from '@meetcute/web';

export const messages: Messages<
  'title' | 'empty' | 'unblock' | 'block' | 'blockedNotice' | 'unblockedNotice' | 'since' | 'explain'
> = {
  en: {
    title: 'Blocked members',
    empty: 'You have not blocked anyone.',
    unblock: 'Unblock',
    block: 'Block',
    blockedNotice: 'Blocked. You will not see each other anywhere any more.',
    unblockedNotice: 'Unblocked. You can find each other again.',
    since: 'blocked {date}',
    explain:
      'People you block cannot see you, and you do not see them: not in search, feeds, visitors or chat.',
  },
  sv: {
    title: 'Blockerade medlemmar',
    empty: 'Du har inte blockerat någon.',
    unblock: 'Häv blockering',
    block: 'Blockera',
    blockedNotice: 'Blockerad. Ni ser inte varandra någonstans längre.',
    unblockedNotice: 'Blockeringen är hävd. Ni kan hitta varandra igen.',
    since: 'blockerad {date}',
    explain:
      'De du blockerar kan inte se dig, och du ser inte dem: inte i sök, flöden, besökare eller chatt.',
  },
  fi: {
    title: 'Estetyt jäsenet',
    empty: 'Et ole estänyt ketään.',
    unblock: 'Poista esto',
    block: 'Estä',
  },
};
