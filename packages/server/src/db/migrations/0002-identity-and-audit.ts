import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Organisations, sites, staff, clients, care teams and supervision; accounts, sessions, sign-in
 * throttling and invitations; break-glass grants; outgoing email; and the append-only audit log.
 * Every row of client data carries its organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table organisation (
      id uuid primary key,
      name text not null check (length(name) between 1 and 200),
      time_zone text not null default 'Europe/London',
      is_demo boolean not null default false,
      created_at timestamptz not null
    );

    create table site (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      name text not null check (length(name) between 1 and 200),
      time_zone text not null default 'Europe/London',
      created_at timestamptz not null
    );
    create index site_organisation on site (organisation_id);

    create table staff (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      display_name text not null check (length(display_name) between 1 and 200),
      roles text[] not null check (cardinality(roles) > 0 and roles <@ array['practitioner', 'supervisor', 'admin']),
      time_zone text not null default 'Europe/London',
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index staff_organisation on staff (organisation_id);

    create table staff_site (
      staff_id uuid not null references staff (id),
      site_id uuid not null references site (id),
      primary key (staff_id, site_id)
    );

    -- A supervisor supervises named practitioners, not whole sites.
    create table supervision (
      supervisor_id uuid not null references staff (id),
      practitioner_id uuid not null references staff (id),
      organisation_id uuid not null references organisation (id),
      created_at timestamptz not null,
      primary key (supervisor_id, practitioner_id),
      check (supervisor_id <> practitioner_id)
    );
    create index supervision_practitioner on supervision (practitioner_id);

    create table client (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      site_id uuid references site (id),
      given_name text not null check (length(given_name) between 1 and 100),
      family_name text not null check (length(family_name) between 1 and 100),
      date_of_birth date not null,
      nhs_number text check (nhs_number ~ '^[0-9]{10}$'),
      email text not null check (length(email) <= 254),
      phone text,
      gp_practice text,
      emergency_contact jsonb,
      preferred_language text not null default 'en',
      time_zone text not null default 'Europe/London',
      created_by uuid references staff (id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index client_organisation on client (organisation_id, family_name, given_name);
    create unique index client_nhs_number on client (organisation_id, nhs_number) where nhs_number is not null;

    create table care_team_member (
      client_id uuid not null references client (id),
      staff_id uuid not null references staff (id),
      organisation_id uuid not null references organisation (id),
      added_by uuid references staff (id),
      added_at timestamptz not null,
      primary key (client_id, staff_id)
    );
    create index care_team_member_staff on care_team_member (staff_id);

    -- Credentials, one per person who can sign in. Emails are unique across the deployment.
    create table account (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      actor_type text not null check (actor_type in ('staff', 'client')),
      staff_id uuid unique references staff (id),
      client_id uuid unique references client (id),
      email text not null unique check (email = lower(email)),
      password_hash text,
      status text not null check (status in ('invited', 'active', 'disabled')),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      activated_at timestamptz,
      check ((actor_type = 'staff' and staff_id is not null and client_id is null)
          or (actor_type = 'client' and client_id is not null and staff_id is null))
    );

    -- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
    create table auth_session (
      id uuid primary key,
      token_hash text not null unique,
      account_id uuid not null references account (id),
      remember boolean not null default false,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      idle_expires_at timestamptz not null,
      absolute_expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index auth_session_account on auth_session (account_id);

    -- Failed sign-ins per account email and per network address (keys are hashed).
    create table sign_in_throttle (
      key text primary key,
      failures integer not null,
      last_failure_at timestamptz not null
    );

    create table invitation (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      account_id uuid not null references account (id),
      kind text not null check (kind in ('client', 'staff')),
      token_hash text not null unique,
      created_by uuid references staff (id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      date_of_birth_failures integer not null default 0
    );
    create index invitation_account on invitation (account_id);

    create table break_glass_grant (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      client_id uuid not null references client (id),
      reason text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index break_glass_grant_client on break_glass_grant (client_id, staff_id);

    -- Outgoing email. Sent by a scheduled job; the body is erased once sent (it may hold a link).
    create table email_message (
      id uuid primary key,
      organisation_id uuid references organisation (id),
      to_address text not null,
      subject text not null,
      body_text text,
      status text not null check (status in ('queued', 'sent', 'dev_outbox', 'failed')),
      created_at timestamptz not null,
      sent_at timestamptz
    );

    -- Every read and write of client data, in the same transaction as the access.
    create table audit_event (
      seq bigint generated always as identity unique,
      id uuid primary key,
      occurred_at timestamptz not null,
      organisation_id uuid,
      actor_type text not null check (actor_type in ('staff', 'client', 'service', 'system', 'anonymous')),
      actor_id uuid,
      actor_role text not null,
      action text not null,
      outcome text not null check (outcome in ('success', 'denied', 'failed')),
      entity_type text not null,
      entity_id uuid,
      client_id uuid,
      request_id text,
      subject_ids uuid[],
      details jsonb
    );
    create index audit_event_client on audit_event (client_id, occurred_at) where client_id is not null;
    create index audit_event_organisation on audit_event (organisation_id, occurred_at);

    -- Append-only: the database refuses UPDATE, DELETE and TRUNCATE, whoever asks.
    create function audit_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger audit_event_no_update_delete before update or delete on audit_event
      for each row execute function audit_event_refuse_change();
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_refuse_change();
    revoke update, delete, truncate on audit_event from public;
  `,
  );
}
