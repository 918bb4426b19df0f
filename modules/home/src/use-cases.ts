import { useCase } from '@meetcute/core';
import { approved, bob, mo, nancy, signedUp } from '@meetcute/cast';

export const useCases = [
  useCase({
    title: 'A visitor is invited to sign up or log in',
    when: { method: 'GET', url: '/' },
    then: { status: 200, page: ['Meet someone near you', 'href="/signup"', 'href="/login"'] },
  }),
  useCase({
    title: 'The front page says how it works and what keeps members safe, before anyone signs up',
    when: { method: 'GET', url: '/' },
    then: {
      status: 200,
      page: [
        '<h2>How it works</h2>',
        'A moderator looks at every new profile and photo before others see them.',
        '<h2>Safe by design</h2>',
        'Block anyone at any time: they are not told',
        'Ready? Sign up, it takes two minutes.',
      ],
    },
  }),
  useCase({
    title: 'Every page names the site’s icon',
    when: { method: 'GET', url: '/' },
    then: { status: 200, page: ['<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg?v='] },
  }),
  useCase({
    title: 'The icon is an SVG image that browsers may keep for a year',
    when: { method: 'GET', url: '/assets/favicon.svg' },
    then: {
      status: 200,
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=31536000, immutable' },
    },
  }),
  useCase({
    title: 'Every page says what the site is to search engines and link previews',
    when: { method: 'GET', url: '/login' },
    then: {
      status: 200,
      page: ['<meta name="description" content="Meetcute is a friendly dating community', '<title>'],
    },
  }),
  useCase({
    title: 'A phone can keep the site on its home screen: every page names the manifest and a PNG icon',
    when: { method: 'GET', url: '/' },
    then: {
      status: 200,
      page: [
        '<link rel="manifest" href="/manifest.webmanifest" />',
        '<link rel="apple-touch-icon" href="/assets/icon-192.png?v=',
      ],
    },
  }),
  useCase({
    title: 'The style guide shows every component, with the design tokens the stylesheet declares',
    endpoint: 'GET /style-guide',
    when: { method: 'GET', url: '/style-guide' },
    then: {
      status: 200,
      page: [
        '<h1>Style guide</h1>',
        // The tokens, read from site.css: a colour with its swatch, a space, a radius.
        '<code>--accent</code>',
        'fill="#c2185b"',
        '<code>--space-4</code>',
        '<code>--radius-m</code>',
        // The components, as the pages draw them.
        'class="card member-card"',
        'class="error-summary"',
        'aria-invalid="true"',
        'class="notice feedback" role="status"',
        'rel="next"',
        'class="empty',
      ],
    },
  }),
  useCase({
    title: 'The manifest names the site and its icons at the sizes phones ask for',
    when: { method: 'GET', url: '/manifest.webmanifest' },
    then: {
      status: 200,
      headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
      body: {
        name: 'Meetcute',
        start_url: '/',
        display: 'standalone',
        icons: [
          { sizes: '192x192', type: 'image/png' },
          { sizes: '512x512', type: 'image/png' },
          { sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { sizes: 'any', type: 'image/svg+xml' },
        ],
      },
    },
  }),
  useCase({
    title: 'The home-screen icon is a PNG that browsers may keep for a year',
    when: { method: 'GET', url: '/assets/icon-512.png' },
    then: {
      status: 200,
      headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable' },
    },
  }),
  useCase({
    title: 'In Finnish the front page speaks Finnish',
    when: { method: 'GET', url: '/', headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['<h2>Näin se toimii</h2>', 'Kukaan ei näe sähköpostiosoitettasi.'] },
  }),
  useCase({
    title:
      'An approved member lands on her home, among people who fit what she looks for, not on her own profile',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/home' },
  }),
  useCase({
    title: 'A moderator with sign-ups waiting lands on the review queue',
    given: [...approved(mo), ...signedUp(bob)],
    when: { as: mo.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/review' },
  }),
  useCase({
    title: 'A moderator with nothing waiting lands among people like any member',
    given: approved(mo),
    when: { as: mo.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/home' },
  }),
  useCase({
    title: 'A member still in review goes to his review state',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/registration' },
  }),
  useCase({
    title: 'Choosing Swedish remembers it and goes back to the page',
    when: { method: 'GET', url: '/language?lang=sv&back=/signup' },
    then: { status: 303, location: '/signup' },
  }),
  useCase({
    title: 'The language switch never sends anyone to another site: a clear 400 instead',
    when: { method: 'GET', url: '/language?lang=fi&back=//evil.example/' },
    then: { status: 400, page: ['Some fields need fixing', 'back'] },
  }),
  useCase({
    title: 'A tab that browsers would drop cannot smuggle another site into the language switch',
    when: { method: 'GET', url: '/language?lang=fi&back=/%09/evil.example/' },
    then: { status: 400, page: ['back'] },
  }),
  useCase({
    title: 'A line break in the language switch’s way back is a 400, never a header',
    when: { method: 'GET', url: '/language?lang=fi&back=/%0d%0aSet-Cookie:%20x=1' },
    then: { status: 400, page: ['back'] },
  }),
  useCase({
    title: 'A way back that is not Latin-1 is a 400, not a server error',
    when: { method: 'GET', url: '/language?lang=sv&back=/%E2%82%AC' },
    then: { status: 400, page: ['back'] },
  }),
  useCase({
    title: 'A way back with an encoded search keeps it',
    when: { method: 'GET', url: '/language?lang=sv&back=/search?city=G%25C3%25B6teborg' },
    then: { status: 303, location: '/search?city=G%C3%B6teborg' },
  }),
  useCase({
    title: 'An unknown language is a clear 400',
    when: { method: 'GET', url: '/language?lang=xx' },
    then: { status: 400, page: ['Some fields need fixing'] },
  }),
  useCase({
    title: 'The front page speaks Swedish to a Swedish browser',
    when: { method: 'GET', url: '/', headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } },
    then: { status: 200, page: ['Träffa någon nära dig', 'lang="sv"'] },
  }),
];
