import type { ColumnType } from 'kysely';

/**
 * The tables of migration 0013, added to the database's Kysely schema by declaration merging so
 * this feature's tables are declared beside it (db/schema.ts holds the rest).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AppointmentChangeTable {
  seq: ColumnType<number, never, never>;
  id: string;
  appointment_id: string;
  at: Timestamp;
  by_staff_id: string | null;
  from_starts_at: Timestamp;
  from_duration_minutes: number;
  to_starts_at: Timestamp;
  to_duration_minutes: number;
  reason: string | null;
}

export interface CalendarFeedTable {
  id: string;
  organisation_id: string;
  account_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_read_at: Timestamp | null;
}

declare module '../../db/schema' {
  interface Schema {
    appointment_change: AppointmentChangeTable;
    calendar_feed: CalendarFeedTable;
  }
}
