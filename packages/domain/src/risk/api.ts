import { z } from 'zod';
import { responseTiers } from '../duty/rota';
import { dutyReasons } from '../duty/who-must-see';
import { IdSchema } from '../ids';
import { instrumentIds } from '../measures/instruments';
import { riskRules, RiskPolicySchema } from './policy';
import { answerSources } from './tier';

const Instant = z.iso.datetime({ offset: true, message: 'must be a date and time' });

/**
 * What the client is told at once after a warning sign (item 9 or the help button): where to get
 * help now is the crisis page; this says honestly when a person from the service will see it.
 */
export const RiskNoticeSchema = z
  .object({
    alertId: z.uuid(),
    /** When someone is first on hand to see it: now, or when the service next opens or on-call starts. */
    personOnHandFrom: z.iso.datetime(),
    /** The service was closed when it was raised. */
    outOfHours: z.boolean(),
    /**
     * False when the service has not set its hours and rota, so nobody can say when a person will
     * look: the client is told that plainly instead of a time (HAZ-015).
     */
    coverKnown: z.boolean(),
    /** The site's time zone, for saying the time in words. */
    timeZone: z.string(),
  })
  .meta({ id: 'RiskNotice' });
export type RiskNotice = z.infer<typeof RiskNoticeSchema>;

/** PUT /api/questionnaire-responses/:responseId/answers/:linkId — one answer, saved as it is given. */
export const SaveAnswerRequestSchema = z
  .strictObject({
    instrumentId: z.enum(instrumentIds),
    /** The appointment the questionnaire is for, when it was due before one. */
    appointmentId: IdSchema.nullable().default(null),
    /** 0–3 (PHQ-9, GAD-7) or 0–8 (WSAS); null only for WSAS's "not applicable" work item. */
    value: z.number().int('must be a whole number').nullable(),
    /** When the client chose the answer, by their device's clock. */
    recordedAt: Instant,
  })
  .meta({ id: 'SaveAnswerRequest' });

export const AnswerParamsSchema = z.strictObject({ responseId: IdSchema, linkId: z.string().regex(/^[a-z0-9]+-\d{1,2}$/, 'is not an item id') });
export const ResponseIdParamsSchema = z.strictObject({ responseId: IdSchema });

export const SaveAnswerResponseSchema = z
  .object({ responseId: z.uuid(), linkId: z.string(), saved: z.boolean(), risk: RiskNoticeSchema.nullable() })
  .meta({ id: 'SaveAnswerResponse' });

/** POST /api/questionnaire-responses/:responseId/complete — the finished questionnaire, all answers. */
export const CompleteResponseRequestSchema = z
  .strictObject({
    instrumentId: z.enum(instrumentIds),
    appointmentId: IdSchema.nullable().default(null),
    answers: z.record(z.string().max(20), z.number().int('must be a whole number').nullable()),
    /** When the client finished, by their device's clock. */
    authoredAt: Instant,
  })
  .meta({ id: 'CompleteResponseRequest' });

/** POST /api/clients/:clientId/questionnaire-responses — answers given in a session, or imported. */
export const RecordResponseRequestSchema = z
  .strictObject({
    id: IdSchema,
    instrumentId: z.enum(instrumentIds),
    appointmentId: IdSchema.nullable().default(null),
    answers: z.record(z.string().max(20), z.number().int('must be a whole number').nullable()),
    authoredAt: Instant,
    source: z.enum(['in_session', 'imported']),
  })
  .meta({ id: 'RecordResponseRequest' });

export const QuestionnaireResponseSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    episodeId: z.uuid().nullable(),
    appointmentId: z.uuid().nullable(),
    instrumentId: z.enum(instrumentIds),
    instrumentVersion: z.string(),
    status: z.enum(['in_progress', 'completed']),
    source: z.enum(answerSources),
    answers: z.record(z.string(), z.number().int().nullable()),
    total: z.number().int().nullable(),
    band: z.string().nullable(),
    authoredAt: z.iso.datetime().nullable(),
    receivedAt: z.iso.datetime(),
    authorStaffId: z.uuid().nullable(),
  })
  .meta({ id: 'QuestionnaireResponse' });
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponseSchema>;
export const QuestionnaireResponseListSchema = z
  .object({ responses: z.array(QuestionnaireResponseSchema) })
  .meta({ id: 'QuestionnaireResponseList' });

export const CompleteResponseResultSchema = z
  .object({ response: QuestionnaireResponseSchema, risk: RiskNoticeSchema.nullable() })
  .meta({ id: 'CompleteResponseResult' });

/** A questionnaire the client is asked to fill in now. */
export const DueQuestionnaireSchema = z
  .object({
    instrumentId: z.enum(instrumentIds),
    appointmentId: z.uuid().nullable(),
    /** The appointment's start: answers are wanted before it. */
    dueBy: z.iso.datetime().nullable(),
    /** An unfinished response to carry on with, and the answers saved so far. */
    responseId: z.uuid().nullable(),
    answers: z.record(z.string(), z.number().int().nullable()),
  })
  .meta({ id: 'DueQuestionnaire' });
export type DueQuestionnaire = z.infer<typeof DueQuestionnaireSchema>;
export const DueQuestionnaireListSchema = z.object({ due: z.array(DueQuestionnaireSchema) }).meta({ id: 'DueQuestionnaireList' });

/** POST /api/help-requests — the client's "I need help now" button. */
export const HelpRequestSchema = z.strictObject({ id: IdSchema, recordedAt: Instant }).meta({ id: 'HelpRequest' });

export const riskAlertStatuses = ['open', 'acknowledged'] as const;
export const riskTriggers = ['phq9_item9', 'help_button'] as const;

export const RiskAlertSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    episodeId: z.uuid().nullable(),
    trigger: z.enum(riskTriggers),
    source: z.enum(answerSources),
    answerValue: z.number().int().nullable(),
    responseId: z.uuid().nullable(),
    rule: z.enum(riskRules),
    tier: z.enum(responseTiers),
    raisedAt: z.iso.datetime(),
    recipientStaffId: z.uuid(),
    recipientReason: z.enum([...dutyReasons, 'escalation']),
    personOnHandFrom: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    outOfHours: z.boolean(),
    escalationLevel: z.number().int(),
    status: z.enum(riskAlertStatuses),
    acknowledgedAt: z.iso.datetime().nullable(),
    acknowledgedByStaffId: z.uuid().nullable(),
    actionNote: z.string().nullable(),
    version: z.number().int(),
    history: z.array(z.object({ at: z.iso.datetime(), kind: z.string(), staffId: z.uuid().nullable(), note: z.string().nullable() })),
  })
  .meta({ id: 'RiskAlert' });
export type RiskAlert = z.infer<typeof RiskAlertSchema>;
export const RiskAlertListSchema = z.object({ alerts: z.array(RiskAlertSchema) }).meta({ id: 'RiskAlertList' });
export const RiskAlertListQuerySchema = z.strictObject({ status: z.enum([...riskAlertStatuses, 'all']).default('open') });
export const RiskAlertIdParamsSchema = z.strictObject({ alertId: IdSchema });

/** Longest note of the action taken on an alert. */
export const actionNoteMaxLength = 2000;
export const AcknowledgeAlertRequestSchema = z
  .strictObject({
    /** What was done: "Phoned the client, safety plan reviewed, GP informed." Required. */
    note: z.string().trim().min(1, 'must say what was done').max(actionNoteMaxLength),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AcknowledgeAlertRequest' });

export const FollowUpTaskSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    episodeId: z.uuid().nullable(),
    kind: z.enum(['missed_appointment_after_alert']),
    appointmentId: z.uuid().nullable(),
    alertId: z.uuid().nullable(),
    assignedStaffId: z.uuid(),
    dueAt: z.iso.datetime(),
    status: z.enum(['open', 'done']),
    doneAt: z.iso.datetime().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'FollowUpTask' });
export type FollowUpTask = z.infer<typeof FollowUpTaskSchema>;
export const FollowUpTaskListSchema = z.object({ tasks: z.array(FollowUpTaskSchema) }).meta({ id: 'FollowUpTaskList' });
export const FollowUpTaskIdParamsSchema = z.strictObject({ taskId: IdSchema });
export const CompleteFollowUpRequestSchema = z
  .strictObject({ note: z.string().trim().min(1, 'must say what was done').max(actionNoteMaxLength) })
  .meta({ id: 'CompleteFollowUpRequest' });

/** GET/PUT /api/organisation/risk-policy: the policy and its version (0 while the default applies). */
export const RiskPolicyStateSchema = z
  .object({ policy: RiskPolicySchema, version: z.number().int(), isDefault: z.boolean() })
  .meta({ id: 'RiskPolicyState' });
export const SetRiskPolicyRequestSchema = z
  .strictObject({ policy: RiskPolicySchema, version: z.number().int().min(0) })
  .meta({ id: 'SetRiskPolicyRequest' });
