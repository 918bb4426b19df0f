import type { Messages } from '@meetcute/web';

export const messages: Messages<
  'sponsored' | 'hide' | 'why' | 'not-relevant' | 'seen-too-often' | 'offensive' | 'other' | 'hidden'
> = {
  en: {
    sponsored: 'Sponsored',
    hide: 'Hide this ad',
    why: 'Why do you hide it?',
    'not-relevant': 'Not relevant to me',
    'seen-too-often': 'I see it too often',
    offensive: 'Offensive or misleading',
    other: 'Another reason',
    hidden: 'The ad is hidden. You will not see it again.',
  },
  sv: {
    sponsored: 'Sponsrad',
    hide: 'Dölj annonsen',
    why: 'Varför döljer du den?',
    'not-relevant': 'Inte relevant för mig',
    'seen-too-often': 'Jag ser den för ofta',
    offensive: 'Stötande eller vilseledande',
    other: 'Annat skäl',
    hidden: 'Annonsen är dold. Du ser den inte igen.',
  },
  fi: {
    sponsored: 'Sponsoroitu',
    hide: 'Piilota mainos',
    why: 'Miksi piilotat sen?',
    'not-relevant': 'Ei kiinnosta minua',
    'seen-too-often': 'Näen sen liian usein',
    offensive: 'Loukkaava tai harhaanjohtava',
    other: 'Muu syy',
    hidden: 'Mainos on piilotettu. Et näe sitä enää.',
  },
};
