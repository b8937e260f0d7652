import { sql, type Kysely, type Transaction } from 'kysely';
import type { ClientTable, Schema } from '../../db/schema';
import type { Insertable } from 'kysely';

type Db = Kysely<Schema> | Transaction<Schema>;

const clientColumns = [
  'c.id',
  'c.organisation_id',
  'c.given_name',
  'c.family_name',
  'c.date_of_birth',
  'c.nhs_number',
  'c.email',
  'c.phone',
  'c.gp_practice',
  'c.emergency_contact',
  'c.preferred_language',
  'c.time_zone',
  'c.created_by',
] as const;

export function findClient(db: Db, clientId: string) {
  return db
    .selectFrom('client as c')
    .leftJoin('account as a', 'a.client_id', 'c.id')
    .select([...clientColumns, 'a.status as account_status', 'a.id as account_id'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
}
export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>;

/** Facts for the access policy: organisation, care team, their supervisors, break-glass holders. */
export async function loadAccessFacts(db: Db, clientId: string, now: Date) {
  const client = await db.selectFrom('client').select(['id', 'organisation_id']).where('id', '=', clientId).executeTakeFirst();
  if (!client) return undefined;
  const careTeam = await db.selectFrom('care_team_member').select('staff_id').where('client_id', '=', clientId).execute();
  const careTeamIds = careTeam.map((r) => r.staff_id);
  const supervisors = careTeamIds.length
    ? await db.selectFrom('supervision').select('supervisor_id').where('practitioner_id', 'in', careTeamIds).execute()
    : [];
  const glass = await db
    .selectFrom('break_glass_grant')
    .select('staff_id')
    .where('client_id', '=', clientId)
    .where('expires_at', '>', now)
    .execute();
  const alerts = await db.selectFrom('risk_alert').select('recipient_staff_id').where('client_id', '=', clientId).where('status', '=', 'open').execute();
  return {
    clientId,
    organisationId: client.organisation_id,
    careTeam: careTeamIds,
    supervisorsOfCareTeam: supervisors.map((r) => r.supervisor_id),
    breakGlass: glass.map((r) => r.staff_id),
    openAlertRecipients: alerts.map((r) => r.recipient_staff_id),
  };
}

export function listCareTeam(db: Db, clientId: string) {
  return db
    .selectFrom('care_team_member as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['s.id as staffId', 's.display_name as displayName'])
    .where('m.client_id', '=', clientId)
    .orderBy('s.display_name')
    .execute();
}

/**
 * The clients a staff member may list: on their own care teams, and on the care teams of the
 * practitioners they supervise. One query, whatever the caseload size.
 */
export function listVisibleClients(db: Db, organisationId: string, staffId: string, includeSupervisees: boolean, onlyClientId?: string) {
  return db
    .selectFrom('client as c')
    .leftJoin('account as a', 'a.client_id', 'c.id')
    .select([
      'c.id',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.nhs_number',
      'c.time_zone',
      'a.status as account_status',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('care_team_member as m')
              .select('m.client_id')
              .whereRef('m.client_id', '=', 'c.id')
              .where('m.staff_id', '=', staffId),
          )
          .as('on_care_team'),
    ])
    .where('c.organisation_id', '=', organisationId)
    // One client only: the worklist's event stream asks "may this person list this client?".
    .$if(onlyClientId !== undefined, (qb) => qb.where('c.id', '=', onlyClientId!))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('care_team_member as m')
          .select('m.client_id')
          .whereRef('m.client_id', '=', 'c.id')
          .where((inner) =>
            includeSupervisees
              ? // One list of care-team members to match (self and supervisees), not an OR: so each
                // client's care team is looked up through its index (bench/budgets checks it).
                inner(
                  'm.staff_id',
                  'in',
                  inner
                    .selectFrom('supervision')
                    .select('practitioner_id')
                    .where('supervisor_id', '=', staffId)
                    .unionAll(db.selectNoFrom(sql<string>`cast(${staffId} as uuid)`.as('practitioner_id'))),
                )
              : inner('m.staff_id', '=', staffId),
          ),
      ),
    )
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .orderBy('c.id')
    .execute();
}

export async function insertClient(db: Db, row: Insertable<ClientTable>) {
  await db.insertInto('client').values(row).execute();
}

export async function insertCareTeamMember(db: Db, row: { clientId: string; staffId: string; organisationId: string; addedBy: string | null; now: Date }) {
  await db
    .insertInto('care_team_member')
    .values({ client_id: row.clientId, staff_id: row.staffId, organisation_id: row.organisationId, added_by: row.addedBy, added_at: row.now })
    .onConflict((oc) => oc.columns(['client_id', 'staff_id']).doNothing())
    .execute();
}

export function findStaffInOrganisation(db: Db, staffId: string, organisationId: string) {
  return db.selectFrom('staff').select(['id', 'roles']).where('id', '=', staffId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export function organisationTimeZone(db: Db, organisationId: string) {
  return db.selectFrom('organisation').select(['time_zone', 'name']).where('id', '=', organisationId).executeTakeFirstOrThrow();
}

export async function insertBreakGlassGrant(
  db: Db,
  row: { id: string; organisationId: string; staffId: string; clientId: string; reason: string; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('break_glass_grant')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      staff_id: row.staffId,
      client_id: row.clientId,
      reason: row.reason,
      created_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function findClientByNhsNumber(db: Db, organisationId: string, nhsNumber: string) {
  return db.selectFrom('client').select('id').where('organisation_id', '=', organisationId).where('nhs_number', '=', nhsNumber).executeTakeFirst();
}
