import type { Messages } from '@meetcute/web';

/** The words of an approved member's home page (the front page keeps its own in index.ts). */
export const messages: Messages<
  | 'title'
  | 'intro'
  | 'suggestions'
  | 'interested'
  | 'news'
  | 'emptySuggestions'
  | 'emptyInterested'
  | 'emptyNews'
  | 'shownElsewhere'
> = {
  en: {
    title: 'Home',
    intro: 'People who fit what you look for, who showed interest in you, and what is new.',
    suggestions: 'Suggested for you',
    interested: 'Visited you or flirted',
    news: 'New in your news',
    emptySuggestions:
      'Nobody fits both ways yet: nobody who fits what you look for also looks for someone like you. Wider ages or a longer distance find more people.',
    emptyInterested:
      'Nobody has visited you or flirted with you yet. Profiles with a photo get far more visits.',
    emptyNews: 'Nothing new from the people who fit what you look for yet. Search finds them meanwhile.',
    shownElsewhere: 'Everyone here is on this page already.',
  },
  sv: {
    title: 'Hem',
    intro: 'Folk som passar det du söker, som visat intresse för dig, och vad som är nytt.',
    suggestions: 'Förslag till dig',
    interested: 'Besökte dig eller flörtade',
    news: 'Nytt i dina nyheter',
    emptySuggestions:
      'Ingen passar åt båda hållen än: ingen som passar det du söker söker också någon som du. Fler åldrar eller ett längre avstånd hittar fler.',
    emptyInterested: 'Ingen har besökt dig eller flörtat med dig än. Profiler med foto får många fler besök.',
    emptyNews: 'Inget nytt än från dem som passar det du söker. Sökningen hittar dem under tiden.',
    shownElsewhere: 'Alla här finns redan på den här sidan.',
  },
  fi: {
    title: 'Etusivu',
    intro: 'Ihmiset, jotka sopivat siihen mitä etsit, jotka ovat kiinnostuneet sinusta, ja mitä on uutta.',
    suggestions: 'Ehdotuksia sinulle',
    interested: 'Vierailivat tai flirttailivat',
    news: 'Uutta uutisissasi',
    emptySuggestions:
      'Kukaan ei vielä sovi molempiin suuntiin: kukaan etsimäsi ei etsi kaltaistasi. Laajempi ikähaarukka tai pidempi etäisyys löytää enemmän.',
    emptyInterested:
      'Kukaan ei ole vielä vieraillut profiilissasi tai flirttaillut kanssasi. Kuvalliset profiilit saavat paljon enemmän vierailuja.',
    emptyNews: 'Ei vielä mitään uutta etsimiltäsi ihmisiltä. Haku löytää heidät sillä välin.',
    shownElsewhere: 'Kaikki tässä ovat jo tällä sivulla.',
  },
};
