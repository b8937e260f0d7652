import type { Insertable, Kysely } from 'kysely';
import type { Schema } from '../../packages/server/src/db/schema';
import { insertRows, type ColumnTypes } from './bulk-insert';
import { accountColumns } from './organisation';

/**
 * The columns written for each table of client data, in the order the rows go in (every table
 * after the ones its foreign keys point at).
 */
const tables = {
  client: {
    id: 'uuid', organisation_id: 'uuid', site_id: 'uuid', given_name: 'text', family_name: 'text', date_of_birth: 'date', nhs_number: 'text', email: 'text',
    phone: 'text', gp_practice: 'text', emergency_contact: 'jsonb', preferred_language: 'text', time_zone: 'text', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  account: accountColumns,
  care_team_member: { client_id: 'uuid', staff_id: 'uuid', organisation_id: 'uuid', added_by: 'uuid', added_at: 'timestamptz' },
  consent_record: { id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', wording_version: 'text', choices: 'jsonb', recorded_at: 'timestamptz', recorded_by_type: 'text', recorded_by_id: 'uuid' },
  episode: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', referral_date: 'date', referral_source: 'text', problem_descriptor: 'text', step: 'text', assigned_practitioner_id: 'uuid',
    status: 'text', ending_reason: 'text', ended_on: 'date', relapse_plan_offered: 'boolean', version: 'integer', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  episode_event: { id: 'uuid', episode_id: 'uuid', at: 'timestamptz', by_staff_id: 'uuid', kind: 'text', from_value: 'text', to_value: 'text', reason: 'text' },
  appointment: {
    id: 'uuid', organisation_id: 'uuid', episode_id: 'uuid', client_id: 'uuid', practitioner_id: 'uuid', starts_at: 'timestamptz', duration_minutes: 'integer', purpose: 'text',
    contact_method: 'text', status: 'text', version: 'integer', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  appointment_event: { id: 'uuid', appointment_id: 'uuid', at: 'timestamptz', by_staff_id: 'uuid', from_status: 'text', to_status: 'text' },
  treatment_plan: {
    id: 'uuid', organisation_id: 'uuid', episode_id: 'uuid', client_id: 'uuid', template_id: 'text', template_version: 'text', template_name: 'text', template_is_example: 'boolean',
    required_components: 'jsonb', steps: 'jsonb', version: 'integer', created_by: 'uuid', created_at: 'timestamptz', updated_by: 'uuid', updated_at: 'timestamptz',
  },
  treatment_plan_change: { id: 'uuid', plan_id: 'uuid', version: 'integer', kind: 'text', steps_before: 'jsonb', steps_after: 'jsonb', reason: 'text', changed_by: 'uuid', changed_at: 'timestamptz' },
  check_in: { id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', mood: 'smallint', note: 'text', recorded_at: 'timestamptz', received_at: 'timestamptz' },
  questionnaire_response: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', episode_id: 'uuid', appointment_id: 'uuid', instrument: 'text', instrument_version: 'text', status: 'text', source: 'text',
    author_staff_id: 'uuid', total: 'integer', authored_at: 'timestamptz', received_at: 'timestamptz', completed_received_at: 'timestamptz', updated_at: 'timestamptz',
  },
  questionnaire_answer: { response_id: 'uuid', link_id: 'text', value: 'integer', recorded_at: 'timestamptz', received_at: 'timestamptz' },
  risk_alert: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', episode_id: 'uuid', trigger: 'text', source: 'text', response_id: 'uuid', answer_value: 'integer', rule: 'text', tier: 'text',
    raised_at: 'timestamptz', recipient_staff_id: 'uuid', recipient_reason: 'text', person_on_hand_from: 'timestamptz', due_at: 'timestamptz', out_of_hours: 'boolean',
    cover_known: 'boolean', escalation_level: 'integer', status: 'text', acknowledged_at: 'timestamptz', acknowledged_by: 'uuid', action_note: 'text', version: 'integer',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  risk_alert_event: { id: 'uuid', alert_id: 'uuid', at: 'timestamptz', kind: 'text', staff_id: 'uuid', note: 'text' },
  follow_up_task: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', episode_id: 'uuid', kind: 'text', appointment_id: 'uuid', alert_id: 'uuid', assigned_staff_id: 'uuid', due_at: 'timestamptz',
    status: 'text', done_at: 'timestamptz', done_by: 'uuid', note: 'text', created_at: 'timestamptz',
  },
  step_progress: { client_id: 'uuid', module_id: 'text', step_id: 'text', content_version: 'text', recorded_at: 'timestamptz', received_at: 'timestamptz' },
  exercise_entry: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', exercise: 'text', module_id: 'text', step_id: 'text', content_version: 'text', status: 'text', shared: 'boolean', data: 'jsonb',
    revision: 'integer', submissions: 'integer', recorded_at: 'timestamptz', received_at: 'timestamptz', created_at: 'timestamptz', first_submitted_at: 'timestamptz',
  },
  exercise_entry_submission: { entry_id: 'uuid', revision: 'integer', data: 'jsonb', content_version: 'text', recorded_at: 'timestamptz', received_at: 'timestamptz' },
  exercise_feedback: { id: 'uuid', entry_id: 'uuid', revision: 'integer', staff_id: 'uuid', text: 'text', created_at: 'timestamptz' },
  homework: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', episode_id: 'uuid', appointment_id: 'uuid', items: 'jsonb', due_on: 'date', status: 'text', set_by: 'uuid', set_at: 'timestamptz',
    cancelled_at: 'timestamptz', cancelled_by: 'uuid', cancel_reason: 'text',
  },
  message: {
    id: 'uuid', organisation_id: 'uuid', client_id: 'uuid', episode_id: 'uuid', author_type: 'text', author_staff_id: 'uuid', text: 'text', recorded_at: 'timestamptz', received_at: 'timestamptz',
    routed_to_staff_id: 'uuid', route: 'text', quick_reply_id: 'uuid', read_at: 'timestamptz', read_by_staff_id: 'uuid',
  },
} satisfies { [T in keyof Schema]?: ColumnTypes<T> };

export type ClientTable = keyof typeof tables;
export type ClientRows = { [T in ClientTable]: Insertable<Schema[T]>[] };

export function emptyRows(): ClientRows {
  return Object.fromEntries(Object.keys(tables).map((t) => [t, []])) as unknown as ClientRows;
}

/** Writes a chunk's rows, table by table in foreign-key order; returns how many rows went in. */
export async function writeRows(db: Kysely<Schema>, rows: ClientRows, counts: Record<string, number>): Promise<number> {
  let written = 0;
  for (const table of Object.keys(tables) as ClientTable[]) {
    const list = rows[table];
    await insertRows(db, table, tables[table] as ColumnTypes<typeof table>, list as never, counts);
    written += list.length;
  }
  return written;
}
