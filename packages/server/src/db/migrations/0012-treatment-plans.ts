import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Treatment plans (decision 0020): an organisation's own plan templates and its default template
 * per step; one plan per episode,
 * made from a template (shipped or the organisation's) and edited at a version; and the history of
 * every version with who changed it and why. Steps are jsonb, validated by the domain's schema on
 * the way in. Ids are made by the writer and times come from the app's clock; no uuidv7(), so
 * this runs on PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table organisation_plan_template (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      version integer not null check (version >= 1),
      step text not null check (step in ('low_intensity', 'high_intensity')),
      -- name, description, source, sessions planned, required components and steps.
      definition jsonb not null,
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      updated_by uuid not null references staff (id),
      updated_at timestamptz not null
    );
    create index organisation_plan_template_organisation on organisation_plan_template (organisation_id);

    -- The template each step's plans start from, when the organisation chose (else the England defaults).
    create table organisation_plan_defaults (
      organisation_id uuid primary key references organisation (id),
      low_intensity text not null,
      high_intensity text not null,
      version integer not null check (version >= 1),
      updated_by uuid not null references staff (id),
      updated_at timestamptz not null
    );

    create table treatment_plan (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      episode_id uuid not null unique references episode (id),
      client_id uuid not null references client (id),
      -- The template it was made from, as it was then: a shipped id (text) or an organisation's uuid.
      template_id text not null,
      template_version text not null,
      template_name text not null,
      template_is_example boolean not null,
      required_components jsonb not null,
      steps jsonb not null,
      version integer not null check (version >= 1),
      created_by uuid references staff (id),
      created_at timestamptz not null,
      updated_by uuid references staff (id),
      updated_at timestamptz not null
    );
    create index treatment_plan_client on treatment_plan (client_id);

    create table treatment_plan_change (
      id uuid primary key,
      plan_id uuid not null references treatment_plan (id),
      version integer not null,
      kind text not null check (kind in ('created', 'edited')),
      steps_before jsonb,
      steps_after jsonb not null,
      reason text,
      changed_by uuid references staff (id),
      changed_at timestamptz not null,
      unique (plan_id, version)
    );
  `,
  );
}
