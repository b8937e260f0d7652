import type { FastifyBaseLogger } from 'fastify';
import { auditSealHandler, auditSealJob } from '../audit/seal';
import { createSendEmailHandler, sendEmailJob } from '../email/email';
import type { Mailer } from '../email/mailer';
import { appointmentReminderJob, createAppointmentReminderHandler } from '../modules/calendar/reminders.jobs';
import { createMoodPromptHandler, moodPromptJob, moodPromptSweepHandler, moodPromptSweepJob } from '../modules/checkins/mood-prompt.jobs';
import { createHomeworkReminderHandler, homeworkReminderJob } from '../modules/homework/homework.jobs';
import { createMessageEmailHandler, messageEmailJob } from '../modules/messages/messages.jobs';
import { createStaffDigestHandler, staffDigestJob } from '../modules/notifications/notifications.service';
import { createPushSendHandler, pushSendJob } from '../modules/push/push.service';
import type { PushSettings } from '../modules/push/push.sender';
import { createRiskNotifyHandler, riskEscalateHandler } from '../modules/risk/risk.jobs';
import { riskEscalateJob, riskNotifyJob } from '../modules/risk/risk.service';
import type { JobHandler } from './jobs';

/**
 * Job kinds and their handlers. Features add theirs here (reminders, risk escalations, digests);
 * a job of an unknown kind fails and is retried, so a deploy that removes a kind is noticed.
 */
export function createJobHandlers(deps: { mailer: Mailer; log: FastifyBaseLogger; publicOrigin: string; push: PushSettings }): Record<string, JobHandler> {
  return {
    [sendEmailJob]: createSendEmailHandler(deps.mailer, () =>
      // Development only: say where the mail is, never what it says (it may hold a sign-up link).
      deps.log.info(`An email is waiting in the development outbox: ${deps.publicOrigin}/dev/outbox`),
    ),
    [riskNotifyJob]: createRiskNotifyHandler(deps.mailer, deps.publicOrigin),
    [riskEscalateJob]: riskEscalateHandler,
    [appointmentReminderJob]: createAppointmentReminderHandler(deps.publicOrigin),
    [homeworkReminderJob]: createHomeworkReminderHandler(deps.publicOrigin),
    [messageEmailJob]: createMessageEmailHandler(deps.publicOrigin),
    [moodPromptJob]: createMoodPromptHandler(deps.publicOrigin),
    [moodPromptSweepJob]: moodPromptSweepHandler,
    [staffDigestJob]: createStaffDigestHandler(deps.publicOrigin),
    [pushSendJob]: createPushSendHandler(deps.push),
    [auditSealJob]: auditSealHandler,
  };
}
