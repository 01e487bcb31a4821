const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random id (16 base-36 characters, ~82 bits) from `Math.random`. Enough to keep ids made
 * offline by different people apart; callers that need reproducible ids pass their own.
 */
export function newId(prefix = ''): string {
  let out = prefix;
  for (let i = 0; i < 16; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}
