import { promisify } from 'node:util';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { signArtifact } from '../main/engine/shared-cache/artifact-signature';

/** A gzip'd tar with exactly these entries, in order: for artifacts that break the rules on purpose. */
export async function craftArchive(entries: readonly (readonly [name: string, text: string])[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => pack.on('end', resolve).on('error', reject));
  for (const [name, text] of entries) pack.entry({ name }, text);
  pack.finalize();
  await ended;
  return promisify(zlib.gzip)(Buffer.concat(chunks));
}

/** PUTs bytes as the artifact of `hash`, signed with `signingKey` when given: what a writer could send. */
export async function putRawArtifact(
  server: { url: string; token: string },
  artifact: { team: string; hash: string; bytes: Buffer; signingKey?: string },
): Promise<void> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${server.token}`,
    'content-type': 'application/octet-stream',
  };
  if (artifact.signingKey) {
    headers['x-artifact-tag'] = signArtifact(artifact.signingKey, {
      inputHash: artifact.hash,
      team: artifact.team,
      bytes: artifact.bytes,
    });
  }
  const response = await fetch(`${server.url}/v8/artifacts/${artifact.hash}?teamId=${artifact.team}`, {
    method: 'PUT',
    headers,
    body: new Uint8Array(artifact.bytes),
  });
  if (!response.ok) throw new Error(`PUT answered ${response.status}`);
}
