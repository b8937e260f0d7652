import type { FhirExportInput, HomeworkItem, PlanStep } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
type Records = Omit<FhirExportInput, 'baseUrl' | 'bundleId' | 'generatedAt' | 'staff'>;

/**
 * Everything of one client's record that the FHIR export carries (decision 0038), oldest first.
 * Left out on purpose: session notes (the practitioner's working notes), unfinished
 * questionnaires, acknowledged alerts, exercise entries and agenda items.
 */
export async function loadExportRecords(db: Db, clientId: string): Promise<Records | undefined> {
  const client = await db
    .selectFrom('client as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.given_name as givenName',
      'c.family_name as familyName',
      'c.date_of_birth as dateOfBirth',
      'c.nhs_number as nhsNumber',
      'c.email',
      'c.phone',
      'c.preferred_language as preferredLanguage',
      'c.emergency_contact as emergencyContact',
      'o.id as organisationId',
      'o.name as organisationName',
    ])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
  if (!client) return undefined;
  const { organisationId, organisationName, ...clientFields } = client;

  const careTeam = await db.selectFrom('care_team_member').select('staff_id').where('client_id', '=', clientId).orderBy('added_at').orderBy('staff_id').execute();
  const episodes = await db
    .selectFrom('episode')
    .select(['id', 'referral_date as referralDate', 'step', 'status', 'ended_on as endedOn', 'assigned_practitioner_id as assignedPractitionerId'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const plans = await db
    .selectFrom('treatment_plan')
    .select(['id', 'episode_id as episodeId', 'template_name as templateName', 'steps', 'created_by as createdBy', 'created_at as createdAt'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const homework = await db
    .selectFrom('homework')
    .select(['id', 'episode_id as episodeId', 'items', 'due_on as dueOn', 'status', 'set_by as setBy', 'set_at as setAt', 'cancel_reason as cancelReason'])
    .where('client_id', '=', clientId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  const responses = await db
    .selectFrom('questionnaire_response')
    .select(['id', 'instrument', 'author_staff_id as authorStaffId', 'total', 'authored_at as authoredAt', 'completed_received_at as completedReceivedAt', 'received_at as receivedAt', 'appointment_id as appointmentId'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'completed')
    .orderBy('authored_at')
    .orderBy('id')
    .execute();
  const answers = responses.length
    ? await db
        .selectFrom('questionnaire_answer')
        .select(['response_id', 'link_id as linkId', 'value'])
        .where(
          'response_id',
          'in',
          responses.map((r) => r.id),
        )
        .execute()
    : [];
  const checkIns = await db.selectFrom('check_in').select(['id', 'mood', 'recorded_at as recordedAt']).where('client_id', '=', clientId).orderBy('recorded_at').orderBy('id').execute();
  const appointments = await db
    .selectFrom('appointment')
    .select([
      'id',
      'episode_id as episodeId',
      'practitioner_id as practitionerId',
      'starts_at as startsAt',
      'duration_minutes as durationMinutes',
      'purpose',
      'contact_method as contactMethod',
      'status',
    ])
    .where('client_id', '=', clientId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const messages = await db
    .selectFrom('message')
    .select([
      'id',
      'episode_id as episodeId',
      'author_type as authorType',
      'author_staff_id as authorStaffId',
      'routed_to_staff_id as routedToStaffId',
      'text',
      'recorded_at as recordedAt',
      'received_at as receivedAt',
    ])
    .where('client_id', '=', clientId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const openAlerts = await db
    .selectFrom('risk_alert')
    .select(['id', 'trigger', 'raised_at as raisedAt'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'open')
    .orderBy('raised_at')
    .orderBy('id')
    .execute();
  const consents = await db
    .selectFrom('consent_record')
    .select(['id', 'wording_version as wordingVersion', 'choices', 'recorded_at as recordedAt', 'recorded_by_type as recordedByType', 'recorded_by_id as recordedById'])
    .where('client_id', '=', clientId)
    .orderBy('seq')
    .execute();

  return {
    organisation: { id: organisationId, name: organisationName },
    client: clientFields,
    careTeam: careTeam.map((m) => m.staff_id),
    episodes,
    plans: plans.map((p) => ({ ...p, steps: p.steps as PlanStep[] })),
    homework: homework.map((h) => ({ ...h, items: h.items as HomeworkItem[] })),
    responses: responses.map(({ receivedAt, ...r }) => ({
      ...r,
      // A completed response carries when it was answered; when it reached the server stands in otherwise.
      authoredAt: r.authoredAt ?? receivedAt,
      answers: answers.filter((a) => a.response_id === r.id).map(({ linkId, value }) => ({ linkId, value })),
    })),
    checkIns,
    appointments,
    messages,
    openAlerts,
    consents,
  };
}

/** The staff named by the records, by the name the service shows. */
export function loadStaff(db: Db, staffIds: string[]) {
  if (!staffIds.length) return Promise.resolve([]);
  return db.selectFrom('staff').select(['id', 'display_name as displayName']).where('id', 'in', staffIds).orderBy('id').execute();
}
