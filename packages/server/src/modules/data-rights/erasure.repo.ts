import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

/**
 * Deletes a client's records, children before parents (foreign keys), and blanks the client row,
 * which stays as a tombstone so the audit log and the erasure record still point at an id. Runs
 * in the caller's transaction: all of it or nothing. audit_event is append-only and is never
 * touched; its rows hold ids and codes, not what the client wrote (decision 0042).
 */
const byClient = [
  // [table, condition on client id :c]
  ['exercise_feedback', 'entry_id in (select id from exercise_entry where client_id = $c)'],
  ['exercise_entry_submission', 'entry_id in (select id from exercise_entry where client_id = $c)'],
  ['exercise_entry_other_version', 'entry_id in (select id from exercise_entry where client_id = $c)'],
  ['exercise_entry', 'client_id = $c'],
  ['follow_up_task', 'client_id = $c'],
  ['risk_alert_event', 'alert_id in (select id from risk_alert where client_id = $c)'],
  ['staff_notification', 'client_id = $c'],
  ['risk_alert', 'client_id = $c'],
  ['questionnaire_answer', 'response_id in (select id from questionnaire_response where client_id = $c)'],
  ['questionnaire_response', 'client_id = $c'],
  ['session_note', 'client_id = $c'],
  ['homework', 'client_id = $c'],
  ['agenda_item', 'client_id = $c'],
  ['message', 'client_id = $c'],
  ['treatment_plan_change', 'plan_id in (select id from treatment_plan where client_id = $c)'],
  ['treatment_plan', 'client_id = $c'],
  ['appointment_change', 'appointment_id in (select id from appointment where client_id = $c)'],
  ['appointment_event', 'appointment_id in (select id from appointment where client_id = $c)'],
  ['appointment', 'client_id = $c'],
  ['episode_event', 'episode_id in (select id from episode where client_id = $c)'],
  ['episode', 'client_id = $c'],
  ['check_in', 'client_id = $c'],
  ['consent_record', 'client_id = $c'],
  ['step_progress', 'client_id = $c'],
  ['mood_prompt_schedule', 'client_id = $c'],
  ['care_team_member', 'client_id = $c'],
  ['break_glass_grant', 'client_id = $c'],
  ['activity_beat', 'client_id = $c'],
  ['active_time_day', 'client_id = $c'],
] as const;

const byAccount = ['auth_session', 'account_totp', 'account_recovery_code', 'account_oidc_link', 'invitation', 'push_subscription', 'calendar_feed'] as const;

export async function eraseClientData(trx: Transaction<Schema>, who: { clientId: string; organisationId: string; email: string; at: Date }): Promise<{ deletedRows: number }> {
  let deleted = 0;
  const run = async (query: ReturnType<typeof sql>) => {
    const result = await query.execute(trx);
    deleted += Number(result.numAffectedRows ?? 0n);
  };
  for (const [table, condition] of byClient) {
    const [before, after] = condition.split('$c') as [string, string];
    await run(sql`delete from ${sql.table(table)} where ${sql.raw(before)}${who.clientId}${sql.raw(after)}`);
  }
  const account = await trx.selectFrom('account').select('id').where('client_id', '=', who.clientId).executeTakeFirst();
  // Waiting work about the client or their account (reminders, prompts, pushes): their payloads hold these ids.
  const ids = [who.clientId, ...(account ? [account.id] : [])];
  for (const id of ids) await run(sql`delete from scheduled_job where payload::text like ${`%${id}%`}`);
  await run(sql`delete from email_message where organisation_id = ${who.organisationId} and to_address = ${who.email}`);
  if (account) {
    for (const table of byAccount) await run(sql`delete from ${sql.table(table)} where account_id = ${account.id}`);
    await run(sql`delete from account where id = ${account.id}`);
  }
  await trx
    .updateTable('client')
    .set({
      given_name: 'Erased',
      family_name: 'Erased',
      date_of_birth: '1900-01-01',
      nhs_number: null,
      email: `erased-${who.clientId}@invalid`,
      phone: null,
      gp_practice: null,
      emergency_contact: null,
      updated_at: who.at,
    })
    .where('id', '=', who.clientId)
    .execute();
  return { deletedRows: deleted };
}
