import { useCase } from '@meetcute/core';
import { nancy } from '@meetcute/cast';
import { clicked, HEADLINE, news, running, shown, SHOWN, SHOWN_AGAIN, URL } from './use-cases.kit.ts';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const click = (impressionId: string, headers?: Record<string, string>) =>
  ({
    as: nancy.memberId,
    method: 'GET',
    url: `/ads/click/${impressionId}`,
    ...(headers ? { headers } : {}),
  }) as const;

/** What is not counted: programs' page views and clicks, and repeated clicks. */
export const countingUseCases = [
  useCase({
    title: 'A crawler holding Nancy’s session is shown no ad, and no impression is counted',
    given: running(),
    when: news(nancy.memberId, { 'user-agent': GOOGLEBOT }),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'A link previewer following Nancy’s ad is led to its address, but the click is not counted',
    given: [...running(), shown(SHOWN)],
    when: click(SHOWN, { 'user-agent': 'WhatsApp/2.23.20.0 A' }),
    then: { status: 303, location: URL },
    endpoint: 'GET /ads/click/:impressionId',
  }),
  useCase({
    title: 'Nancy’s second click on a campaign the same day, on another impression of it, is not counted',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN), clicked(SHOWN)],
    when: click(SHOWN_AGAIN),
    then: { status: 303, location: URL },
    endpoint: 'GET /ads/click/:impressionId',
  }),
];
