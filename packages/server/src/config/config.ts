import path from 'node:path';
import { z } from 'zod';
import { repositoryDir } from '../package-paths';

/**
 * Configuration is read from the environment once, at start-up, and validated here. A bad value
 * stops the server with a message naming the variable. The README's configuration table lists
 * every variable below (a test keeps the two in step). Only OIDC_LABEL reaches the web app (the
 * sign-in button's words).
 */
const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024),
  WEB_DIST_DIR: z.string().min(1).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
  TRUST_PROXY: booleanString.default(false),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Tandem <no-reply@localhost>'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  PUSH_SERVICE_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)))
    .default([]),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_LABEL: z.string().min(1).max(40).default('your organisation'),
  OIDC_TRUSTS_PROVIDER_MFA: booleanString.default(false),
  // NHS England Records Management Code of Practice 2023, Appendix II, "Mental health records": 20 years after last contact (decision 0042).
  RETENTION_YEARS_AFTER_DISCHARGE: z.coerce.number().int().min(1).max(100).default(20),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The origin users reach Tandem on (scheme://host[:port]); used for origin checks and links. */
  publicOrigin: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  logLevel: string;
  bodyLimitBytes: number;
  webDistDir: string;
  /** Folder of the self-help programme (module folders under modules/), checked at start-up. */
  contentDir: string;
  trustProxy: boolean;
  jobPollMs: number;
  /** SMTP server URL; without it, mail goes to the dev outbox (development) or is refused (production). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 'auto': a new embedded database outside production gets the demo organisation. */
  seedDemo: 'auto' | 'never';
  /** Origins a web-push subscription may point at besides the browsers' own push services. */
  pushServiceOrigins: string[];
  /** Single sign-on for staff with OpenID Connect, or null when not configured (decision 0036). */
  oidc: OidcConfig | null;
  /** Whole years a client's records are kept after their last contact before erasure is allowed (decision 0042). */
  retentionYearsAfterDischarge: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the sign-in button ("Sign in with NHSmail"); reaches the browser. */
  label: string;
  /** Whether an ID token whose `amr` names `mfa` stands in for Tandem's own second step. */
  trustsProviderMfa: boolean;
  /** Where the provider sends the browser back: the public origin + /api/auth/oidc/callback. */
  redirectUri: string;
}

/** The documented configuration variables, in the README's order. */
export const configVariables = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];

/** A configuration problem that stops start-up. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Tandem cannot start: invalid configuration\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const defaultWebDist = path.join(repositoryDir, 'packages/web/dist');
const defaultContentDir = path.join(repositoryDir, 'content');

/**
 * Reads and validates configuration from an environment (default: process.env). Relative paths
 * are resolved from the folder the command was started in (npm's INIT_CWD when run through npm
 * scripts, which change into the workspace folder).
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): Config {
  // An empty variable means "not set": shells and .env files often leave them blank.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    throw new ConfigError([
      { variable: 'DATABASE_URL', message: 'is required when NODE_ENV=production (the embedded database is for one machine)' },
    ]);
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_ORIGIN) {
    throw new ConfigError([{ variable: 'PUBLIC_ORIGIN', message: 'is required when NODE_ENV=production' }]);
  }
  const oidcParts = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  const oidcMissing = Object.entries(oidcParts).filter(([, v]) => v === undefined).map(([k]) => k);
  if (oidcMissing.length > 0 && oidcMissing.length < 3) {
    throw new ConfigError(oidcMissing.map((variable) => ({ variable, message: 'is required when any of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET is set' })));
  }
  if (e.OIDC_ISSUER && new URL(e.OIDC_ISSUER).protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(e.OIDC_ISSUER).hostname)) {
    throw new ConfigError([{ variable: 'OIDC_ISSUER', message: 'must use https (plain http only on this machine, for tests)' }]);
  }
  const publicOrigin = e.PUBLIC_ORIGIN
    ? new URL(e.PUBLIC_ORIGIN).origin
    : `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST === '127.0.0.1' ? 'localhost' : e.HOST}:${e.PORT}`;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicOrigin,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : defaultWebDist,
    contentDir: e.CONTENT_DIR ? path.resolve(cwd, e.CONTENT_DIR) : defaultContentDir,
    trustProxy: e.TRUST_PROXY,
    jobPollMs: e.JOB_POLL_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO,
    pushServiceOrigins: e.PUSH_SERVICE_ORIGINS,
    retentionYearsAfterDischarge: e.RETENTION_YEARS_AFTER_DISCHARGE,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            trustsProviderMfa: e.OIDC_TRUSTS_PROVIDER_MFA,
            redirectUri: `${publicOrigin}/api/auth/oidc/callback`,
          }
        : null,
  };
}
