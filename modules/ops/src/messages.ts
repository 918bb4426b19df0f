import type { Messages } from '@meetcute/web';

export type Key =
  | 'incidents'
  | 'incidentsIntro'
  | 'noIncidents'
  | 'filter'
  | 'status'
  | 'status_any'
  | 'status_open'
  | 'status_resolved'
  | 'severity'
  | 'severity_any'
  | 'sev1'
  | 'sev2'
  | 'sev3'
  | 'show'
  | 'openTitle'
  | 'title'
  | 'startedAt'
  | 'momentHint'
  | 'open'
  | 'fixTitle'
  | 'started'
  | 'resolved'
  | 'ongoing'
  | 'timeline'
  | 'noTimeline'
  | 'addNote'
  | 'note'
  | 'at'
  | 'add'
  | 'addLink'
  | 'url'
  | 'urlHint'
  | 'label'
  | 'link'
  | 'resolveTitle'
  | 'resolvedAt'
  | 'resolve'
  | 'postMortem'
  | 'postMortemIntro'
  | 'postMortemLater'
  | 'whatHappened'
  | 'impact'
  | 'pmTimeline'
  | 'factors'
  | 'followUps'
  | 'save'
  | 'releases'
  | 'releasesIntro'
  | 'noReleases'
  | 'version'
  | 'firstSeen'
  | 'nodes'
  | 'node'
  | 'commit'
  | 'backToIncidents'
  | 'overview'
  | 'lastHour'
  | 'lastDay'
  | 'uptime'
  | 'routes'
  | 'modules'
  | 'time'
  | 'noFigures'
  | 'name'
  | 'graph_traffic'
  | 'graph_latency'
  | 'graph_loop'
  | 'graph_delivery'
  | 'graph_business'
  | 'unit_perSecond'
  | 'unit_ms'
  | 'unit_events'
  | 'unit_perMinute'
  | 'series_rate'
  | 'series_errors'
  | 'series_p50'
  | 'series_p99'
  | 'series_loop_p99'
  | 'series_outbox'
  | 'series_lag'
  | 'series_sign_ups'
  | 'series_logins'
  | 'series_flirts'
  | 'series_messages'
  | 'series_photo_uploads'
  | 'series_reports'
  | 'events'
  | 'noEvents'
  | 'actor'
  | 'olderEvents'
  | 'member'
  | 'eventType'
  | 'eventTypeHint'
  | 'from'
  | 'to';

export const messages: Messages<Key> = {
  en: {
    incidents: 'Incidents',
    incidentsIntro:
      'What went wrong, what was done, and what we learned: every incident and its post-mortem.',
    noIncidents: 'No incidents match.',
    filter: 'Filter incidents',
    status: 'Status',
    status_any: 'Any status',
    status_open: 'Open',
    status_resolved: 'Resolved',
    severity: 'Severity',
    severity_any: 'Any severity',
    sev1: 'sev1: the site is down or members lose data',
    sev2: 'sev2: a feature is broken for many',
    sev3: 'sev3: degraded or broken for a few',
    show: 'Show',
    openTitle: 'Open an incident',
    title: 'What is wrong',
    startedAt: 'Started at (UTC)',
    momentHint: 'Leave empty for now.',
    open: 'Open the incident',
    fixTitle: 'Please fix the following',
    started: 'Started {moment}',
    resolved: 'Resolved {moment}',
    ongoing: 'Ongoing',
    timeline: 'Timeline',
    noTimeline: 'Nothing noted yet.',
    addNote: 'Add to the timeline',
    note: 'What was seen or done',
    at: 'When (UTC)',
    add: 'Add',
    addLink: 'Link a graph, trace or release',
    url: 'Address',
    urlHint: 'A page of the console (/ops?window=day, /ops/traces/…, /ops/releases) or an http(s) address.',
    label: 'Label',
    link: 'Link it',
    resolveTitle: 'Resolve',
    resolvedAt: 'Resolved at (UTC)',
    resolve: 'Resolve the incident',
    postMortem: 'Post-mortem',
    postMortemIntro: 'Blameless: what happened and why the system let it, not who.',
    postMortemLater: 'The post-mortem is written once the incident is resolved.',
    whatHappened: 'What happened',
    impact: 'Impact on members',
    pmTimeline: 'Timeline',
    factors: 'Contributing factors',
    followUps: 'Follow-ups',
    save: 'Save the post-mortem',
    releases: 'Releases',
    releasesIntro: 'Every version a node has started with: when it was first seen, and which nodes ran it.',
    noReleases: 'No node has reported its version yet.',
    version: 'Version',
    firstSeen: 'First seen',
    nodes: 'Nodes',
    node: 'Node',
    commit: 'Commit',
    backToIncidents: 'All incidents',
    overview: 'Overview',
    lastHour: 'Last hour',
    lastDay: 'Last 24 hours',
    uptime: 'Up for',
    routes: 'Routes (busiest, newest step)',
    modules: 'Modules (event handling and delivery)',
    time: 'Time (UTC)',
    noFigures: 'No figures yet: the node samples its metrics every 10 seconds.',
    name: 'Name',
    graph_traffic: 'Traffic and errors',
    graph_latency: 'Latency',
    graph_loop: 'Event-loop delay (p99)',
    graph_delivery: 'Outbox depth and consumer lag',
    graph_business: 'Members',
    unit_perSecond: 'per second',
    unit_ms: 'milliseconds',
    unit_events: 'events',
    unit_perMinute: 'per minute',
    series_rate: 'Requests',
    series_errors: 'Errors (5xx)',
    series_p50: 'p50 (ms)',
    series_p99: 'p99 (ms)',
    series_loop_p99: 'Delay p99 (ms)',
    series_outbox: 'Outbox',
    series_lag: 'Lag',
    series_sign_ups: 'Sign-ups',
    series_logins: 'Log-ins',
    series_flirts: 'Flirts',
    series_messages: 'Messages',
    series_photo_uploads: 'Photo uploads',
    series_reports: 'Reports',
    events: 'Events',
    noEvents: 'No events match.',
    actor: 'by',
    olderEvents: 'Older events',
    member: 'Member id',
    eventType: 'Event type',
    eventTypeHint: 'One word, such as MessageSent or FlirtSent.',
    from: 'From (UTC)',
    to: 'Until (UTC)',
  },
  sv: {
    incidents: 'Incidenter',
    incidentsIntro:
      'Vad som gick fel, vad som gjordes och vad vi lärde oss: varje incident och dess efteranalys.',
    noIncidents: 'Inga incidenter matchar.',
    filter: 'Filtrera incidenter',
    status: 'Status',
    status_any: 'Alla statusar',
    status_open: 'Öppna',
    status_resolved: 'Lösta',
    severity: 'Allvarlighet',
    severity_any: 'All allvarlighet',
    sev1: 'sev1: sajten ligger nere eller medlemmar förlorar data',
    sev2: 'sev2: en funktion är trasig för många',
    sev3: 'sev3: försämrad eller trasig för några',
    show: 'Visa',
    openTitle: 'Öppna en incident',
    title: 'Vad är fel',
    startedAt: 'Började (UTC)',
    momentHint: 'Lämna tomt för nu.',
    open: 'Öppna incidenten',
    fixTitle: 'Rätta följande',
    started: 'Började {moment}',
    resolved: 'Löst {moment}',
    ongoing: 'Pågår',
    timeline: 'Tidslinje',
    noTimeline: 'Inget antecknat ännu.',
    addNote: 'Lägg till i tidslinjen',
    note: 'Vad som sågs eller gjordes',
    at: 'När (UTC)',
    add: 'Lägg till',
    addLink: 'Länka en graf, ett spår eller en release',
    url: 'Adress',
    urlHint: 'En sida i konsolen (/ops?window=day, /ops/traces/…, /ops/releases) eller en http(s)-adress.',
    label: 'Etikett',
    link: 'Länka',
    resolveTitle: 'Lös',
    resolvedAt: 'Löst (UTC)',
    resolve: 'Markera incidenten som löst',
    postMortem: 'Efteranalys',
    postMortemIntro: 'Utan skuld: vad som hände och varför systemet tillät det, inte vem.',
    postMortemLater: 'Efteranalysen skrivs när incidenten är löst.',
    whatHappened: 'Vad som hände',
    impact: 'Påverkan på medlemmar',
    pmTimeline: 'Tidslinje',
    factors: 'Bidragande orsaker',
    followUps: 'Uppföljningar',
    save: 'Spara efteranalysen',
    releases: 'Releaser',
    releasesIntro: 'Varje version en nod har startat med: när den först sågs och vilka noder som körde den.',
    noReleases: 'Ingen nod har rapporterat sin version ännu.',
    version: 'Version',
    firstSeen: 'Först sedd',
    nodes: 'Noder',
    node: 'Nod',
    commit: 'Commit',
    backToIncidents: 'Alla incidenter',
    overview: 'Översikt',
    lastHour: 'Senaste timmen',
    lastDay: 'Senaste dygnet',
    uptime: 'Uppe i',
    routes: 'Rutter (mest trafik, senaste steget)',
    modules: 'Moduler (händelsehantering och leverans)',
    time: 'Tid (UTC)',
    noFigures: 'Inga siffror ännu: noden läser sina mätvärden var tionde sekund.',
    name: 'Namn',
    graph_traffic: 'Trafik och fel',
    graph_latency: 'Svarstid',
    graph_loop: 'Fördröjning i händelseloopen (p99)',
    graph_delivery: 'Utkorgens djup och konsumenternas eftersläpning',
    graph_business: 'Medlemmar',
    unit_perSecond: 'per sekund',
    unit_ms: 'millisekunder',
    unit_events: 'händelser',
    unit_perMinute: 'per minut',
    series_rate: 'Anrop',
    series_errors: 'Fel (5xx)',
    series_p50: 'p50 (ms)',
    series_p99: 'p99 (ms)',
    series_loop_p99: 'Fördröjning p99 (ms)',
    series_outbox: 'Utkorg',
    series_lag: 'Eftersläpning',
    series_sign_ups: 'Registreringar',
    series_logins: 'Inloggningar',
    series_flirts: 'Flörtar',
    series_messages: 'Meddelanden',
    series_photo_uploads: 'Fotouppladdningar',
    series_reports: 'Anmälningar',
    events: 'Händelser',
    noEvents: 'Inga händelser matchar.',
    actor: 'av',
    olderEvents: 'Äldre händelser',
    member: 'Medlems-id',
    eventType: 'Händelsetyp',
    eventTypeHint: 'Ett ord, till exempel MessageSent eller FlirtSent.',
    from: 'Från (UTC)',
    to: 'Till (UTC)',
  },
  fi: {
    incidents: 'Häiriöt',
    incidentsIntro: 'Mikä meni vikaan, mitä tehtiin ja mitä opimme: jokainen häiriö ja sen jälkianalyysi.',
    noIncidents: 'Ei vastaavia häiriöitä.',
    filter: 'Suodata häiriöitä',
    status: 'Tila',
    status_any: 'Kaikki tilat',
    status_open: 'Avoimet',
    status_resolved: 'Ratkaistut',
    severity: 'Vakavuus',
    severity_any: 'Kaikki vakavuudet',
    sev1: 'sev1: sivusto on alhaalla tai jäseniltä katoaa tietoja',
    sev2: 'sev2: toiminto on rikki monelle',
    sev3: 'sev3: heikentynyt tai rikki muutamalle',
    show: 'Näytä',
    openTitle: 'Avaa häiriö',
    title: 'Mikä on vialla',
    startedAt: 'Alkoi (UTC)',
    momentHint: 'Jätä tyhjäksi, jos nyt.',
    open: 'Avaa häiriö',
    fixTitle: 'Korjaa seuraavat',
    started: 'Alkoi {moment}',
    resolved: 'Ratkaistu {moment}',
    ongoing: 'Käynnissä',
    timeline: 'Aikajana',
    noTimeline: 'Ei vielä merkintöjä.',
    addNote: 'Lisää aikajanalle',
    note: 'Mitä havaittiin tai tehtiin',
    at: 'Milloin (UTC)',
    add: 'Lisää',
    addLink: 'Linkitä kaavio, jälki tai julkaisu',
    url: 'Osoite',
    urlHint: 'Konsolin sivu (/ops?window=day, /ops/traces/…, /ops/releases) tai http(s)-osoite.',
    label: 'Nimi',
    link: 'Linkitä',
    resolveTitle: 'Ratkaise',
    resolvedAt: 'Ratkaistu (UTC)',
    resolve: 'Merkitse häiriö ratkaistuksi',
    postMortem: 'Jälkianalyysi',
    postMortemIntro: 'Syyllistämättä: mitä tapahtui ja miksi järjestelmä salli sen, ei kuka.',
    postMortemLater: 'Jälkianalyysi kirjoitetaan, kun häiriö on ratkaistu.',
    whatHappened: 'Mitä tapahtui',
    impact: 'Vaikutus jäseniin',
    pmTimeline: 'Aikajana',
    factors: 'Myötävaikuttaneet tekijät',
    followUps: 'Jatkotoimet',
    save: 'Tallenna jälkianalyysi',
    releases: 'Julkaisut',
    releasesIntro:
      'Jokainen versio, jolla jokin solmu on käynnistynyt: milloin se nähtiin ensin ja missä solmuissa.',
    noReleases: 'Yksikään solmu ei ole vielä ilmoittanut versiotaan.',
    version: 'Versio',
    firstSeen: 'Nähty ensin',
    nodes: 'Solmut',
    node: 'Solmu',
    commit: 'Commit',
    backToIncidents: 'Kaikki häiriöt',
    overview: 'Yleiskuva',
    lastHour: 'Viimeinen tunti',
    lastDay: 'Viimeiset 24 tuntia',
    uptime: 'Ylhäällä',
    routes: 'Reitit (vilkkaimmat, uusin jakso)',
    modules: 'Moduulit (tapahtumien käsittely ja välitys)',
    time: 'Aika (UTC)',
    noFigures: 'Ei vielä lukuja: solmu lukee mittarinsa 10 sekunnin välein.',
    name: 'Nimi',
    graph_traffic: 'Liikenne ja virheet',
    graph_latency: 'Vasteaika',
    graph_loop: 'Tapahtumasilmukan viive (p99)',
    graph_delivery: 'Lähtevien jono ja kuluttajien viive',
    graph_business: 'Jäsenet',
    unit_perSecond: 'sekunnissa',
    unit_ms: 'millisekuntia',
    unit_events: 'tapahtumaa',
    unit_perMinute: 'minuutissa',
    series_rate: 'Pyynnöt',
    series_errors: 'Virheet (5xx)',
    series_p50: 'p50 (ms)',
    series_p99: 'p99 (ms)',
    series_loop_p99: 'Viive p99 (ms)',
    series_outbox: 'Lähtevät',
    series_lag: 'Viive',
    series_sign_ups: 'Rekisteröitymiset',
    series_logins: 'Kirjautumiset',
    series_flirts: 'Flirtit',
    series_messages: 'Viestit',
    series_photo_uploads: 'Kuvalataukset',
    series_reports: 'Ilmoitukset',
    events: 'Tapahtumat',
    noEvents: 'Ei vastaavia tapahtumia.',
    actor: 'tekijä',
    olderEvents: 'Vanhemmat tapahtumat',
    member: 'Jäsentunnus',
    eventType: 'Tapahtuman tyyppi',
    eventTypeHint: 'Yksi sana, kuten MessageSent tai FlirtSent.',
    from: 'Alkaen (UTC)',
    to: 'Asti (UTC)',
  },
};
