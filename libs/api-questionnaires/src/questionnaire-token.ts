import { createHash, randomBytes } from 'node:crypto';

/**
 * A link's token: 32 random bytes (256 bits) as base64url, 43 characters. It names nothing (no
 * patient, visit or site is derived from it) and cannot be guessed: at a million guesses a second
 * against a million open links, finding one takes longer than the universe's age. Only its
 * SHA-256 is stored; a plain hash suffices because the token is random (a slow hash protects
 * passwords people choose, not 256 random bits).
 */
export function newQuestionnaireToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: questionnaireTokenHash(token)! };
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The stored hash of a token as it arrived in a link, or null for anything that cannot be a token. */
export function questionnaireTokenHash(token: string): Buffer | null {
  if (!TOKEN.test(token)) return null;
  return createHash('sha256').update(token, 'utf8').digest();
}
