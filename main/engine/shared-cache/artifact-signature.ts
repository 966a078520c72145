import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signature covers: the artifact's bytes, bound to the hash and team it is stored under. */
export interface SignedArtifact {
  inputHash: string;
  team: string;
  bytes: Buffer;
}

/**
 * The `x-artifact-tag` of an artifact: base64 HMAC-SHA256 with the signing key over the hash, the team and
 * the artifact's bytes, as Turborepo signs its own artifacts. Only holders of the key can make one, so a
 * writer without it cannot change what a reader with it accepts.
 */
export function signArtifact(signingKey: string, artifact: SignedArtifact): string {
  return createHmac('sha256', signingKey)
    .update(artifact.inputHash)
    .update(artifact.team)
    .update(artifact.bytes)
    .digest('base64');
}

/** True when `tag` is the artifact's signature with this key (compared in constant time). */
export function hasValidSignature(signingKey: string, artifact: SignedArtifact, tag: string | null): boolean {
  if (!tag) return false;
  const expected = Buffer.from(signArtifact(signingKey, artifact), 'base64');
  const given = Buffer.from(tag, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
