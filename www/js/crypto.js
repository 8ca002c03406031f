// Encryption at rest with a passphrase (Web Crypto only).
//
// Why: opened from disk (file://), the page shares its origin with every
// other local HTML file, and any of them can read IndexedDB. With a
// passphrase, the library's records are sealed with AES-GCM (256-bit key,
// a fresh 96-bit IV per record write) under a key derived with PBKDF2-SHA-256
// (600,000 iterations, a random 128-bit salt). The key is never stored: it
// lives in this page's memory, non-extractable, until the tab closes. What
// stays readable: record ids, revs, which document a claim belongs to, the
// salt, and the counts in the localStorage marker (guard.js).

/** Iterations of PBKDF2-SHA-256 (OWASP's 2023 figure for it). */
export const ITERATIONS = 600_000;
const CHECK = 'klaim-library';

/**
 * A new lock for `passphrase`: {info, cipher}. `info` is stored (meta record
 * `crypto`): salt, iterations and a sealed check value, never the key.
 */
export async function newLock(passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const cipher = await cipherFor(passphrase, salt, ITERATIONS);
  const info = { key: 'crypto', kdf: 'PBKDF2-SHA-256', cipher: 'AES-GCM-256', iterations: ITERATIONS, salt, check: await cipher.seal({ check: CHECK }) };
  return { info, cipher };
}

/** The cipher for a stored lock `info`, or null when the passphrase is wrong. */
export async function unlock(info, passphrase) {
  const cipher = await cipherFor(passphrase, new Uint8Array(info.salt), info.iterations);
  try {
    return (await cipher.open(info.check))?.check === CHECK ? cipher : null;
  } catch {
    return null;
  }
}

/** {seal(value) -> {iv, data}, open({iv, data}) -> value}: JSON in AES-GCM. */
async function cipherFor(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
  return {
    async seal(value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
      return { iv, data };
    },
    async open({ iv, data }) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data);
      return JSON.parse(new TextDecoder().decode(plain));
    },
  };
}
