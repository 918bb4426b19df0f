import type { Messages } from '@meetcute/web';

export const messages: Messages<
  | 'title'
  | 'empty'
  | 'unblock'
  | 'block'
  | 'blockedNotice'
  | 'unblockedNotice'
  | 'since'
  | 'explain'
  | 'blockMore'
  | 'confirmTitle'
  | 'confirmExplain'
  | 'confirmChat'
  | 'confirmGone'
  | 'confirmBlock'
  | 'cancel'
  | 'howLong'
  | 'forGood'
  | 'forDay'
  | 'forWeek'
  | 'until'
> = {
  en: {
    title: 'Blocked members',
    empty: 'You have not blocked anyone.',
    unblock: 'Unblock',
    block: 'Block',
    blockedNotice: 'Blocked. You will not see each other anywhere any more.',
    unblockedNotice:
      'Unblocked. You can find each other again, and what the block hid is back: your conversation, flirts, favourites, alerts and visits. A private album it took away does not come back.',
    since: 'blocked {date}',
    explain:
      'People you block cannot see you, and you do not see them: not in search, feeds, visitors or chat.',
    blockMore: 'Block…',
    confirmTitle: 'Block {name}?',
    confirmExplain:
      'You will not see each other anywhere any more: not in search, feeds, visitors, online lists or chat, and neither of you can flirt with or write to the other. {name} is not told.',
    confirmChat:
      'Your conversation, flirts, favourites, alerts and visits are hidden for both of you, not deleted: if you unblock {name} later on the Blocked members page, they come back.',
    confirmGone:
      'Gone for good: the posts each of you made before in the other’s news, and any private album either of you showed the other (it can be shown again later). You can still report {name} from the Blocked members page.',
    confirmBlock: 'Block {name}',
    cancel: 'Cancel',
    howLong: 'For how long?',
    forGood: 'Until I unblock',
    forDay: 'For 24 hours',
    forWeek: 'For a week',
    until: 'until {date}',
  },
  sv: {
    title: 'Blockerade medlemmar',
    empty: 'Du har inte blockerat någon.',
    unblock: 'Häv blockering',
    block: 'Blockera',
    blockedNotice: 'Blockerad. Ni ser inte varandra någonstans längre.',
    unblockedNotice:
      'Blockeringen är hävd. Ni kan hitta varandra igen, och det som blockeringen dolde är tillbaka: er konversation, era flirtar, favoriter, händelser och besök. Privata album som den tog bort kommer inte tillbaka.',
    since: 'blockerad {date}',
    explain:
      'De du blockerar kan inte se dig, och du ser inte dem: inte i sök, flöden, besökare eller chatt.',
    blockMore: 'Blockera…',
    confirmTitle: 'Blockera {name}?',
    confirmExplain:
      'Ni ser inte varandra någonstans längre: inte i sök, flöden, besökare, online-listor eller chatt, och ingen av er kan flirta med eller skriva till den andra. {name} får inte veta det.',
    confirmChat:
      'Er konversation, era flirtar, favoriter, händelser och besök döljs för er båda, men raderas inte: häver du blockeringen av {name} senare under Blockerade medlemmar kommer de tillbaka.',
    confirmGone:
      'Borta för gott: det ni tidigare skrivit i varandras nyheter, och privata album som någon av er har visat den andra (de kan visas igen senare). Du kan fortfarande anmäla {name} från sidan Blockerade medlemmar.',
    confirmBlock: 'Blockera {name}',
    cancel: 'Avbryt',
    howLong: 'Hur länge?',
    forGood: 'Tills jag häver blockeringen',
    forDay: 'I 24 timmar',
    forWeek: 'I en vecka',
    until: 'till {date}',
  },
  fi: {
    title: 'Estetyt jäsenet',
    empty: 'Et ole estänyt ketään.',
    unblock: 'Poista esto',
    block: 'Estä',
    blockedNotice: 'Estetty. Ette näe enää toisianne missään.',
    unblockedNotice:
      'Esto poistettu. Löydätte taas toisenne, ja se, minkä esto piilotti, on palannut: keskustelunne, flirttinne, suosikkinne, ilmoituksenne ja vierailunne. Sen poistamat yksityiset albumit eivät palaa.',
    since: 'estetty {date}',
    explain:
      'Estämäsi jäsenet eivät näe sinua, etkä sinä näe heitä: et haussa, syötteissä, vierailijoissa etkä chatissa.',
    blockMore: 'Estä…',
    confirmTitle: 'Estetäänkö {name}?',
    confirmExplain:
      'Ette näe toisianne enää missään: ette haussa, syötteissä, vierailijoissa, paikalla-listoissa tai chatissa, eikä kumpikaan voi flirttailla tai kirjoittaa toiselle. {name} ei saa tietää.',
    confirmChat:
      'Keskustelunne, flirttinne, suosikkinne, ilmoituksenne ja vierailunne piilotetaan teiltä molemmilta, mutta niitä ei poisteta: jos poistat eston myöhemmin Estetyt jäsenet -sivulla, ne palaavat.',
    confirmGone:
      'Pysyvästi poistuvat: aiemmat julkaisunne toistenne uutisissa sekä yksityiset albumit, jotka jompikumpi on näyttänyt toiselle (ne voi näyttää myöhemmin uudelleen). Voit yhä tehdä ilmoituksen jäsenestä {name} Estetyt jäsenet -sivulla.',
    confirmBlock: 'Estä {name}',
    cancel: 'Peruuta',
    howLong: 'Kuinka pitkäksi aikaa?',
    forGood: 'Kunnes poistan eston',
    forDay: '24 tunniksi',
    forWeek: 'Viikoksi',
    until: '{date} asti',
  },
};
