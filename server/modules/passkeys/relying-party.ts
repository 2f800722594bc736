import type { Config } from '../../config.js';

/** The WebAuthn relying party: the portal's public address decides both the RP ID and the origin. */
export type RelyingParty = { id: string; name: string; origin: string };

export const rpName = 'Madoguchi';

/** Pending registration and login-step challenges live five minutes (also the browser's timeout). */
export const challengeMinutes = 5;

export function relyingParty(config: Pick<Config, 'publicUrl'>): RelyingParty {
  const url = new URL(config.publicUrl);
  return { id: url.hostname, name: rpName, origin: url.origin };
}
