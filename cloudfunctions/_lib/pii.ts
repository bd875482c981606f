// Personal data at rest: ID numbers and phone numbers are stored sealed with AES-256-GCM, so a copy
// of the data file (a backup, an export of the CloudBase collection) does not carry them in clear.
// Handlers seal on write and open on read only where the owner or staff legitimately see the value
// (masked in lists). Values written before encryption (seeded history, demo data) have no prefix and
// read as they are.
//
// Stored form: `enc:v1:<iv base64>:<tag base64>:<ciphertext base64>` (12-byte random IV, 16-byte tag).
// The key: `PII_KEY` (base64 of 32 bytes) in production; locally a key generated on first start and
// kept in a file beside, but separate from, the data file (mode 0600).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const PII_PREFIX = 'enc:v1:';

export interface PiiCipher {
  /** Seals a value for storage (a new random IV each time). */
  seal(plain: string): string;
  /** Opens a stored value; a value without the prefix is legacy plaintext and is returned as is. */
  open(stored: string): string;
}

export class PiiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PiiKeyError';
  }
}

export function isSealed(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(PII_PREFIX);
}

/** Decodes a base64 key and insists on 32 bytes. */
export function parsePiiKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new PiiKeyError('PII_KEY must be the base64 encoding of exactly 32 bytes');
  return key;
}

export function createPiiCipher(key: Buffer): PiiCipher {
  if (key.length !== 32) throw new PiiKeyError('an AES-256 key has 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PII_PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    open(stored) {
      if (!stored.startsWith(PII_PREFIX)) return stored;
      const [iv, tag, body] = stored.slice(PII_PREFIX.length).split(':');
      if (iv === undefined || tag === undefined || body === undefined) throw new PiiKeyError('sealed value is malformed');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // Wrong key or a tampered value: never echo the stored value.
        throw new PiiKeyError('sealed value cannot be opened with this key');
      }
    },
  };
}

/**
 * Production: the key comes from `PII_KEY`. Without it the cipher refuses to seal or open (the
 * functions that do not touch personal data keep working; the ones that do answer UNAVAILABLE).
 */
export function piiCipherFromEnv(value: string | undefined): PiiCipher {
  if (value) return createPiiCipher(parsePiiKey(value));
  const missing = (): never => {
    throw new PiiKeyError('PII_KEY is not configured');
  };
  return { seal: missing, open: (stored) => (stored.startsWith(PII_PREFIX) ? missing() : stored) };
}

/** Local mode: reads the key file, or creates it (32 random bytes, base64, mode 0600) on first start. */
export function localPiiCipher(keyFile: string): PiiCipher {
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    // 'wx': never overwrite a key another process wrote meanwhile.
    try {
      writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(keyFile, 0o600);
  return createPiiCipher(parsePiiKey(readFileSync(keyFile, 'utf8')));
}

let ephemeral: PiiCipher | undefined;
/**
 * Where no cipher was configured (in-process harnesses), a key that lives as long as the process:
 * values still never reach the store in clear.
 */
export function ephemeralPiiCipher(): PiiCipher {
  ephemeral ??= createPiiCipher(randomBytes(32));
  return ephemeral;
}
