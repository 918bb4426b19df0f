import type { ModuleDefinition } from '@meetcute/core';
import { cities } from '@meetcute/cities';
import { registration } from '@meetcute/registration';
import { auth } from '@meetcute/auth';
import { profile } from '@meetcute/profile';
import { home } from '@meetcute/home';

/** Every module of the site, in the order they register (providers of services first). */
export const modules: ModuleDefinition[] = [cities, auth, registration, profile, home];
