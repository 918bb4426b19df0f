import type { Messages } from '@meetcute/web';

export type Key =
  | 'tracesTitle'
  | 'tracesIntro'
  | 'otlp'
  | 'route'
  | 'member'
  | 'minMs'
  | 'errorsOnly'
  | 'filter'
  | 'noTraces'
  | 'started'
  | 'duration'
  | 'spans'
  | 'modules'
  | 'errors'
  | 'traceTitle'
  | 'traceMissing'
  | 'traceLogs'
  | 'backToTraces'
  | 'span'
  | 'details'
  | 'dropped'
  | 'logsTitle'
  | 'logsIntro'
  | 'level'
  | 'anyLevel'
  | 'module'
  | 'traceId'
  | 'text'
  | 'noLines'
  | 'live'
  | 'node';

export const messages: Messages<Key> = {
  en: {
    tracesTitle: 'Traces',
    tracesIntro: 'Recent recorded requests, newest first: {count} kept on this node.',
    otlp: 'Spans are also sent to {endpoint}.',
    route: 'Route',
    member: 'Member id',
    minMs: 'At least (ms)',
    errorsOnly: 'Only with errors',
    filter: 'Filter',
    noTraces: 'No recorded trace matches.',
    started: 'Started',
    duration: 'Duration',
    spans: 'Spans',
    modules: 'Modules',
    errors: 'Errors',
    traceTitle: 'Trace {id}',
    traceMissing: 'This trace is not kept on this node (any more).',
    traceLogs: 'Log lines of this trace',
    backToTraces: 'All traces',
    span: 'Span',
    details: 'Details',
    dropped: '{count} spans were not kept: the trace had too many.',
    logsTitle: 'Logs',
    logsIntro: 'The newest log lines of every node that pass the filters, newest first.',
    level: 'Level at least',
    anyLevel: 'Any',
    module: 'Module',
    traceId: 'Trace id',
    text: 'Text',
    noLines: 'No log line matches.',
    live: 'New lines appear here as they are written.',
    node: 'Node',
  },
  sv: {
    tracesTitle: 'Spår',
    tracesIntro: 'Senast inspelade förfrågningar, nyaste först: {count} sparas på den här noden.',
    otlp: 'Spann skickas också till {endpoint}.',
    route: 'Väg',
    member: 'Medlems-id',
    minMs: 'Minst (ms)',
    errorsOnly: 'Bara med fel',
    filter: 'Filtrera',
    noTraces: 'Inget inspelat spår matchar.',
    started: 'Startade',
    duration: 'Tid',
    spans: 'Spann',
    modules: 'Moduler',
    errors: 'Fel',
    traceTitle: 'Spår {id}',
    traceMissing: 'Det här spåret finns inte (längre) på den här noden.',
    traceLogs: 'Loggrader för det här spåret',
    backToTraces: 'Alla spår',
    span: 'Spann',
    details: 'Detaljer',
    dropped: '{count} spann sparades inte: spåret hade för många.',
    logsTitle: 'Loggar',
    logsIntro: 'De nyaste loggraderna från alla noder som passar filtren, nyaste först.',
    level: 'Nivå minst',
    anyLevel: 'Alla',
    module: 'Modul',
    traceId: 'Spår-id',
    text: 'Text',
    noLines: 'Ingen loggrad matchar.',
    live: 'Nya rader visas här när de skrivs.',
    node: 'Nod',
  },
  fi: {
    tracesTitle: 'Jäljet',
    tracesIntro: 'Viimeksi tallennetut pyynnöt, uusin ensin: tällä solmulla säilytetään {count}.',
    otlp: 'Jaksot lähetetään myös osoitteeseen {endpoint}.',
    route: 'Reitti',
    member: 'Jäsentunnus',
    minMs: 'Vähintään (ms)',
    errorsOnly: 'Vain virheelliset',
    filter: 'Suodata',
    noTraces: 'Mikään tallennettu jälki ei täsmää.',
    started: 'Alkoi',
    duration: 'Kesto',
    spans: 'Jaksot',
    modules: 'Moduulit',
    errors: 'Virheet',
    traceTitle: 'Jälki {id}',
    traceMissing: 'Tätä jälkeä ei (enää) säilytetä tällä solmulla.',
    traceLogs: 'Tämän jäljen lokirivit',
    backToTraces: 'Kaikki jäljet',
    span: 'Jakso',
    details: 'Tiedot',
    dropped: '{count} jaksoa jäi säilyttämättä: jäljessä oli liian monta.',
    logsTitle: 'Lokit',
    logsIntro: 'Kaikkien solmujen uusimmat suodattimiin sopivat lokirivit, uusin ensin.',
    level: 'Taso vähintään',
    anyLevel: 'Kaikki',
    module: 'Moduuli',
    traceId: 'Jäljen tunnus',
    text: 'Teksti',
    noLines: 'Mikään lokirivi ei täsmää.',
    live: 'Uudet rivit näkyvät tässä sitä mukaa kuin ne kirjoitetaan.',
    node: 'Solmu',
  },
};
