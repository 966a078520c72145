import { describeUserCredential, type UserCredential } from '@modules/AuthCore';

/** Context lines ApiKeys gathers from the modules it builds on. */
export async function collectApiKeysContext(): Promise<string[]> {
  const lines: string[] = [];
  const userCredentialSample: UserCredential = { id: 10, login: 'login-9', roles: ['roles'], expiresAt: new Date(1700950400000), enabled: true };
  lines.push(describeUserCredential(userCredentialSample));
  return lines;
}
