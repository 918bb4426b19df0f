import { useCase } from '@meetcute/core';
import { approved, bob, nancy, signedUp } from '@meetcute/cast';

export const useCases = [
  useCase({
    title: 'A visitor is invited to sign up or log in',
    when: { method: 'GET', url: '/' },
    then: { status: 200, page: ['Meet someone near you', 'href="/signup"', 'href="/login"'] },
  }),
  useCase({
    title: 'An approved member goes straight to her profile',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/profile' },
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
    title: 'The language switch never sends anyone to another site',
    when: { method: 'GET', url: '/language?lang=fi&back=//evil.example/' },
    then: { status: 303, location: '/' },
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
