import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

// The tag is stored as it was normalised when added; the schema does not repeat the
// rules, so events recorded under older rules still replay.
export const InterestAdded = defineEvent({
  type: 'InterestAdded',
  module: 'interests',
  description:
    'A member added an interest (a normalised tag such as "hiking" or "jazz") to their profile; it shows there and they appear among members with that tag.',
  schema: Type.Object({ memberId: Type.String(), tag: Type.String() }),
});

export const InterestRemoved = defineEvent({
  type: 'InterestRemoved',
  module: 'interests',
  description: 'A member removed an interest from their profile; they no longer appear under that tag.',
  schema: Type.Object({ memberId: Type.String(), tag: Type.String() }),
});

export const events = [InterestAdded, InterestRemoved];
