import type { Clock } from '@tandem/domain';
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { Mailer } from './email/mailer';

/** What every route module may use. Passed explicitly; no globals. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
}
