import { createHash } from 'node:crypto';

/** The id git gives `bytes` as a blob (sha1, or sha256 for repositories using it), without spawning git. */
export function hashBlob(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
