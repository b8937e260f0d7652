import type { ApiTokenScope } from './api-token';

/**
 * Who is acting. Every service call carries one; the audit log records it.
 * - staff: practitioners, supervisors and admins (a person may hold several roles);
 * - client: a person in treatment, acting on their own record;
 * - service: an integration with a scoped API token (interoperability issue);
 * - system: Tandem itself (scheduled work, migrations).
 */
export const staffRoles = ['practitioner', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const actorTypes = ['staff', 'client', 'service', 'system'] as const;
export type ActorType = (typeof actorTypes)[number];

export interface StaffActor {
  type: 'staff';
  accountId: string;
  staffId: string;
  organisationId: string;
  roles: StaffRole[];
}

export interface ClientActor {
  type: 'client';
  accountId: string;
  clientId: string;
  organisationId: string;
}

export interface ServiceActor {
  type: 'service';
  serviceAccountId: string;
  organisationId: string;
  /** The API token it called with (decision 0041). */
  tokenId: string;
  scopes: ApiTokenScope[];
}

export interface SystemActor {
  type: 'system';
  /** What part of Tandem is acting, e.g. 'job:reminder' or 'cli:create-admin'. */
  component: string;
  organisationId: string | null;
}

export type Actor = StaffActor | ClientActor | ServiceActor | SystemActor;

/** The role recorded in the audit log for an actor: its roles joined, or its type. */
export function auditRoleOf(actor: Actor): string {
  return actor.type === 'staff' ? [...actor.roles].sort().join('+') : actor.type;
}

/** The id recorded as the actor in the audit log. */
export function auditActorIdOf(actor: Actor): string | null {
  switch (actor.type) {
    case 'staff':
      return actor.staffId;
    case 'client':
      return actor.clientId;
    case 'service':
      return actor.serviceAccountId;
    case 'system':
      return null;
  }
}

export function hasRole(actor: Actor, role: StaffRole): actor is StaffActor {
  return actor.type === 'staff' && actor.roles.includes(role);
}
