import type { Messages } from '@meetcute/web';

type Key =
  | 'experiments'
  | 'intro'
  | 'none'
  | 'key'
  | 'flag'
  | 'flagHint'
  | 'noVariantFlags'
  | 'description'
  | 'metric'
  | 'replies'
  | 'repliesHint'
  | 'writers'
  | 'writersHint'
  | 'status'
  | 'draft'
  | 'running'
  | 'stopped'
  | 'newExperiment'
  | 'create'
  | 'fix'
  | 'start'
  | 'stop'
  | 'startHint'
  | 'stopHint'
  | 'startedAt'
  | 'stoppedAt'
  | 'results'
  | 'resultsCaption'
  | 'variant'
  | 'exposed'
  | 'trials'
  | 'conversions'
  | 'rate'
  | 'interval'
  | 'intervalHint'
  | 'notYet'
  | 'activity'
  | 'activityCaption'
  | 'messages'
  | 'messagesPerMember'
  | 'sessions'
  | 'sessionsPerMember'
  | 'activityHint'
  | 'backToList'
  | 'notNow';

export const experimentMessages: Messages<Key> = {
  en: {
    experiments: 'Experiments',
    intro:
      'An experiment compares the variants of a flag: each member served the flag keeps the variant of their first exposure, and the results count how each variant converts.',
    none: 'No experiments yet.',
    key: 'Key',
    flag: 'Flag',
    flagHint: 'A flag with variants; its share and targeting decide who takes part.',
    noVariantFlags: 'There is no flag with variants yet: create one among the flags first.',
    description: 'What it tries',
    metric: 'Metric',
    replies: 'Replies per first message',
    repliesHint: 'First messages sent by exposed members that got an answer.',
    writers: 'Writers',
    writersHint: 'Exposed members who sent a message afterwards.',
    status: 'Status',
    draft: 'Not started',
    running: 'Running',
    stopped: 'Stopped',
    newExperiment: 'New experiment',
    create: 'Create experiment',
    fix: 'Please fix the following',
    start: 'Start the experiment',
    stop: 'Stop the experiment',
    startHint: 'From now on members served the flag are assigned a variant they keep.',
    stopHint: 'Nothing more is counted; the results stay.',
    startedAt: 'Started',
    stoppedAt: 'Stopped',
    results: 'Results',
    resultsCaption: 'Per variant: exposures, what the metric counts, conversions, rate and 95 % interval',
    variant: 'Variant',
    exposed: 'Exposed members',
    trials: 'Counted',
    conversions: 'Conversions',
    rate: 'Rate',
    interval: '95 % interval',
    intervalHint:
      'Where the true rate lies with 95 % confidence (Wilson score interval); variants whose intervals overlap are not yet told apart.',
    notYet: 'not yet',
    activity: 'Activity since exposure',
    activityCaption:
      'Per variant: what exposed members did after their first exposure, while the experiment ran',
    messages: 'Messages sent',
    messagesPerMember: 'Messages per member',
    sessions: 'Sessions',
    sessionsPerMember: 'Sessions per member',
    activityHint:
      'A session is a log-in (with a password, a second factor or a sign-up); a member who stays logged in starts none. Compare the variants per member: their sizes differ.',
    backToList: 'All experiments',
    notNow: 'Not now: {why}',
  },
  sv: {
    experiments: 'Experiment',
    intro:
      'Ett experiment jämför varianterna av en flagga: varje medlem som får flaggan behåller varianten från sin första exponering, och resultaten räknar hur varje variant konverterar.',
    none: 'Inga experiment än.',
    key: 'Nyckel',
    flag: 'Flagga',
    flagHint: 'En flagga med varianter; dess andel och målgrupp avgör vilka som deltar.',
    noVariantFlags: 'Det finns ingen flagga med varianter än: skapa en bland flaggorna först.',
    description: 'Vad det prövar',
    metric: 'Mått',
    replies: 'Svar per första meddelande',
    repliesHint: 'Första meddelanden från exponerade medlemmar som fick svar.',
    writers: 'Skribenter',
    writersHint: 'Exponerade medlemmar som skickade ett meddelande efteråt.',
    status: 'Status',
    draft: 'Inte startat',
    running: 'Pågår',
    stopped: 'Stoppat',
    newExperiment: 'Nytt experiment',
    create: 'Skapa experiment',
    fix: 'Rätta följande',
    start: 'Starta experimentet',
    stop: 'Stoppa experimentet',
    startHint: 'Från och med nu får medlemmar som får flaggan en variant som de behåller.',
    stopHint: 'Inget mer räknas; resultaten finns kvar.',
    startedAt: 'Startat',
    stoppedAt: 'Stoppat',
    results: 'Resultat',
    resultsCaption: 'Per variant: exponeringar, vad måttet räknar, konverteringar, andel och 95 %-intervall',
    variant: 'Variant',
    exposed: 'Exponerade medlemmar',
    trials: 'Räknade',
    conversions: 'Konverteringar',
    rate: 'Andel',
    interval: '95 %-intervall',
    intervalHint:
      'Där den sanna andelen ligger med 95 % säkerhet (Wilsons intervall); varianter vars intervall överlappar går ännu inte att skilja åt.',
    notYet: 'inte än',
    activity: 'Aktivitet sedan exponeringen',
    activityCaption:
      'Per variant: vad exponerade medlemmar gjorde efter sin första exponering, medan experimentet pågick',
    messages: 'Skickade meddelanden',
    messagesPerMember: 'Meddelanden per medlem',
    sessions: 'Sessioner',
    sessionsPerMember: 'Sessioner per medlem',
    activityHint:
      'En session är en inloggning (med lösenord, tvåstegsverifiering eller registrering); en medlem som förblir inloggad startar ingen. Jämför varianterna per medlem: de är olika stora.',
    backToList: 'Alla experiment',
    notNow: 'Inte nu: {why}',
  },
  fi: {
    experiments: 'Kokeet',
    intro:
      'Koe vertaa lipun variantteja: jokainen lipun saava jäsen pitää ensimmäisen altistuksensa variantin, ja tulokset laskevat, miten kukin variantti konvertoi.',
    none: 'Ei vielä kokeita.',
    key: 'Avain',
    flag: 'Lippu',
    flagHint: 'Lippu, jolla on variantit; sen osuus ja kohdennus ratkaisevat, ketkä osallistuvat.',
    noVariantFlags: 'Varianttilippua ei vielä ole: luo ensin sellainen lippujen joukkoon.',
    description: 'Mitä se kokeilee',
    metric: 'Mittari',
    replies: 'Vastaukset ensimmäiseen viestiin',
    repliesHint: 'Altistettujen jäsenten ensimmäiset viestit, joihin vastattiin.',
    writers: 'Kirjoittajat',
    writersHint: 'Altistetut jäsenet, jotka lähettivät viestin sen jälkeen.',
    status: 'Tila',
    draft: 'Ei aloitettu',
    running: 'Käynnissä',
    stopped: 'Pysäytetty',
    newExperiment: 'Uusi koe',
    create: 'Luo koe',
    fix: 'Korjaa seuraavat',
    start: 'Aloita koe',
    stop: 'Pysäytä koe',
    startHint: 'Tästä lähtien lipun saavat jäsenet saavat variantin, jonka he pitävät.',
    stopHint: 'Mitään ei enää lasketa; tulokset säilyvät.',
    startedAt: 'Aloitettu',
    stoppedAt: 'Pysäytetty',
    results: 'Tulokset',
    resultsCaption: 'Varianteittain: altistukset, mittarin laskemat, konversiot, osuus ja 95 %:n väli',
    variant: 'Variantti',
    exposed: 'Altistetut jäsenet',
    trials: 'Laskettu',
    conversions: 'Konversiot',
    rate: 'Osuus',
    interval: '95 %:n väli',
    intervalHint:
      'Missä todellinen osuus on 95 %:n varmuudella (Wilsonin väli); variantteja, joiden välit menevät päällekkäin, ei vielä voi erottaa.',
    notYet: 'ei vielä',
    activity: 'Toiminta altistuksen jälkeen',
    activityCaption:
      'Varianteittain: mitä altistetut jäsenet tekivät ensimmäisen altistuksensa jälkeen kokeen aikana',
    messages: 'Lähetetyt viestit',
    messagesPerMember: 'Viestejä jäsentä kohden',
    sessions: 'Istunnot',
    sessionsPerMember: 'Istuntoja jäsentä kohden',
    activityHint:
      'Istunto on kirjautuminen (salasanalla, kaksivaiheisella tunnistautumisella tai rekisteröitymällä); kirjautuneena pysyvä jäsen ei aloita uutta. Vertaa variantteja jäsentä kohden: niiden koot eroavat.',
    backToList: 'Kaikki kokeet',
    notNow: 'Ei nyt: {why}',
  },
};
