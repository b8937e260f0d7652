import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Questionnaire responses with item-level answers (saved one by one, kept for FHIR export), the
 * organisation's risk policy, risk alerts with their history, follow-up tasks, and the versioned
 * local part of the crisis page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table risk_policy (
      organisation_id uuid primary key references organisation (id),
      policy jsonb not null,
      version integer not null default 1,
      updated_by uuid references staff (id),
      updated_at timestamptz not null
    );

    create table questionnaire_response (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      episode_id uuid references episode (id),
      appointment_id uuid references appointment (id),
      instrument text not null check (instrument in ('phq9', 'gad7', 'wsas')),
      instrument_version text not null,
      status text not null check (status in ('in_progress', 'completed')),
      source text not null check (source in ('client_app', 'in_session', 'imported')),
      author_staff_id uuid references staff (id),
      total integer,
      authored_at timestamptz,
      received_at timestamptz not null,
      completed_received_at timestamptz,
      updated_at timestamptz not null,
      check ((status = 'completed') = (total is not null and authored_at is not null))
    );
    create index questionnaire_response_client on questionnaire_response (client_id, authored_at);
    create index questionnaire_response_episode on questionnaire_response (episode_id);

    create table questionnaire_answer (
      response_id uuid not null references questionnaire_response (id),
      link_id text not null,
      value integer,
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      primary key (response_id, link_id)
    );

    create table risk_alert (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      episode_id uuid references episode (id),
      trigger text not null check (trigger in ('phq9_item9', 'help_button')),
      source text not null check (source in ('client_app', 'in_session', 'imported')),
      response_id uuid references questionnaire_response (id),
      answer_value integer,
      rule text not null,
      tier text not null check (tier in ('immediate', 'before_next_contact', 'recorded')),
      raised_at timestamptz not null,
      recipient_staff_id uuid not null references staff (id),
      recipient_reason text not null,
      person_on_hand_from timestamptz not null,
      due_at timestamptz,
      out_of_hours boolean not null,
      escalation_level integer not null default 0,
      status text not null check (status in ('open', 'acknowledged')),
      acknowledged_at timestamptz,
      acknowledged_by uuid references staff (id),
      action_note text,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((status = 'acknowledged') = (acknowledged_at is not null and action_note is not null))
    );
    -- One alert per questionnaire response: saving item 9 again never raises a second.
    create unique index risk_alert_response on risk_alert (response_id) where response_id is not null;
    create index risk_alert_recipient on risk_alert (recipient_staff_id, status);
    create index risk_alert_client on risk_alert (client_id, raised_at);

    create table risk_alert_event (
      seq bigint generated always as identity unique,
      id uuid primary key,
      alert_id uuid not null references risk_alert (id),
      at timestamptz not null,
      kind text not null,
      staff_id uuid references staff (id),
      note text
    );
    create index risk_alert_event_alert on risk_alert_event (alert_id, seq);

    -- The organisation's local crisis contacts, shown under the national ones. Every edit is a
    -- new version with the name of the person who reviewed it.
    create table crisis_page_version (
      organisation_id uuid not null references organisation (id),
      version integer not null check (version >= 1),
      contacts jsonb not null,
      reviewed_by text not null,
      reviewed_on date not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      primary key (organisation_id, version)
    );

    create table follow_up_task (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      episode_id uuid references episode (id),
      kind text not null check (kind in ('missed_appointment_after_alert')),
      appointment_id uuid references appointment (id),
      alert_id uuid references risk_alert (id),
      assigned_staff_id uuid not null references staff (id),
      due_at timestamptz not null,
      status text not null check (status in ('open', 'done')),
      done_at timestamptz,
      done_by uuid references staff (id),
      note text,
      created_at timestamptz not null
    );
    create unique index follow_up_task_appointment on follow_up_task (kind, appointment_id);
    create index follow_up_task_assigned on follow_up_task (assigned_staff_id, status);
  `,
  );
}
