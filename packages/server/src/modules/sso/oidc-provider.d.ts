/** The parts of `oidc-provider` (an OpenID Connect provider, used only by tests) the test provider uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ProviderAccount {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>>;
  }

  interface ProviderGrant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  interface ProviderContext {
    oidc: {
      provider: Provider;
      client?: { clientId: string };
      session?: { accountId?: string };
    };
  }

  interface InteractionDetails {
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
  }

  interface ProviderConfiguration {
    clients?: Record<string, unknown>[];
    findAccount?: (ctx: ProviderContext, id: string) => Promise<ProviderAccount | undefined>;
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    pkce?: { required?: () => boolean };
    features?: Record<string, { enabled: boolean }>;
    loadExistingGrant?: (ctx: ProviderContext) => Promise<ProviderGrant | undefined>;
    ttl?: Record<string, number>;
    cookies?: { keys?: string[] };
    interactions?: { url?: (ctx: unknown, interaction: { uid: string }) => string };
  }

  class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    Grant: new (properties: { clientId?: string; accountId?: string }) => ProviderGrant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }

  export default Provider;
}
