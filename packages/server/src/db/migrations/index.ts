import type { Migration } from 'kysely';
import * as m0001 from './0001-scheduled-work';
import * as m0002 from './0002-identity-and-audit';
import * as m0003 from './0003-check-ins';
import * as m0004 from './0004-episodes-and-appointments';
import * as m0005 from './0005-consent';
import * as m0006 from './0006-duty';
import * as m0007 from './0007-measures-and-risk';
import * as m0008 from './0008-mood-prompts-and-alert-cover';
import * as m0009 from './0009-care-settings-and-relapse-offer';
import * as m0010 from './0010-exercise-entries';
import * as m0011 from './0011-step-progress';
import * as m0012 from './0012-treatment-plans';
import * as m0013 from './0013-appointment-calendar';
import * as m0014 from './0014-homework-and-agenda';
import * as m0015 from './0015-session-notes';
import * as m0016 from './0016-messages';
import * as m0018 from './0018-activity-and-pulse';
import * as m0019 from './0019-staff-notifications';
import * as m0020 from './0020-web-push';
import * as m0021 from './0021-job-outcome';
import * as m0022 from './0022-exercise-other-versions';
import * as m0023 from './0023-audit-seal';
import * as m0024 from './0024-two-step-sign-in';
import * as m0025 from './0025-single-sign-on';
import * as m0026 from './0026-data-rights';
import * as m0027 from './0027-api-tokens';
import * as m0028 from './0028-performance-indexes';

/**
 * The one forward-only migration set, in order. Never edit or remove a migration that has shipped;
 * add a new one. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '0001-scheduled-work': m0001,
  '0002-identity-and-audit': m0002,
  '0003-check-ins': m0003,
  '0004-episodes-and-appointments': m0004,
  '0005-consent': m0005,
  '0006-duty': m0006,
  '0007-measures-and-risk': m0007,
  '0008-mood-prompts-and-alert-cover': m0008,
  '0009-care-settings-and-relapse-offer': m0009,
  '0010-exercise-entries': m0010,
  '0011-step-progress': m0011,
  '0012-treatment-plans': m0012,
  '0013-appointment-calendar': m0013,
  '0014-homework-and-agenda': m0014,
  '0015-session-notes': m0015,
  '0016-messages': m0016,
  '0018-activity-and-pulse': m0018,
  '0019-staff-notifications': m0019,
  '0020-web-push': m0020,
  '0021-job-outcome': m0021,
  '0022-exercise-other-versions': m0022,
  '0023-audit-seal': m0023,
  '0024-two-step-sign-in': m0024,
  '0025-single-sign-on': m0025,
  '0026-data-rights': m0026,
  '0027-api-tokens': m0027,
  '0028-performance-indexes': m0028,
};
