import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, for tests only: Tandem's
 * server tests and the browser test sign in through it exactly as through an organisation's
 * provider. People are kept in `users` by the name typed at its sign-in page; tests change them to
 * act out an address moving to someone else. Its own state lives in its in-memory store — it is
 * the provider, not Tandem.
 */
export interface ProviderUser {
  subject: string;
  email: string;
  emailVerified: boolean;
  /** What the provider says it checked (RFC 8176), e.g. ['pwd', 'mfa']. */
  amr?: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/**
 * Starts the provider. The Tandem client it knows is registered once `registerClient` is called
 * with Tandem's redirect URI (a browser test learns Tandem's port only after it has started it,
 * and Tandem reads the provider's metadata only at the first sign-in).
 */
export async function startTestProvider(options: { emailInIdToken?: boolean } = {}) {
  const users = new Map<string, ProviderUser>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'tandem';
  const clientSecret = 'a test client secret that is long enough';
  let provider: Provider | null = null;

  function loginPage(uid: string, problem: string | null) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head><body><main>
<h1>Test provider</h1>${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username" required>
<button type="submit">Continue</button></form></main></body></html>`;
  }

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, p: Provider) {
    const details = await p.interactionDetails(req, res);
    if (req.method === 'POST') {
      const login = (await readForm(req)).get('login') ?? '';
      const user = users.get(login);
      if (!user) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, 'No such user.'));
        return;
      }
      await p.interactionFinished(req, res, { login: { accountId: user.subject, amr: user.amr ?? ['pwd'] } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, null));
  }

  server.on('request', (req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    const p = provider;
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res, p).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
      return;
    }
    p.callback()(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    /** Knows Tandem as a confidential client with this redirect URI (code flow, PKCE required). */
    registerClient(redirectUri: string) {
      provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
        pkce: { required: () => true },
        // The ID token always says how the person signed in (`amr`), as big providers' tokens do.
        claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
        conformIdTokenClaims: options.emailInIdToken === false,
        features: { devInteractions: { enabled: false } },
        cookies: { keys: ['a test provider cookie key'] },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        async findAccount(_ctx, id) {
          const user = [...users.values()].find((u) => u.subject === id);
          if (!user) return undefined;
          return { accountId: id, claims: async () => ({ sub: user.subject, email: user.email, email_verified: user.emailVerified }) };
        },
        // Every sign-in here has agreed to share its email with Tandem: no consent page.
        async loadExistingGrant(ctx) {
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
          grant.addOIDCScope('openid email');
          await grant.save();
          return grant;
        },
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;
