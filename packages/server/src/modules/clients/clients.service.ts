import type {
  RegisterClientRequestSchema} from '@tandem/domain';
import {
  canBreakGlass,
  canRegisterClients,
  DomainError,
  invitationLifetimeMs,
  newId,
  type ClientRecord,
  type ClientSummary,
} from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { createInvitation } from '../invitations/invitations.service';
import { checkInOverviews, type CheckInOverview } from '../checkins/checkins.service';
import { requireClientAccess } from './clients.policy';
import {
  findClient,
  findClientByNhsNumber,
  findStaffInOrganisation,
  insertBreakGlassGrant,
  insertCareTeamMember,
  insertClient,
  listCareTeam,
  listVisibleClients,
  organisationTimeZone,
  type ClientRow,
} from './clients.repo';

type RegisterClient = z.output<typeof RegisterClientRequestSchema>;

/** Break-glass access lasts one hour; a new grant needs a new reason. */
export const breakGlassLifetimeMs = 60 * 60_000;

function accountStatusOf(row: { account_status: string | null }): ClientRecord['accountStatus'] {
  return (row.account_status as ClientRecord['accountStatus'] | null) ?? 'not_invited';
}

function sameRegistration(row: ClientRow, input: RegisterClient): boolean {
  return (
    row.given_name === input.givenName &&
    row.family_name === input.familyName &&
    row.date_of_birth === input.dateOfBirth &&
    row.email === input.email &&
    row.nhs_number === input.nhsNumber
  );
}

/**
 * A practitioner registers a client and joins their care team. The id comes from the writer: a
 * retried request returns the same record; the same id with different details is refused.
 */
export async function registerClient(ctx: ServiceContext, input: RegisterClient): Promise<ClientRecord> {
  if (!canRegisterClients(ctx.actor) || ctx.actor.type !== 'staff') {
    throw new DomainError('auth.forbidden', 'Only practitioners can register clients.');
  }
  const actor = ctx.actor;
  const existing = await findClient(ctx.db, input.id);
  if (existing) {
    if (existing.organisation_id === actor.organisationId && existing.created_by === actor.staffId && sameRegistration(existing, input)) {
      return getClient(ctx, input.id);
    }
    throw new DomainError('write.id_conflict', 'A different record was already saved with this id.');
  }
  const org = await organisationTimeZone(ctx.db, actor.organisationId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // One record per person: a second record under the same NHS number splits a client's history
    // between two records (a wrong-client hazard). The unique index backs this check up.
    if (input.nhsNumber && (await findClientByNhsNumber(trx, actor.organisationId, input.nhsNumber))) {
      throw new DomainError('client.duplicate_nhs_number', 'A client with this NHS number is already registered. Search the caseload, or ask a colleague whose caseload they are on.', [
        { path: 'body/nhsNumber', message: 'is already registered' },
      ]);
    }
    await insertClient(trx, {
      id: input.id,
      organisation_id: actor.organisationId,
      site_id: input.siteId ?? null,
      given_name: input.givenName,
      family_name: input.familyName,
      date_of_birth: input.dateOfBirth,
      nhs_number: input.nhsNumber,
      email: input.email,
      phone: input.phone,
      gp_practice: input.gpPractice,
      emergency_contact: input.emergencyContact ? JSON.stringify(input.emergencyContact) : null,
      preferred_language: input.preferredLanguage,
      time_zone: input.timeZone ?? org.time_zone,
      created_by: actor.staffId,
      created_at: now,
      updated_at: now,
    });
    await insertCareTeamMember(trx, { clientId: input.id, staffId: actor.staffId, organisationId: actor.organisationId, addedBy: actor.staffId, now });
    await writeAudit(trx, ctx, { action: 'client.create', entityType: 'client', entityId: input.id, clientId: input.id });
  });
  return getClient(ctx, input.id, { audit: false });
}

/** One client's record, with the caller's access and what they may do. Audited. */
export async function getClient(ctx: ServiceContext, clientId: string, options = { audit: true }): Promise<ClientRecord> {
  const access = await requireClientAccess(ctx, clientId, 'client.read');
  const row = await findClient(ctx.db, clientId);
  if (!row || !access.basis) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  const careTeam = await listCareTeam(ctx.db, clientId);
  if (options.audit) {
    await writeAudit(ctx.db, ctx, {
      action: 'client.read',
      entityType: 'client',
      entityId: clientId,
      clientId,
      details: { basis: access.basis },
    });
  }
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    email: row.email,
    phone: row.phone,
    gpPractice: row.gp_practice,
    emergencyContact: row.emergency_contact,
    preferredLanguage: row.preferred_language,
    timeZone: row.time_zone,
    accountStatus: accountStatusOf(row),
    careTeam,
    access: access.basis,
    allowed: access.allowed,
  };
}

/**
 * The caller's caseload: their own care teams, plus (for supervisors) their supervisees'. Admins
 * have no caseload; a client has none to list. The ids returned are audited. Ordered by family
 * name, then given name: a caseload is where a practitioner looks a person up; ordering by need,
 * with the reasons shown, is the worklist's job (practitioner workspace issue).
 */
export async function listClients(ctx: ServiceContext): Promise<ClientSummary[]> {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have a caseload.');
  const clinical = actor.roles.includes('practitioner') || actor.roles.includes('supervisor');
  const rows = clinical ? await listVisibleClients(ctx.db, actor.organisationId, actor.staffId, actor.roles.includes('supervisor')) : [];
  const overviews = await checkInOverviews(ctx, rows.map((r) => ({ id: r.id, timeZone: r.time_zone })));
  await writeAudit(ctx.db, ctx, { action: 'client.list', entityType: 'client', subjectIds: rows.map((r) => r.id) });
  return rows.map((r) => presentClientSummary(r, overviews.get(r.id)));
}

/** A caseload line as GET /api/clients shows it (the worklist shows the same). */
export function presentClientSummary(r: Awaited<ReturnType<typeof listVisibleClients>>[number], overview: CheckInOverview | undefined): ClientSummary {
  return {
    ...(overview ?? { lastCheckInAt: null, moodTrend: [] }),
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    nhsNumber: r.nhs_number,
    accountStatus: accountStatusOf(r),
    access: r.on_care_team ? 'care_team' : 'supervision',
  };
}

/** Sends the client an invitation to set a password (date of birth confirmed on acceptance). */
export async function inviteClient(ctx: ServiceContext, clientId: string): Promise<{ expiresAt: string }> {
  await requireClientAccess(ctx, clientId, 'client.invite', (access) => access.allowed.invite);
  const client = await findClient(ctx.db, clientId);
  if (!client) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  if (client.account_status === 'active') {
    throw new DomainError('request.invalid', 'This client has already set up their account.');
  }
  const expiresAt = new Date(ctx.clock.now().getTime() + invitationLifetimeMs);
  await createInvitation(ctx, {
    kind: 'client',
    organisationId: client.organisation_id,
    email: client.email,
    clientId,
    staffId: null,
    expiresAt,
  });
  return { expiresAt: expiresAt.toISOString() };
}

/** Adds a practitioner of the same organisation to a client's care team. */
export async function addCareTeamMember(ctx: ServiceContext, clientId: string, staffId: string): Promise<ClientRecord> {
  await requireClientAccess(ctx, clientId, 'care_team.add', (access) => access.allowed.manageCareTeam);
  const staff = await findStaffInOrganisation(ctx.db, staffId, ctx.actor.organisationId ?? '');
  if (!staff || !staff.roles.includes('practitioner')) {
    throw new DomainError('staff.not_found', 'There is no practitioner with that id in your organisation.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertCareTeamMember(trx, {
      clientId,
      staffId,
      organisationId: ctx.actor.organisationId ?? '',
      addedBy: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
      now: ctx.clock.now(),
    });
    await writeAudit(trx, ctx, { action: 'care_team.add', entityType: 'client', entityId: clientId, clientId, details: { staffId } });
  });
  return getClient(ctx, clientId, { audit: false });
}

/**
 * An admin's emergency access to one client's record, for one hour, with a reason. The grant and
 * every read under it are audited; supervisors can review them.
 */
export async function breakGlass(ctx: ServiceContext, clientId: string, reason: string): Promise<{ clientId: string; expiresAt: string }> {
  const actor = ctx.actor;
  if (!canBreakGlass(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can use break-glass access.');
  const client = await findClient(ctx.db, clientId);
  if (!client || client.organisation_id !== actor.organisationId) {
    throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  }
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + breakGlassLifetimeMs);
  const grantId = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await insertBreakGlassGrant(trx, { id: grantId, organisationId: actor.organisationId, staffId: actor.staffId, clientId, reason, now, expiresAt });
    await writeAudit(trx, ctx, {
      action: 'client.break_glass',
      entityType: 'break_glass_grant',
      entityId: grantId,
      clientId,
      details: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { clientId, expiresAt: expiresAt.toISOString() };
}
