import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Referrals (episodes of care) and the appointment record, each with its history. `version`
 * makes every change optimistic: a change made against an older version is refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table episode (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      referral_date date not null,
      referral_source text not null check (referral_source in ('self', 'gp', 'other_primary_care', 'secondary_care', 'other')),
      problem_descriptor text not null check (length(problem_descriptor) between 1 and 200),
      step text not null check (step in ('low_intensity', 'high_intensity')),
      assigned_practitioner_id uuid not null references staff (id),
      status text not null check (status in ('waiting', 'active', 'on_hold', 'ended')),
      ending_reason text,
      ended_on date,
      version integer not null default 1,
      created_by uuid references staff (id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((status = 'ended') = (ending_reason is not null and ended_on is not null))
    );
    create index episode_client on episode (client_id, referral_date);
    create index episode_practitioner on episode (assigned_practitioner_id) where status <> 'ended';

    -- seq orders events written in the same millisecond (ids made then sort randomly).
    create table episode_event (
      seq bigint generated always as identity,
      id uuid primary key,
      episode_id uuid not null references episode (id),
      at timestamptz not null,
      by_staff_id uuid references staff (id),
      kind text not null check (kind in ('referred', 'status_changed', 'stepped', 'transferred', 'ended')),
      from_value text,
      to_value text,
      reason text
    );
    create index episode_event_episode on episode_event (episode_id, seq);

    create table appointment (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      episode_id uuid not null references episode (id),
      client_id uuid not null references client (id),
      practitioner_id uuid not null references staff (id),
      starts_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 5 and 180),
      purpose text not null check (purpose in ('assessment', 'treatment', 'review')),
      contact_method text not null check (contact_method in ('face_to_face', 'phone', 'video', 'supported_digital')),
      status text not null check (status in ('booked', 'attended', 'attended_late', 'did_not_attend', 'cancelled_by_client', 'cancelled_by_service')),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index appointment_episode on appointment (episode_id, starts_at);
    create index appointment_practitioner on appointment (practitioner_id, starts_at);

    create table appointment_event (
      seq bigint generated always as identity,
      id uuid primary key,
      appointment_id uuid not null references appointment (id),
      at timestamptz not null,
      by_staff_id uuid references staff (id),
      from_status text,
      to_status text not null
    );
    create index appointment_event_appointment on appointment_event (appointment_id, seq);
  `,
  );
}
