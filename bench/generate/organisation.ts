import { defaultRiskPolicy, localDate, newId, zonedDateTimeToInstant, type StaffRole } from '@tandem/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Schema } from '../../packages/server/src/db/schema';
import { insertRows } from './bulk-insert';
import type { Random } from './random';
import { familyNames, feedbackTexts, givenNames, staffMessages } from './texts';

export const timeZone = 'Europe/London';
/** Clients per practitioner: a full low-intensity caseload. */
export const caseload = 60;
const practitionersPerSupervisor = 10;
const practitionersPerSite = 40;

export interface GeneratedStaff {
  staffId: string;
  accountId: string;
  email: string;
  siteId: string;
  roles: StaffRole[];
}

export interface Staffing {
  organisationId: string;
  emailDomain: string;
  /** Everyone who carries a caseload, supervisors included, in the order clients are shared out. */
  practitioners: GeneratedStaff[];
  admin: GeneratedStaff;
}

const name = (random: Random) => `${random.pick(givenNames)} ${random.pick(familyNames)}`;

/** An authenticator secret (base32, 32 characters) from the seeded stream. */
export function makeTotpSecret(random: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from({ length: 32 }, () => alphabet[random.int(0, 31)]).join('');
}

/**
 * The organisation and its staff: sites of about forty practitioners, every tenth practitioner a
 * supervisor (who also carries a caseload) of the nine after them, one admin. Every account shares
 * one password hash and one confirmed authenticator secret, so a benchmark can sign in as anyone.
 * Each site gets weekday hours, a site lead and five weeks of duty rota; the organisation a risk
 * policy naming the admin for escalation.
 */
export async function createStaffing(
  db: Kysely<Schema>,
  random: Random,
  options: { clients: number; now: Date; passwordHash: string; totpSecret: string; emailDomain: string; counts: Record<string, number> },
): Promise<Staffing> {
  const { now, passwordHash, totpSecret, emailDomain, counts } = options;
  const createdAt = new Date(now.getTime() - 400 * 86_400_000);
  const organisationId = newId(createdAt);
  await db.insertInto('organisation').values({ id: organisationId, name: `Tandem Bench Service (${emailDomain}) — generated data`, time_zone: timeZone, created_at: createdAt }).execute();

  const practitionerCount = Math.max(1, Math.ceil(options.clients / caseload));
  Object.assign(counts, { organisation: 1, staff: practitionerCount + 1, risk_policy: 1 });
  const siteIds = Array.from({ length: Math.ceil(practitionerCount / practitionersPerSite) }, () => newId(createdAt));
  await insertRows(db, 'site', { id: 'uuid', organisation_id: 'uuid', name: 'text', time_zone: 'text', created_at: 'timestamptz' },
    siteIds.map((id, i) => ({ id, organisation_id: organisationId, name: `Site ${i + 1}`, time_zone: timeZone, created_at: createdAt })), counts);

  const person = (email: string, siteId: string, roles: StaffRole[]): GeneratedStaff => ({ staffId: newId(createdAt), accountId: newId(createdAt), email, siteId, roles });
  const practitioners = Array.from({ length: practitionerCount }, (_, i) =>
    person(`practitioner-${String(i + 1).padStart(5, '0')}@${emailDomain}`, siteIds[Math.floor(i / practitionersPerSite)]!, i % practitionersPerSupervisor === 0 ? ['supervisor', 'practitioner'] : ['practitioner']),
  );
  const admin = person(`admin@${emailDomain}`, siteIds[0]!, ['admin']);
  const everyone = [...practitioners, admin];

  // staff.roles is text[]: an array per row does not pass through unnest, so these go row by row in batches.
  for (let i = 0; i < everyone.length; i += 1_000) {
    await db
      .insertInto('staff')
      .values(everyone.slice(i, i + 1_000).map((s) => ({ id: s.staffId, organisation_id: organisationId, display_name: name(random), roles: s.roles, time_zone: timeZone, created_at: createdAt, updated_at: createdAt })))
      .execute();
  }
  await insertRows(db, 'staff_site', { staff_id: 'uuid', site_id: 'uuid' }, everyone.map((s) => ({ staff_id: s.staffId, site_id: s.siteId })), counts);
  await insertRows(db, 'account', accountColumns, everyone.map((s) => account(organisationId, s.accountId, s.email, passwordHash, createdAt, { staffId: s.staffId })), counts);
  await insertRows(db, 'account_totp', { account_id: 'uuid', secret: 'text', confirmed_at: 'timestamptz', last_used_step: 'integer', created_at: 'timestamptz' },
    everyone.map((s) => ({ account_id: s.accountId, secret: totpSecret, confirmed_at: createdAt, last_used_step: null, created_at: createdAt })), counts);
  await insertRows(db, 'supervision', { supervisor_id: 'uuid', practitioner_id: 'uuid', organisation_id: 'uuid', created_at: 'timestamptz' },
    practitioners.flatMap((p, i) => {
      const supervisor = practitioners[i - (i % practitionersPerSupervisor)]!;
      return supervisor === p ? [] : [{ supervisor_id: supervisor.staffId, practitioner_id: p.staffId, organisation_id: organisationId, created_at: createdAt }];
    }), counts);

  await createSiteCover(db, siteIds, practitioners, now, counts);
  await db.insertInto('risk_policy').values({ organisation_id: organisationId, policy: JSON.stringify({ ...defaultRiskPolicy, escalationStaffId: admin.staffId }), version: 1, updated_by: null, updated_at: createdAt }).execute();
  await insertRows(db, 'feedback_template', { id: 'uuid', organisation_id: 'uuid', owner_staff_id: 'uuid', title: 'text', text: 'text', created_at: 'timestamptz' },
    feedbackTexts.map((text, i) => ({ id: newId(createdAt), organisation_id: organisationId, owner_staff_id: null, title: `Feedback ${i + 1}`, text, created_at: createdAt })), counts);
  await insertRows(db, 'quick_reply', { id: 'uuid', organisation_id: 'uuid', staff_id: 'uuid', text: 'text', created_at: 'timestamptz' },
    practitioners.flatMap((p) => staffMessages.slice(0, 2).map((text) => ({ id: newId(createdAt), organisation_id: organisationId, staff_id: p.staffId, text, created_at: createdAt }))), counts);
  return { organisationId, emailDomain, practitioners, admin };
}

/** Weekdays 09:00–17:00, the site's first supervisor as lead, and its practitioners on duty in turn for five weeks. */
async function createSiteCover(db: Kysely<Schema>, siteIds: string[], practitioners: GeneratedStaff[], now: Date, counts: Record<string, number>) {
  const nineToFive = [{ opens: '09:00', closes: '17:00' }];
  const weekly = JSON.stringify({ monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive });
  const rota: Insertable<Schema['duty_period']>[] = [];
  const hours = siteIds.map((siteId) => {
    const staff = practitioners.filter((p) => p.siteId === siteId);
    for (let day = -7; day < 35; day++) {
      const date = localDate(new Date(now.getTime() + day * 86_400_000), timeZone);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const startsAt = zonedDateTimeToInstant(date, '09:00', timeZone);
      rota.push({ id: newId(startsAt), site_id: siteId, staff_id: staff[(day + 7) % staff.length]!.staffId, starts_at: startsAt, ends_at: zonedDateTimeToInstant(date, '17:00', timeZone), created_by: null, created_at: now });
    }
    return { site_id: siteId, weekly, site_lead_staff_id: staff[0]!.staffId, updated_by: null, updated_at: now };
  });
  await insertRows(db, 'site_hours', { site_id: 'uuid', weekly: 'jsonb', site_lead_staff_id: 'uuid', updated_by: 'uuid', updated_at: 'timestamptz' }, hours, counts);
  await insertRows(db, 'duty_period', { id: 'uuid', site_id: 'uuid', staff_id: 'uuid', starts_at: 'timestamptz', ends_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz' }, rota, counts);
}

export const accountColumns = {
  id: 'uuid', organisation_id: 'uuid', actor_type: 'text', staff_id: 'uuid', client_id: 'uuid', email: 'text', password_hash: 'text', status: 'text',
  created_at: 'timestamptz', updated_at: 'timestamptz', activated_at: 'timestamptz',
} as const;

/** An active account with the shared password. */
export function account(organisationId: string, id: string, email: string, passwordHash: string, at: Date, person: { staffId?: string; clientId?: string }): Insertable<Schema['account']> {
  return {
    id,
    organisation_id: organisationId,
    actor_type: person.staffId ? 'staff' : 'client',
    staff_id: person.staffId ?? null,
    client_id: person.clientId ?? null,
    email,
    password_hash: passwordHash,
    status: 'active',
    created_at: at,
    updated_at: at,
    activated_at: at,
  };
}
