import { Type } from 'typebox';
import { defineModule } from '@meetcute/core';
import { useCases } from './use-cases.ts';
import { discoveryUseCases } from './use-cases.discovery.ts';
import { discoveryPage } from './discovery.ts';
import {
  html,
  isLanguage,
  languageOf,
  localPath,
  renderContributions,
  sendPage,
  FRONT_PAGE_SECTIONS,
  type FrontPageSection,
  MEMBER_HOME,
  REVIEW_WORK,
  type ReviewWork,
  workWaiting,
  translator,
  LOCAL_PATH,
  type Messages,
} from '@meetcute/web';

type Key =
  | 'welcome'
  | 'pitch'
  | 'join'
  | 'login'
  | 'howTitle'
  | 'step1'
  | 'step2'
  | 'step3'
  | 'safeTitle'
  | 'safe1'
  | 'safe2'
  | 'safe3'
  | 'safe4'
  | 'again';

const messages: Messages<Key> = {
  en: {
    welcome: 'Meet someone near you',
    pitch: 'Meetcute is a friendly community: real people, reviewed by real moderators, chatting live.',
    join: 'Sign up, it is free',
    login: 'I already have an account',
    howTitle: 'How it works',
    step1: 'Sign up and say who you are looking for: gender, ages and how far away.',
    step2: 'A moderator looks at every new profile and photo before others see them.',
    step3:
      'Meet members who fit what you look for in your news, suggestions and search: flirt, and when you both want to, chat live.',
    safeTitle: 'Safe by design',
    safe1: 'Everyone here was let in by a moderator.',
    safe2: 'You choose who sees your private photos.',
    safe3: 'Block anyone at any time: they are not told, and you disappear from each other’s lists.',
    safe4: 'Nobody sees your email address.',
    again: 'Ready? Sign up, it takes two minutes.',
  },
  sv: {
    welcome: 'Träffa någon nära dig',
    pitch:
      'Meetcute är en vänlig gemenskap: riktiga människor, granskade av riktiga moderatorer, som chattar live.',
    join: 'Bli medlem, det är gratis',
    login: 'Jag har redan ett konto',
    howTitle: 'Så fungerar det',
    step1: 'Bli medlem och berätta vem du söker: kön, ålder och hur långt bort.',
    step2: 'En moderator tittar på varje ny profil och varje foto innan andra ser dem.',
    step3:
      'Träffa medlemmar som passar det du söker i dina nyheter, förslag och sökningar: flörta, och när ni båda vill, chatta live.',
    safeTitle: 'Trygghet från början',
    safe1: 'Alla här har släppts in av en moderator.',
    safe2: 'Du väljer vem som ser dina privata foton.',
    safe3:
      'Blockera vem som helst när som helst: de får inte veta det, och ni försvinner ur varandras listor.',
    safe4: 'Ingen ser din e-postadress.',
    again: 'Redo? Bli medlem, det tar två minuter.',
  },
  fi: {
    welcome: 'Tapaa joku läheltäsi',
    pitch: 'Meetcute on ystävällinen yhteisö: oikeita ihmisiä, oikeiden moderaattorien tarkistamia.',
    join: 'Liity, se on ilmaista',
    login: 'Minulla on jo tili',
    howTitle: 'Näin se toimii',
    step1: 'Liity ja kerro, ketä etsit: sukupuoli, ikä ja kuinka kaukaa.',
    step2: 'Moderaattori katsoo jokaisen uuden profiilin ja kuvan ennen kuin muut näkevät ne.',
    step3:
      'Tapaa jäseniä, jotka sopivat siihen mitä etsit, uutisissasi, ehdotuksissasi ja haussa: flirttaile, ja kun molemmat haluatte, jutelkaa livenä.',
    safeTitle: 'Turvallinen alusta asti',
    safe1: 'Jokainen täällä on moderaattorin hyväksymä.',
    safe2: 'Sinä päätät, kuka näkee yksityiset kuvasi.',
    safe3: 'Estä kuka tahansa milloin tahansa: hänelle ei kerrota, ja katoatte toistenne listoilta.',
    safe4: 'Kukaan ei näe sähköpostiosoitettasi.',
    again: 'Valmis? Liity, se vie kaksi minuuttia.',
  },
};

/**
 * The front page and the language switch, where every visit starts; and an approved
 * member's home, where they land after logging in (discovery.ts).
 */
export const home = defineModule({
  name: 'home',
  description:
    'The front page (members are sent on to where they belong), an approved member’s home (suggested people, who visited or flirted, the head of their news, their first steps) and the language switch.',
  publishes: [],
  consumes: [],
  tables: {},
  migrations: [],
  projections: [],
  useCases: [...useCases, ...discoveryUseCases],
  register(ctx) {
    ctx.http.get(
      '/',
      { config: { access: 'public', kind: 'page' }, schema: { hide: true } },
      async (request, reply) => {
        const viewer = request.viewer;
        if (viewer) {
          // A moderator with work waiting starts on it; a member, among people rather than on their own profile.
          const work = viewer.roles.includes('moderator')
            ? await workWaiting(ctx.services.contributions<ReviewWork>(REVIEW_WORK), viewer.memberId)
            : undefined;
          if (work) return reply.redirect(work, 303);
          // An approved member's home: people for them, who showed interest, their news (discovery.ts).
          return reply.redirect(viewer.status === 'approved' ? MEMBER_HOME : '/registration', 303);
        }
        const t = translator(messages, languageOf(request));
        const sections = await renderContributions(
          ctx.services.contributions<FrontPageSection>(FRONT_PAGE_SECTIONS),
          request,
        );
        return sendPage(request, reply, {
          title: t('welcome'),
          description: t('pitch'),
          // What Meetcute is, how it goes and what keeps members safe, before anyone signs up.
          body: html`<section class="hero">
              <h1>${t('welcome')}</h1>
              <p>${t('pitch')}</p>
              <p><a class="button" href="/signup">${t('join')}</a></p>
              <p><a href="/login">${t('login')}</a></p>
            </section>
            ${sections}
            <section class="landing">
              <h2>${t('howTitle')}</h2>
              <ol class="steps">
                ${(['step1', 'step2', 'step3'] as const).map((k) => html`<li>${t(k)}</li>`)}
              </ol>
              <h2>${t('safeTitle')}</h2>
              <ul class="promises">
                ${(['safe1', 'safe2', 'safe3', 'safe4'] as const).map((k) => html`<li>${t(k)}</li>`)}
              </ul>
              <p>${t('again')}</p>
              <p><a class="button" href="/signup">${t('join')}</a></p>
            </section>`,
        });
      },
    );

    ctx.http.get(
      '/language',
      {
        config: { access: 'public', kind: 'page' },
        schema: {
          hide: true,
          querystring: Type.Object({
            lang: Type.Union([Type.Literal('en'), Type.Literal('sv'), Type.Literal('fi')]),
            // Only a path on this site; anything else is a 400 naming `back`, never a redirect.
            back: Type.Optional(Type.String({ maxLength: 500, pattern: LOCAL_PATH })),
          }),
        },
      },
      async (request, reply) => {
        const { lang, back } = request.query;
        if (isLanguage(lang)) {
          reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 });
        }
        return reply.redirect(localPath(back, '/'), 303);
      },
    );

    discoveryPage(ctx.http, ctx.services);
  },
});
