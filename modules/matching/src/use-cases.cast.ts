// More men near Stockholm, written like the shared cast, so Nancy has someone she
// and who fit each other: Bob is 64 km away, beyond her 50 km.
import type { Application } from '@meetcute/registration/events';

/** The shape of a cast member (@meetcute/cast), so approved() and signedUp() take these too. */
interface CastMember {
  memberId: string;
  email: string;
  application: Application;
}

const STOCKHOLM = {
  id: 2673730,
  name: 'Stockholm',
  label: 'Stockholm, Sweden',
  country: 'SE',
  latitude: 59.32938,
  longitude: 18.06871,
  timeZone: 'Europe/Stockholm',
};
const SODERTALJE = {
  id: 2676176,
  name: 'Södertälje',
  label: 'Södertälje, Sweden',
  country: 'SE',
  latitude: 59.19554,
  longitude: 17.62525,
  timeZone: 'Europe/Stockholm',
};
const SOLNA = {
  id: 2675408,
  name: 'Solna',
  label: 'Solna, Sweden',
  country: 'SE',
  latitude: 59.36004,
  longitude: 18.00086,
  timeZone: 'Europe/Stockholm',
};

const man = (
  n: string,
  nickname: string,
  birthday: string,
  city: typeof STOCKHOLM,
  lookingFor: CastMember['application']['lookingFor'],
): CastMember => ({
  memberId: `00000000-0000-7000-8000-0000000000${n}`,
  email: `${nickname.toLowerCase()}@example.com`,
  application: { nickname, gender: 'man', birthday, city, lookingFor, aboutMe: `I am ${nickname}.` },
});

/** 33, Stockholm (0 km from Nancy), looks for women 25–35 within 50 km: he and Nancy fit each other. */
export const adam = man('a1', 'Adam', '1993-05-05', STOCKHOLM, {
  genders: ['woman'],
  minAge: 25,
  maxAge: 35,
  maxDistanceKm: 50,
});
/** 30, Södertälje (29 km from Nancy), looks for women 25–35 within 60 km: fits Nancy both ways. */
export const carl = man('c1', 'Carl', '1996-01-10', SODERTALJE, {
  genders: ['woman'],
  minAge: 25,
  maxAge: 35,
  maxDistanceKm: 60,
});
/** 29, Solna (5 km from Nancy), looks for women 25–40 within 20 km: fits Nancy both ways. */
export const erik = man('e1', 'Erik', '1997-04-04', SOLNA, {
  genders: ['woman'],
  minAge: 25,
  maxAge: 40,
  maxDistanceKm: 20,
});
/** 45, Stockholm, looks for women 40–50: too old for Nancy, and she is too young for him. */
export const dan = man('d1', 'Dan', '1981-02-02', STOCKHOLM, {
  genders: ['woman'],
  minAge: 40,
  maxAge: 50,
  maxDistanceKm: 50,
});
/** 35, Stockholm, looks for men: he fits what Nancy looks for, she does not fit what he does. */
export const frank = man('f1', 'Frank', '1990-09-09', STOCKHOLM, {
  genders: ['man'],
  minAge: 25,
  maxAge: 45,
  maxDistanceKm: 50,
});
