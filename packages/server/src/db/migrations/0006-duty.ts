import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/** Service hours and closure days per site, the duty rota, and practitioners' away periods. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table site_hours (
      site_id uuid primary key references site (id),
      weekly jsonb not null,
      site_lead_staff_id uuid not null references staff (id),
      updated_by uuid references staff (id),
      updated_at timestamptz not null
    );

    create table site_closure (
      site_id uuid not null references site (id),
      closed_on date not null,
      primary key (site_id, closed_on)
    );

    create table duty_period (
      id uuid primary key,
      site_id uuid not null references site (id),
      staff_id uuid not null references staff (id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      created_by uuid references staff (id),
      created_at timestamptz not null,
      check (ends_at > starts_at)
    );
    create index duty_period_site on duty_period (site_id, starts_at);

    create table away_period (
      id uuid primary key,
      staff_id uuid not null references staff (id),
      away_from timestamptz not null,
      away_until timestamptz not null,
      created_at timestamptz not null,
      check (away_until > away_from)
    );
    create index away_period_staff on away_period (staff_id, away_until);
  `,
  );
}
