import { csrfFor, VIEWERS, type App } from '@meetcute/core';
import { codeAt, stepAt, ROLES } from '@meetcute/auth';
import { memberPortrait } from '@meetcute/community';

/**
 * A small demo community, made through the public API exactly as people would make
 * it, so every module sees the same events it would see live.
 */
export const DEMO_PASSWORD = 'meetcute-demo';

interface Person {
  nickname: string;
  gender: 'woman' | 'man' | 'nonbinary';
  birthday: string;
  cityId: number;
  looking: Array<'woman' | 'man' | 'nonbinary'>;
  ages: [number, number];
  aboutMe: string;
}

// GeoNames ids of a few Nordic places.
const STOCKHOLM = 2673730,
  UPPSALA = 2666199,
  GOTHENBURG = 2711537,
  MALMO = 2692969,
  OSLO = 3143244,
  HELSINKI = 658225,
  COPENHAGEN = 2618425,
  TAMPERE = 634963;

const people: Person[] = [
  {
    nickname: 'Nancy',
    gender: 'woman',
    birthday: '1995-03-14',
    cityId: STOCKHOLM,
    looking: ['man'],
    ages: [28, 40],
    aboutMe: 'Sailing, jazz and long walks in Djurgården.',
  },
  {
    nickname: 'Bob',
    gender: 'man',
    birthday: '1992-01-20',
    cityId: UPPSALA,
    looking: ['woman'],
    ages: [25, 35],
    aboutMe: 'I bake bread and climb rocks.',
  },
  {
    nickname: 'Eve',
    gender: 'woman',
    birthday: '1997-02-02',
    cityId: HELSINKI,
    looking: ['woman', 'man'],
    ages: [25, 40],
    aboutMe: 'Architect, sauna enthusiast.',
  },
  {
    nickname: 'Astrid',
    gender: 'woman',
    birthday: '1990-07-01',
    cityId: GOTHENBURG,
    looking: ['man'],
    ages: [30, 45],
    aboutMe: 'Nurse who loves the archipelago and board games.',
  },
  {
    nickname: 'Erik',
    gender: 'man',
    birthday: '1988-11-11',
    cityId: STOCKHOLM,
    looking: ['woman'],
    ages: [27, 38],
    aboutMe: 'Cyclist, coffee snob, learning Italian.',
  },
  {
    nickname: 'Linnea',
    gender: 'woman',
    birthday: '1999-04-30',
    cityId: MALMO,
    looking: ['woman'],
    ages: [22, 32],
    aboutMe: 'Illustrator. Dogs over cats, sorry.',
  },
  {
    nickname: 'Oskar',
    gender: 'man',
    birthday: '1985-09-09',
    cityId: OSLO,
    looking: ['woman'],
    ages: [30, 42],
    aboutMe: 'Cross-country skiing all winter, fishing all summer.',
  },
  {
    nickname: 'Sami',
    gender: 'nonbinary',
    birthday: '1994-12-24',
    cityId: TAMPERE,
    looking: ['woman', 'man', 'nonbinary'],
    ages: [25, 40],
    aboutMe: 'Synth music and sourdough.',
  },
  {
    nickname: 'Freja',
    gender: 'woman',
    birthday: '1993-05-17',
    cityId: COPENHAGEN,
    looking: ['man'],
    ages: [29, 40],
    aboutMe: 'Architect by day, salsa by night.',
  },
  {
    nickname: 'Johan',
    gender: 'man',
    birthday: '1991-02-28',
    cityId: UPPSALA,
    looking: ['woman'],
    ages: [26, 36],
    aboutMe: 'PhD student in ecology; I know every bird.',
  },
];

async function call(app: App, method: 'GET' | 'POST', url: string, body?: unknown, cookie?: string) {
  // A POST with nothing to say sends an empty JSON object: a body-less one needs the CSRF header.
  const payload = body ?? (method === 'POST' ? {} : undefined);
  const response = await app.http.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    headers: cookie ? { cookie } : {},
  });
  return response;
}

function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('mc_session='));
  if (!found) throw new Error('The demo sign-up got no session');
  return found.split(';')[0]!;
}

async function signUp(app: App, email: string, p: Person): Promise<{ memberId: string; cookie: string }> {
  const response = await call(app, 'POST', '/api/v1/registrations', {
    email,
    password: DEMO_PASSWORD,
    nickname: p.nickname,
    gender: p.gender,
    birthday: p.birthday,
    cityId: p.cityId,
    lookingFor: { genders: p.looking, minAge: p.ages[0], maxAge: p.ages[1], maxDistanceKm: 500 },
    aboutMe: p.aboutMe,
  });
  if (response.statusCode !== 201) throw new Error(`Demo sign-up of ${email} failed: ${response.body}`);
  const member = {
    memberId: response.json<{ memberId: string }>().memberId,
    cookie: sessionCookie(response.headers['set-cookie']),
  };
  // Nancy, whom the demo's log-in line names first, has a gallery of three to leaf through.
  await uploadPortraits(app, member, p, p.nickname === 'Nancy' ? 3 : 2);
  return member;
}

/**
 * Uploads a member's generated photos as their browser would (multipart, the CSRF token in
 * its header), the first one their portrait: they wait for review like any upload.
 */
async function uploadPortraits(
  app: App,
  member: { memberId: string; cookie: string },
  p: Person,
  count: number,
): Promise<void> {
  const token = member.cookie.slice(member.cookie.indexOf('=') + 1);
  const viewer = await app.services.require(VIEWERS).resolve(token);
  if (!viewer) throw new Error(`The demo's session of ${p.nickname} is unknown`);
  const boundary = 'meetcute-demo-photo';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  for (let k = 0; k < count; k++) {
    const image = await memberPortrait(member.memberId, p.gender, k);
    const payload = Buffer.concat([
      Buffer.from(field('album', 'public') + (k === 0 ? field('portrait', 'true') : '')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="portrait-${k + 1}.webp"\r\nContent-Type: image/webp\r\n\r\n`,
      ),
      image,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/photos',
      payload,
      headers: {
        cookie: member.cookie,
        'x-csrf-token': csrfFor(viewer.csrfSecret),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    if (response.statusCode !== 201) throw new Error(`Demo photo of ${p.nickname} failed: ${response.body}`);
  }
}

/**
 * A moderator approves photos waiting in their queue (never their own: the queue leaves those
 * out), as they would from the review page: those `which` picks, oldest first.
 */
async function approvePhotos(
  app: App,
  moderatorCookie: string,
  which: (queue: Array<{ photoId: string; ownerId: string }>) => Array<{ photoId: string }>,
): Promise<void> {
  const queue = await call(app, 'GET', '/api/v1/review/photos?limit=100', undefined, moderatorCookie);
  if (queue.statusCode !== 200) throw new Error(`Demo photo queue failed: ${queue.body}`);
  const { photos } = queue.json<{ photos: Array<{ photoId: string; ownerId: string }> }>();
  for (const { photoId } of which(photos)) {
    const r = await call(app, 'POST', `/api/v1/review/photos/${photoId}/approve`, undefined, moderatorCookie);
    if (r.statusCode !== 200) throw new Error(`Demo photo approval failed: ${r.body}`);
  }
}

/** Sets up two-factor authentication as a member would with an app; returns the app's key. */
async function setUpAuthenticator(app: App, cookie: string): Promise<string> {
  const setUp = await call(app, 'POST', '/api/v1/account/two-factor/setup', undefined, cookie);
  if (setUp.statusCode !== 201) throw new Error(`Demo two-factor setup failed: ${setUp.body}`);
  const { secret } = setUp.json<{ secret: string }>();
  const code = codeAt(secret, stepAt(app.clock.now()));
  const on = await call(app, 'POST', '/api/v1/account/two-factor', { code }, cookie);
  if (on.statusCode !== 201) throw new Error(`Demo two-factor confirmation failed: ${on.body}`);
  return secret;
}

/** Seeds the demo community once; returns false when it is already there. */
export async function seedDemo(app: App, log: (line: string) => void): Promise<boolean> {
  const exists = await call(app, 'POST', '/api/v1/sessions', {
    email: 'mo@example.com',
    password: DEMO_PASSWORD,
  });
  // 202: Mo's password is right and a code is asked for next.
  if (exists.statusCode === 200 || exists.statusCode === 202) return false;

  const roles = app.services.require(ROLES);
  // Two moderators, because nobody may approve their own sign-up.
  const mo = await signUp(app, 'mo@example.com', {
    nickname: 'Mo',
    gender: 'nonbinary',
    birthday: '1988-08-08',
    cityId: STOCKHOLM,
    looking: ['woman', 'man', 'nonbinary'],
    ages: [30, 50],
    aboutMe: 'Moderator of this demo.',
  });
  const kim = await signUp(app, 'kim@example.com', {
    nickname: 'Kim',
    gender: 'woman',
    birthday: '1986-06-06',
    cityId: OSLO,
    looking: ['man'],
    ages: [30, 50],
    aboutMe: 'Also a moderator.',
  });
  await app.processAll();
  await roles.grant('mo@example.com', 'moderator');
  await roles.grant('kim@example.com', 'moderator');
  // Mo runs the demo site too, so the console (/ops) can be tried with the demo's accounts.
  await roles.grant('mo@example.com', 'operator');
  // A moderator's role holds only with a second factor: both set up an authenticator app.
  const moKey = await setUpAuthenticator(app, mo.cookie);
  await setUpAuthenticator(app, kim.cookie);
  await app.processAll();
  const approve = async (by: string, memberId: string) => {
    const r = await call(app, 'POST', `/api/v1/review/registrations/${memberId}/approve`, undefined, by);
    if (r.statusCode !== 200) throw new Error(`Demo approval failed: ${r.body}`);
  };
  await approve(kim.cookie, mo.memberId);
  await approve(mo.cookie, kim.memberId);
  const members = new Map<string, { memberId: string; cookie: string }>();
  for (const [i, p] of people.entries()) {
    const member = await signUp(app, `${p.nickname.toLowerCase()}@example.com`, p);
    members.set(p.nickname, member);
    // Leave the last one waiting, so the review queue has something to show.
    if (i < people.length - 1) await approve(mo.cookie, member.memberId);
  }
  await app.processAll();
  // Mo approves every photo but the newest, left for the photo queue; Kim approves Mo's.
  await approvePhotos(app, mo.cookie, (queue) => queue.slice(0, -1));
  await approvePhotos(app, kim.cookie, (queue) => queue.filter((p) => p.ownerId === mo.memberId));
  await app.processAll();
  await liven(app, members);
  log(
    `Demo community: ${people.length + 2} members. Log in as nancy@example.com, password ${DEMO_PASSWORD}; ` +
      `or as mo@example.com (moderator and operator), same password, with a code from an authenticator app given the key ${moKey}`,
  );
  return true;
}

const TAGS = [
  'hiking',
  'jazz',
  'sailing',
  'cooking',
  'board games',
  'cycling',
  'photography',
  'sauna',
  'dogs',
  'skiing',
];

const POSTS: Record<string, string> = {
  Nancy: 'Heard a wonderful trio at Fasching last night. Who else loves live jazz?',
  Astrid: 'First swim of the year in the archipelago. Cold, but worth it!',
  Linnea: 'Drew my neighbour’s dog today. He posed like a pro.',
  Erik: 'Cycled to Uppsala and back. My legs disagree with my choices.',
  Freja: 'Salsa night on Thursday, beginners welcome.',
};

/** Makes the demo feel lived in: interests, diary posts, a flirt, a favourite and a visit. */
async function liven(app: App, members: Map<string, { memberId: string; cookie: string }>): Promise<void> {
  const post = async (who: string, url: string, body: unknown) => {
    const member = members.get(who);
    if (!member) return;
    const r = await call(app, 'POST', url, body, member.cookie);
    if (r.statusCode >= 400) throw new Error(`Demo ${url} for ${who} failed: ${r.body}`);
  };
  const names = people.slice(0, -1).map((p) => p.nickname);
  for (const [i, name] of names.entries()) {
    for (const k of [0, 3, 7]) await post(name, '/api/v1/interests', { tag: TAGS[(i + k) % TAGS.length] });
  }
  for (const [name, text] of Object.entries(POSTS)) await post(name, '/api/v1/diary', { text });
  const id = (name: string) => members.get(name)?.memberId ?? '';
  await post('Bob', '/api/v1/flirts', { memberId: id('Nancy') });
  await post('Erik', '/api/v1/favourites', { memberId: id('Nancy') });
  // A conversation Nancy has half read, so the chats page and its counter show something.
  await post('Bob', `/api/v1/chats/${id('Nancy')}/messages`, { body: 'Hi Nancy! I saw you like jazz too.' });
  await post('Nancy', `/api/v1/chats/${id('Bob')}/read`, {});
  await post('Nancy', `/api/v1/chats/${id('Bob')}/messages`, { body: 'I do! Have you been to Fasching?' });
  await post('Bob', `/api/v1/chats/${id('Nancy')}/messages`, { body: 'Not yet.\nShall we go on Friday?' });
  const visit = await call(
    app,
    'GET',
    `/api/v1/profiles/${id('Nancy')}`,
    undefined,
    members.get('Oskar')?.cookie,
  );
  if (visit.statusCode !== 200) throw new Error(`Demo visit failed: ${visit.body}`);
  await app.processAll();
}
