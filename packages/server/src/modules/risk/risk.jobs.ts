import { newId } from '@tandem/domain';
import type { JobHandler } from '../../jobs/jobs';
import type { Mailer } from '../../email/mailer';
import { escalateAlert } from './risk.service';
import { insertAlertEvent } from './risk.repo';

/**
 * Tells the person an alert is routed to, by email, that a risk alert needs them in Tandem. The
 * email holds no client data (email is not a secure channel): only the link. If it cannot be
 * sent, the alert escalates at once to the next person on the path rather than waiting for its
 * deadline (issue 6: "if sending it fails, it escalates"). A stale notice (acknowledged or
 * escalated since) is not sent.
 */
export function createRiskNotifyHandler(mailer: Mailer, publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { alertId, level } = payload as { alertId: string; level: number };
    const alert = await ctx.db.selectFrom('risk_alert').select(['id', 'status', 'escalation_level', 'recipient_staff_id', 'organisation_id', 'tier']).where('id', '=', alertId).executeTakeFirst();
    if (!alert || alert.status !== 'open' || alert.escalation_level !== level) return;
    const account = await ctx.db.selectFrom('account').select('email').where('staff_id', '=', alert.recipient_staff_id).where('status', '=', 'active').executeTakeFirst();
    const now = ctx.clock.now();
    const email = {
      to: account?.email ?? '',
      subject: alert.tier === 'immediate' ? 'Tandem: a risk alert needs you now' : 'Tandem: a risk alert needs you',
      text: `A risk alert in Tandem has been routed to you. Please open it and acknowledge it with the action you took:\n\n${publicOrigin}/staff/alerts\n\nThis email holds no client details.`,
    };
    try {
      if (!account) throw new Error('The recipient has no active account.');
      // In development without SMTP the message is kept for the dev outbox; a sent one keeps no body.
      const devOutbox = mailer.mode === 'dev_outbox';
      if (!devOutbox) await mailer.send(email);
      await ctx.db
        .insertInto('email_message')
        .values({
          id: newId(now),
          organisation_id: alert.organisation_id,
          to_address: email.to,
          subject: email.subject,
          body_text: devOutbox ? email.text : null,
          status: devOutbox ? 'dev_outbox' : 'sent',
          created_at: now,
          sent_at: devOutbox ? null : now,
        })
        .execute();
      await insertAlertEvent(ctx.db, { id: newId(now), alertId, at: now, kind: 'notified', staffId: alert.recipient_staff_id, note: null });
    } catch (error) {
      await insertAlertEvent(ctx.db, { id: newId(now), alertId, at: now, kind: 'notice_failed', staffId: alert.recipient_staff_id, note: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' });
      await escalateAlert(ctx.db, ctx.clock, alertId, level, 'notice_failed');
    }
  };
}

/** At an alert's deadline: escalates it if it is still open at the same level. */
export const riskEscalateHandler: JobHandler = async (payload, ctx) => {
  const { alertId, level } = payload as { alertId: string; level: number };
  await escalateAlert(ctx.db, ctx.clock, alertId, level, 'deadline');
};
