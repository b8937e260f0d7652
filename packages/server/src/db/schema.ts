import type { AnswerSource, PlanComponent, CareSettings, ConsentChoices, ExerciseId, CrisisContact, DutyReason, InstrumentId, MoodPromptSchedule, ResponseTierName, RiskPolicy, RiskRule, StaffRole, WeeklyHours } from '@tandem/domain';
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
  /** What a finished job did, in fixed words ("sent by push", "not sent: quiet hours"). */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}


export interface OrganisationTable {
  id: string;
  name: string;
  time_zone: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface SiteTable {
  id: string;
  organisation_id: string;
  name: string;
  time_zone: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

export interface StaffTable {
  id: string;
  organisation_id: string;
  display_name: string;
  roles: ColumnType<StaffRole[], StaffRole[], StaffRole[]>;
  time_zone: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffSiteTable {
  staff_id: string;
  site_id: string;
}

export interface SupervisionTable {
  supervisor_id: string;
  practitioner_id: string;
  organisation_id: string;
  created_at: Timestamp;
}

export interface EmergencyContact {
  name: string;
  phone: string;
  relationship?: string | undefined;
}

export interface ClientTable {
  id: string;
  organisation_id: string;
  site_id: string | null;
  given_name: string;
  family_name: string;
  /** 'YYYY-MM-DD' */
  date_of_birth: string;
  nhs_number: string | null;
  email: string;
  phone: string | null;
  gp_practice: string | null;
  emergency_contact: ColumnType<EmergencyContact | null, string | null, string | null>;
  preferred_language: ColumnType<string, string | undefined, string>;
  time_zone: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CareTeamMemberTable {
  client_id: string;
  staff_id: string;
  organisation_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export type AccountStatus = 'invited' | 'active' | 'disabled';

export interface AccountTable {
  id: string;
  organisation_id: string;
  actor_type: 'staff' | 'client';
  staff_id: string | null;
  client_id: string | null;
  email: string;
  password_hash: string | null;
  status: AccountStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
  activated_at: Timestamp | null;
}

export interface AuthSessionTable {
  id: string;
  token_hash: string;
  account_id: string;
  remember: boolean;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  revoked_at: Timestamp | null;
  stage: Generated<'full' | 'mfa' | 'enrol'>;
  second_step_failures: Generated<number>;
  pin_hash: string | null;
  pin_failures: Generated<number>;
}

export interface AccountTotpTable {
  account_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  last_used_step: number | null;
  created_at: Timestamp;
}

export interface AccountRecoveryCodeTable {
  id: string;
  account_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** One sign-in at the OpenID Connect provider, used once (decision 0036). */
export interface OidcAttemptTable {
  key_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The subject at an issuer that first signed in to an account; later sign-ins must match it. */
export interface AccountOidcLinkTable {
  issuer: string;
  subject: string;
  account_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

/** A named system of one organisation that calls the API with tokens, never a person (decision 0041). */
export interface ServiceAccountTable {
  id: string;
  organisation_id: string;
  name: string;
  created_by: string;
  created_at: Timestamp;
  received_at: Timestamp;
}

/** A scoped, revocable API token of a service account; only the SHA-256 of its secret is kept. */
export interface ApiTokenTable {
  id: string;
  service_account_id: string;
  token_hash: string;
  /** The secret's first characters, to tell tokens apart in lists. */
  hint: string;
  scopes: string[];
  created_by: string;
  created_at: Timestamp;
  received_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
}

export interface InvitationTable {
  id: string;
  organisation_id: string;
  account_id: string;
  kind: 'client' | 'staff';
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  date_of_birth_failures: Generated<number>;
}

export interface BreakGlassGrantTable {
  id: string;
  organisation_id: string;
  staff_id: string;
  client_id: string;
  reason: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface EmailMessageTable {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  body_text: string | null;
  status: 'queued' | 'sent' | 'dev_outbox' | 'failed';
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface AuditEventTable {
  seq: ColumnType<number, never, never>;
  id: string;
  occurred_at: Timestamp;
  organisation_id: string | null;
  actor_type: 'staff' | 'client' | 'service' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_role: string;
  action: string;
  outcome: 'success' | 'denied' | 'failed';
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
  request_id: string | null;
  subject_ids: string[] | null;
  details: ColumnType<unknown, string | null, never>;
}

/** A removal request handled as a restriction of processing (migration 0026, decision 0042). Active while lifted_at is null. */
export interface ProcessingRestrictionTable {
  id: string;
  client_id: string;
  organisation_id: string;
  requested_at: Timestamp;
  restricted_at: Timestamp;
  restricted_by: string;
  reason: string;
  lifted_at: Timestamp | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

/** A client's personal data erased where the retention policy allowed it (migration 0026). */
export interface ClientErasureTable {
  client_id: string;
  organisation_id: string;
  requested_at: Timestamp;
  erased_at: Timestamp;
  erased_by: string;
  reason: string;
}

/** A seal over audit rows after_seq < seq <= last_seq: the hash chain's last hash (decision 0011). */
export interface AuditSealTable {
  seq: ColumnType<number, never, never>;
  after_seq: number;
  last_seq: number;
  row_count: number;
  previous_hash: string;
  last_hash: string;
  sealed_at: Timestamp;
}

export interface CheckInTable {
  id: string;
  organisation_id: string;
  client_id: string;
  mood: number;
  note: string | null;
  recorded_at: Timestamp;
  received_at: Timestamp;
}

export interface EpisodeTable {
  id: string;
  organisation_id: string;
  client_id: string;
  referral_date: string;
  referral_source: string;
  problem_descriptor: string;
  step: 'low_intensity' | 'high_intensity';
  assigned_practitioner_id: string;
  status: 'waiting' | 'active' | 'on_hold' | 'ended';
  ending_reason: string | null;
  ended_on: string | null;
  /** Whether a staying-well plan was offered at discharge; null before it ends. */
  relapse_plan_offered: boolean | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EpisodeEventTable {
  seq: ColumnType<number, never, never>;
  id: string;
  episode_id: string;
  at: Timestamp;
  by_staff_id: string | null;
  kind: 'referred' | 'status_changed' | 'stepped' | 'transferred' | 'ended';
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
}

export interface AppointmentTable {
  id: string;
  organisation_id: string;
  episode_id: string;
  client_id: string;
  practitioner_id: string;
  starts_at: Timestamp;
  duration_minutes: number;
  purpose: 'assessment' | 'treatment' | 'review';
  contact_method: 'face_to_face' | 'phone' | 'video' | 'supported_digital';
  status: 'booked' | 'attended' | 'attended_late' | 'did_not_attend' | 'cancelled_by_client' | 'cancelled_by_service';
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentEventTable {
  seq: ColumnType<number, never, never>;
  id: string;
  appointment_id: string;
  at: Timestamp;
  by_staff_id: string | null;
  from_status: string | null;
  to_status: string;
}

export interface ConsentRecordTable {
  seq: ColumnType<number, never, never>;
  id: string;
  organisation_id: string;
  client_id: string;
  wording_version: string;
  choices: ColumnType<ConsentChoices, string, never>;
  recorded_at: Timestamp;
  recorded_by_type: 'client' | 'staff';
  recorded_by_id: string;
}

export interface SiteHoursTable {
  site_id: string;
  weekly: ColumnType<WeeklyHours, string, string>;
  site_lead_staff_id: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SiteClosureTable {
  site_id: string;
  closed_on: string;
}

export interface DutyPeriodTable {
  id: string;
  site_id: string;
  staff_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AwayPeriodTable {
  id: string;
  staff_id: string;
  away_from: Timestamp;
  away_until: Timestamp;
  created_at: Timestamp;
}

export interface RiskPolicyTable {
  organisation_id: string;
  policy: ColumnType<RiskPolicy, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface QuestionnaireResponseTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string | null;
  appointment_id: string | null;
  instrument: InstrumentId;
  instrument_version: string;
  status: 'in_progress' | 'completed';
  source: AnswerSource;
  author_staff_id: string | null;
  total: number | null;
  authored_at: Timestamp | null;
  received_at: Timestamp;
  completed_received_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface QuestionnaireAnswerTable {
  response_id: string;
  link_id: string;
  value: number | null;
  recorded_at: Timestamp;
  received_at: Timestamp;
}

export interface RiskAlertTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string | null;
  trigger: 'phq9_item9' | 'help_button';
  source: AnswerSource;
  response_id: string | null;
  answer_value: number | null;
  rule: RiskRule;
  tier: ResponseTierName;
  raised_at: Timestamp;
  recipient_staff_id: string;
  recipient_reason: DutyReason | 'escalation';
  person_on_hand_from: Timestamp;
  due_at: Timestamp | null;
  out_of_hours: boolean;
  cover_known: Generated<boolean>;
  escalation_level: Generated<number>;
  status: 'open' | 'acknowledged';
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  action_note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskAlertEventTable {
  seq: ColumnType<number, never, never>;
  id: string;
  alert_id: string;
  at: Timestamp;
  kind: string;
  staff_id: string | null;
  note: string | null;
}

export interface FollowUpTaskTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string | null;
  kind: 'missed_appointment_after_alert';
  appointment_id: string | null;
  alert_id: string | null;
  assigned_staff_id: string;
  due_at: Timestamp;
  status: 'open' | 'done';
  done_at: Timestamp | null;
  done_by: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface CrisisPageVersionTable {
  organisation_id: string;
  version: number;
  contacts: ColumnType<CrisisContact[], string, never>;
  reviewed_by: string;
  reviewed_on: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface MoodPromptScheduleTable {
  client_id: string;
  schedule: ColumnType<MoodPromptSchedule, string, string>;
  version: number;
  updated_by_type: 'client' | 'staff';
  updated_by_id: string;
  updated_at: Timestamp;
}

export interface CareSettingsTable {
  organisation_id: string;
  settings: ColumnType<CareSettings, string, string>;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ExerciseEntryTable {
  id: string;
  organisation_id: string;
  client_id: string;
  exercise: ExerciseId;
  module_id: string | null;
  step_id: string | null;
  content_version: string | null;
  status: 'draft' | 'submitted';
  shared: boolean;
  data: ColumnType<Record<string, unknown>, string, string>;
  revision: number;
  submissions: Generated<number>;
  recorded_at: Timestamp;
  received_at: Timestamp;
  created_at: Timestamp;
  first_submitted_at: Timestamp | null;
  /** The device that wrote the current text (decision 0033); null before it was recorded. */
  device_id: Generated<string | null>;
}

/** A version of an entry not kept as the current one when two devices edited it (decision 0033). */
export interface ExerciseEntryOtherVersionTable {
  id: string;
  entry_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  shared: boolean;
  status: 'draft' | 'submitted';
  recorded_at: Timestamp;
  received_at: Timestamp;
  resolved_at: Timestamp | null;
}

export interface ExerciseEntrySubmissionTable {
  entry_id: string;
  revision: number;
  data: ColumnType<Record<string, unknown>, string, string>;
  content_version: string | null;
  recorded_at: Timestamp;
  received_at: Timestamp;
}

export interface FeedbackTemplateTable {
  id: string;
  organisation_id: string;
  owner_staff_id: string | null;
  title: string;
  text: string;
  created_at: Timestamp;
}

export interface ExerciseFeedbackTable {
  id: string;
  entry_id: string;
  revision: number;
  staff_id: string;
  text: string;
  created_at: Timestamp;
}

export interface StepProgressTable {
  client_id: string;
  module_id: string;
  step_id: string;
  content_version: string;
  recorded_at: Timestamp;
  received_at: Timestamp;
}

/** Treatment plans (migration 0012, decision 0020). */
export interface OrganisationPlanTemplateTable {
  id: string;
  organisation_id: string;
  version: number;
  step: 'low_intensity' | 'high_intensity';
  definition: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface OrganisationPlanDefaultsTable {
  organisation_id: string;
  low_intensity: string;
  high_intensity: string;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface TreatmentPlanTable {
  id: string;
  organisation_id: string;
  episode_id: string;
  client_id: string;
  template_id: string;
  template_version: string;
  template_name: string;
  template_is_example: boolean;
  required_components: ColumnType<unknown, string, string>;
  steps: ColumnType<unknown, string, string>;
  version: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface TreatmentPlanChangeTable {
  id: string;
  plan_id: string;
  version: number;
  kind: 'created' | 'edited';
  steps_before: ColumnType<unknown, string | null, never>;
  steps_after: ColumnType<unknown, string, never>;
  reason: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

/** Homework and agenda items (migration 0014, decision 0023). */
export interface HomeworkTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string;
  appointment_id: string | null;
  items: ColumnType<unknown, string, string>;
  /** 'YYYY-MM-DD', the client's calendar date. */
  due_on: string;
  status: 'active' | 'cancelled';
  set_by: string | null;
  set_at: Timestamp;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface AgendaItemTable {
  id: string;
  organisation_id: string;
  client_id: string;
  text: string;
  status: 'open' | 'discussed' | 'removed';
  recorded_at: Timestamp;
  received_at: Timestamp;
  discussed_at: Timestamp | null;
  discussed_by: string | null;
  discussed_appointment_id: string | null;
  removed_at: Timestamp | null;
}

/** Messages between a client and their care team, one conversation per episode (migration 0016, decision 0027). */
export interface MessageTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string;
  author_type: 'client' | 'staff';
  author_staff_id: string | null;
  text: string;
  recorded_at: Timestamp;
  received_at: Timestamp;
  routed_to_staff_id: string | null;
  route: 'assigned_practitioner' | 'care_team' | 'duty' | 'site_lead' | null;
  quick_reply_id: string | null;
  read_at: Timestamp | null;
  read_by_staff_id: string | null;
}

/** A practitioner's own saved replies (migration 0016). */
export interface QuickReplyTable {
  id: string;
  organisation_id: string;
  staff_id: string;
  text: string;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** Structured session notes (migration 0015, decision 0024): internal to the care team. */
/** The server's VAPID key pair (one row; decision 0030). */
export interface PushVapidKeyTable {
  id: number;
  public_key: string;
  private_key: string;
  created_at: Timestamp;
}

export interface PushSubscriptionTable {
  id: string;
  account_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Timestamp;
  last_sent_at: Timestamp | null;
}

/** The in-app notification centre (decision 0029). */
export interface StaffNotificationTable {
  id: string;
  organisation_id: string;
  staff_id: string;
  kind: 'risk-alert' | 'message' | 'entry-shared' | 'questionnaire-completed';
  urgent: boolean;
  client_id: string | null;
  link: string;
  source_id: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  digested_at: Timestamp | null;
}

export interface StaffNotificationSettingsTable {
  staff_id: string;
  digest_email: boolean;
  digest_time: string;
  quiet_start: string | null;
  quiet_end: string | null;
  version: number;
  updated_at: Timestamp;
}

export interface SessionNoteTable {
  appointment_id: string;
  organisation_id: string;
  episode_id: string;
  client_id: string;
  plan_step_id: string | null;
  component_delivered: PlanComponent | null;
  agenda: string;
  reviewed: string;
  homework_reviewed: boolean | null;
  homework_set: string;
  risk_reviewed: boolean | null;
  next_steps: string;
  saved_at: Timestamp;
  revision: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Practitioner active time: each beat the page sent (migration 0018, decision 0028). */
export interface ActivityBeatTable {
  id: string;
  organisation_id: string;
  staff_id: string;
  client_id: string;
  /** 'YYYY-MM-DD', the organisation's calendar date. */
  day: string;
  claimed_seconds: number;
  credited_seconds: number;
  received_at: Timestamp;
}

/** Active seconds per staff member × client × day (migration 0018). */
export interface ActiveTimeDayTable {
  organisation_id: string;
  staff_id: string;
  client_id: string;
  day: string;
  seconds: number;
  updated_at: Timestamp;
}

/** The monthly practitioner pulse, one row per person per month (migration 0018). */
export interface PractitionerPulseTable {
  id: string;
  organisation_id: string;
  staff_id: string;
  month: string;
  value: number | null;
  burden: number | null;
  comment: string | null;
  dismissed: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Schema {
  activity_beat: ActivityBeatTable;
  active_time_day: ActiveTimeDayTable;
  practitioner_pulse: PractitionerPulseTable;
  session_note: SessionNoteTable;
  staff_notification: StaffNotificationTable;
  staff_notification_settings: StaffNotificationSettingsTable;
  push_vapid_key: PushVapidKeyTable;
  push_subscription: PushSubscriptionTable;
  homework: HomeworkTable;
  agenda_item: AgendaItemTable;
  message: MessageTable;
  quick_reply: QuickReplyTable;
  organisation_plan_template: OrganisationPlanTemplateTable;
  organisation_plan_defaults: OrganisationPlanDefaultsTable;
  treatment_plan: TreatmentPlanTable;
  treatment_plan_change: TreatmentPlanChangeTable;
  step_progress: StepProgressTable;
  exercise_entry: ExerciseEntryTable;
  exercise_entry_submission: ExerciseEntrySubmissionTable;
  exercise_entry_other_version: ExerciseEntryOtherVersionTable;
  feedback_template: FeedbackTemplateTable;
  exercise_feedback: ExerciseFeedbackTable;
  care_settings: CareSettingsTable;
  mood_prompt_schedule: MoodPromptScheduleTable;
  crisis_page_version: CrisisPageVersionTable;
  risk_policy: RiskPolicyTable;
  questionnaire_response: QuestionnaireResponseTable;
  questionnaire_answer: QuestionnaireAnswerTable;
  risk_alert: RiskAlertTable;
  risk_alert_event: RiskAlertEventTable;
  follow_up_task: FollowUpTaskTable;
  site_hours: SiteHoursTable;
  site_closure: SiteClosureTable;
  duty_period: DutyPeriodTable;
  away_period: AwayPeriodTable;
  consent_record: ConsentRecordTable;
  episode: EpisodeTable;
  episode_event: EpisodeEventTable;
  appointment: AppointmentTable;
  appointment_event: AppointmentEventTable;
  check_in: CheckInTable;
  scheduled_job: ScheduledJobTable;
  organisation: OrganisationTable;
  site: SiteTable;
  staff: StaffTable;
  staff_site: StaffSiteTable;
  supervision: SupervisionTable;
  client: ClientTable;
  care_team_member: CareTeamMemberTable;
  account: AccountTable;
  auth_session: AuthSessionTable;
  account_totp: AccountTotpTable;
  account_recovery_code: AccountRecoveryCodeTable;
  sign_in_throttle: SignInThrottleTable;
  oidc_attempt: OidcAttemptTable;
  service_account: ServiceAccountTable;
  api_token: ApiTokenTable;
  account_oidc_link: AccountOidcLinkTable;
  invitation: InvitationTable;
  break_glass_grant: BreakGlassGrantTable;
  email_message: EmailMessageTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  processing_restriction: ProcessingRestrictionTable;
  client_erasure: ClientErasureTable;
}
