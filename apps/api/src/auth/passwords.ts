import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP ASVS L2 accepts them): 19 MiB memory, 2 iterations.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Unknown users are verified against a real hash too, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
