import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. One interface per table, kept in step with migrations/.
 * Timestamps are `timestamptz` (read as Date); calendar dates are `date` (read as 'YYYY-MM-DD').
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface ScheduledJobTable {
  id: string;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  delivery_key: string;
  due_at: Timestamp;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface Schema {
  scheduled_job: ScheduledJobTable;
}
