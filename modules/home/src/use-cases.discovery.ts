import { given, useCase } from '@meetcute/core';
import { approved, bob, eve, nancy, signedUp } from '@meetcute/cast';
import { MemberBlocked } from '@meetcute/block/events';
import { DiaryPosted } from '@meetcute/diary/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { ProfileViewed } from '@meetcute/profile/events';
import { LookingForChanged, LookingForConfirmed } from '@meetcute/registration/events';

const HOME = { method: 'GET', url: '/home' } as const;
const nancyHome = { ...HOME, as: nancy.memberId } as const;

/** Nancy widens her search to 100 km: Bob in Uppsala, 65 km away, fits her and she fits him. */
const nancyReaches = given(
  LookingForChanged,
  { memberId: nancy.memberId, lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 } },
  { actorId: nancy.memberId },
);
const nancyAndBob = [...approved(nancy), ...approved(bob), nancyReaches];

const viewed = (viewerId: string, memberId: string, at: string) =>
  given(ProfileViewed, { viewerId, memberId }, { actorId: viewerId, at });
const flirted = (senderId: string, recipientId: string, at: string) =>
  given(
    FlirtSent,
    { flirtId: `0190a000-0000-7000-8000-${senderId.slice(-12)}`, senderId, recipientId },
    { actorId: senderId, at },
  );
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const wrote = (memberId: string, text: string) =>
  given(
    DiaryPosted,
    { postId: `0190b000-0000-7000-8000-${memberId.slice(-12)}`, memberId, text },
    { actorId: memberId },
  );

/** Bob would be in every part of Nancy's home: suggested, a visitor, a flirt, in her news. */
const bobEverywhere = [
  ...nancyAndBob,
  viewed(bob.memberId, nancy.memberId, '2026-06-01T08:00:00.000Z'),
  flirted(bob.memberId, nancy.memberId, '2026-06-01T08:30:00.000Z'),
  wrote(bob.memberId, 'Baked sourdough today.'),
];

/** An approved member's home: people for her, who showed interest, her news and her first steps. */
export const discoveryUseCases = [
  useCase({
    title: 'A new member’s home has a part for each, and where nothing is yet, the step that would fill it',
    given: approved(nancy),
    when: nancyHome,
    then: {
      status: 200,
      page: [
        '<h1>Home</h1>',
        '<h2 id="home-suggestions">Suggested for you</h2>',
        'Nobody fits both ways yet',
        'href="/profile/details">Change whom you look for</a>',
        '<h2 id="home-interested">Visited you or flirted</h2>',
        'Nobody has visited you or flirted with you yet.',
        'href="/photos">Add a photo</a>',
        '<h2 id="home-news">New in your news</h2>',
        'href="/search">Find people in search</a>',
      ],
    },
  }),
  useCase({
    title: 'Nancy’s home suggests Bob, who fits her and whom she fits, with the way to all suggestions',
    given: nancyAndBob,
    when: nancyHome,
    then: {
      status: 200,
      page: [
        `class="card member-card" id="member-${bob.memberId}"`,
        `<a href="/members/${bob.memberId}">Bob</a>`,
        '34 years · man · Uppsala, Sweden · 64 km away',
        '<a href="/suggestions">All suggestions</a>',
        // The buttons every card has: a flirt that comes back here.
        `action="/members/${bob.memberId}/flirt"`,
        `name="back" value="/home#member-${bob.memberId}"`,
      ],
    },
  }),
  useCase({
    title: 'Who visited or flirted with Nancy, newest first, each once with everything they did',
    given: [
      ...approved(nancy),
      ...approved(bob),
      ...approved(eve),
      viewed(bob.memberId, nancy.memberId, '2026-06-01T08:00:00.000Z'),
      flirted(bob.memberId, nancy.memberId, '2026-06-01T08:30:00.000Z'),
      viewed(eve.memberId, nancy.memberId, '2026-06-01T09:00:00.000Z'),
    ],
    when: nancyHome,
    then: {
      status: 200,
      page: [
        // Eve came last; Bob flirted after his visit, and his card says both.
        'Visited you 1 h ago</time></p>',
        'Flirted with you 1 h ago</time> · <time datetime="2026-06-01T08:00:00.000Z">Visited you 2 h ago',
        '<a href="/flirts">All flirts</a> <a href="/visitors">All visitors</a>',
      ],
    },
  }),
  useCase({
    title:
      'Bob, suggested for Nancy, flirted with her: his card says so among who showed interest, once on the page',
    given: [...nancyAndBob, flirted(bob.memberId, nancy.memberId, '2026-06-01T08:30:00.000Z')],
    when: nancyHome,
    then: {
      status: 200,
      page: [
        '<h2 id="home-suggestions">Suggested for you</h2>\n<p class="empty">Everyone here is on this page already.</p>',
        'Flirted with you 1 h ago',
        '<a href="/suggestions">All suggestions</a>',
      ],
    },
  }),
  useCase({
    title: 'Eve’s visit comes before Bob’s flirt: the newest is first',
    given: [
      ...approved(nancy),
      ...approved(bob),
      ...approved(eve),
      flirted(bob.memberId, nancy.memberId, '2026-06-01T08:30:00.000Z'),
      viewed(eve.memberId, nancy.memberId, '2026-06-01T09:00:00.000Z'),
    ],
    when: nancyHome,
    then: { status: 200, page: [`member-${eve.memberId}"`, `member-${bob.memberId}"`] },
  }),
  useCase({
    title: 'The head of Bob’s news: Nancy wrote in her diary; opening his home does not mark his news seen',
    given: [...approved(bob), ...approved(nancy), wrote(nancy.memberId, 'Sailing on Saturday, anyone?')],
    when: { ...HOME, as: bob.memberId },
    then: {
      status: 200,
      page: [
        `<a href="/members/${nancy.memberId}">Nancy</a>`,
        'Wrote in their diary · <time datetime=',
        '<a href="/news">All your news</a>',
        // She fits what he looks for, but he is beyond her 50 km: no suggestion.
        'Nobody fits both ways yet',
      ],
      // No NewsSeen: the news counter still shows what /news has for him.
      events: [],
    },
  }),
  useCase({
    title: 'Nancy blocked Bob: he is in no part of her home, not as a suggestion, a visitor, a flirt or news',
    given: [...bobEverywhere, blocked(nancy.memberId, bob.memberId)],
    when: nancyHome,
    then: {
      status: 200,
      page: ['Nobody fits both ways yet', 'Nobody has visited you or flirted with you yet.'],
      pageLacks: ['Bob', bob.memberId],
    },
  }),
  useCase({
    title: 'Bob blocked Nancy: nothing of him shows on her home either',
    given: [...bobEverywhere, blocked(bob.memberId, nancy.memberId)],
    when: nancyHome,
    then: { status: 200, pageLacks: ['Bob', bob.memberId] },
  }),
  useCase({
    title: 'Her first steps head her home, whom she looks for among them until she saved it once',
    given: approved(nancy),
    when: nancyHome,
    then: {
      status: 200,
      page: [
        '<h2 id="first-steps">Get your profile ready</h2>',
        '<li><a href="/profile/details">Check whom you look for: genders, ages and distance</a></li>',
        '<li><a href="/photos">Add a portrait</a></li>',
        '<li><a href="/interests">Add a few interests</a></li>',
      ],
    },
  }),
  useCase({
    title: 'Once Nancy saved whom she looks for, the step is ticked off',
    given: [
      ...approved(nancy),
      given(LookingForConfirmed, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: nancyHome,
    then: { status: 200, page: ['<span>✓ Check whom you look for: genders, ages and distance</span>'] },
  }),
  useCase({
    title: 'The bar’s first link is the member’s home, marked as the page she is on',
    given: approved(nancy),
    when: nancyHome,
    then: { status: 200, page: ['<a href="/home" aria-current="page"', '<span>Home</span>'] },
  }),
  useCase({
    title: 'In Swedish, her home speaks Swedish',
    given: approved(nancy),
    when: { ...nancyHome, headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: [
        '<h1>Hem</h1>',
        'Förslag till dig',
        'Besökte dig eller flörtade',
        'Nytt i dina nyheter',
        'Kontrollera vem du söker',
        'Ändra vem du söker',
      ],
    },
  }),
  useCase({
    title: 'In Finnish, her home speaks Finnish',
    given: approved(nancy),
    when: { ...nancyHome, headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: [
        '<h1>Etusivu</h1>',
        'Ehdotuksia sinulle',
        'Vierailivat tai flirttailivat',
        'Tarkista ketä etsit',
      ],
    },
  }),
  useCase({
    title: 'A visitor who is not logged in is asked to log in',
    when: HOME,
    then: { status: 303, location: '/login?next=%2Fhome' },
  }),
  useCase({
    title: 'A member still in review is sent to his sign-up, which says why the page is not open yet',
    given: signedUp(bob),
    when: { ...HOME, as: bob.memberId },
    then: { status: 303, location: '/registration?closed=1' },
  }),
];
