import type { Clock, ProgrammeModule } from '@tandem/domain';
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { Mailer } from './email/mailer';

/** What every route module may use. Passed explicitly; no globals. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  /** The self-help programme, read and checked from CONTENT_DIR at start-up (files, not state). */
  programme: readonly ProgrammeModule[];
}
