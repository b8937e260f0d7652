import { generateSync } from 'otplib';

/** A signed-in person's cookie and the origin their writes must name (the app checks it). */
export interface Session {
  cookie: string;
  origin: string;
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?tandem_session=/.test(c));
  if (!cookie) throw new Error('the sign-in answer set no session cookie');
  return cookie.split(';')[0]!;
}

/** Signs in through the real API: password, then the authenticator code when the account has one. */
export async function signIn(origin: string, email: string, password: string, totpSecret: string): Promise<Session> {
  const post = (path: string, body: object, cookie?: string) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const first = await post('/api/auth/sign-in', { email, password });
  if (first.status === 200) return { cookie: sessionCookie(first), origin };
  if (first.status !== 202) throw new Error(`sign-in failed for ${email}: ${first.status} ${await first.text()}`);
  const code = generateSync({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) });
  const second = await post('/api/auth/mfa/verify', { code }, sessionCookie(first));
  if (second.status !== 200) throw new Error(`the second step failed for ${email}: ${second.status} ${await second.text()}`);
  return { cookie: sessionCookie(second), origin };
}
