import type { Actor, Clock } from '@tandem/domain';
import { DomainError } from '@tandem/domain';
import type { Kysely } from 'kysely';
import type { Config } from './config/config';
import type { Schema } from './db/schema';
import type { Mailer } from './email/mailer';

/** Everything a service call needs, passed explicitly (STYLE practice 8). */
export interface ServiceContext {
  actor: Actor;
  db: Kysely<Schema>;
  clock: Clock;
  requestId: string;
  config: Config;
  mailer: Mailer;
}

/** The same, before anyone has signed in (sign-in, invitation acceptance). */
export type AnonymousContext = Omit<ServiceContext, 'actor'> & { actor: null; address: string };

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('auth.unauthenticated', 'Please sign in.');
  return actor;
}
