import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * GET /dev/outbox — development only, when no SMTP server is configured: the emails Tandem would
 * have sent, newest first, so a developer can follow an invitation link. Never registered in
 * production. Plain HTML with no script or inline style (the CSP applies here too).
 */
export function registerDevOutbox(app: FastifyInstance, deps: AppDeps): void {
  if (deps.config.nodeEnv === 'production' || deps.mailer.mode !== 'dev_outbox') return;
  app.get('/dev/outbox', async (_request, reply) => {
    const messages = await deps.database.db
      .selectFrom('email_message')
      .select(['to_address', 'subject', 'body_text', 'created_at'])
      .where('status', 'in', ['dev_outbox', 'queued'])
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    const items = messages
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2><p>To: ${escapeHtml(m.to_address)} · ${escapeHtml(m.created_at.toISOString())}</p>` +
          `<pre>${escapeHtml(m.body_text ?? '')}</pre></article>`,
      )
      .join('\n');
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development outbox — Tandem</title></head><body><main>` +
          `<h1>Development outbox</h1><p>No SMTP server is set up, so emails are kept here instead of being sent.</p>` +
          (items || '<p>No emails yet.</p>') +
          `</main></body></html>`,
      );
  });
}
