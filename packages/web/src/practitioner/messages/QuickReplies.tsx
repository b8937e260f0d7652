import { AddQuickReplyRequestSchema, messageMaxLength, newId, type QuickReply } from '@tandem/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { apiDelete, apiPost } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { useActionForm } from '../episode-form';
import { TextAreaField } from '../EpisodeFields';
import { quickRepliesUrl } from './unread-messages';

/** The practitioner's own saved replies: add one, see them, delete one. Nobody else sees them. */
export function QuickReplies() {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds = { text: `${id}-text` };
  const { resource, reload } = useApiGet<{ items: QuickReply[] }>(quickRepliesUrl);
  const [replyId, setReplyId] = useState(() => newId(new Date()));
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useActionForm(fieldIds);

  async function add(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const body = { id: replyId, text };
    const local = AddQuickReplyRequestSchema.safeParse(body).success
      ? {}
      : { text: text.trim() ? t('practitioner.messages.tooLong', { max: messageMaxLength }) : t('practitioner.messages.quickReplyEmpty') };
    const saved = await form.run(local, () => apiPost<QuickReply>(quickRepliesUrl, body));
    if (!saved) return;
    setText('');
    setReplyId(newId(new Date()));
    setNotice(t('practitioner.messages.quickReplySaved'));
    reload();
  }

  async function remove(reply: QuickReply) {
    const result = await apiDelete<null>(`${quickRepliesUrl}/${encodeURIComponent(reply.id)}`);
    setNotice(result.ok ? t('practitioner.messages.quickReplyDeleted') : errorText(result.error, t));
    reload();
    heading.current?.focus();
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('practitioner.messages.quickRepliesHeading')}
      </h2>
      <p>{t('practitioner.messages.quickRepliesIntro')}</p>
      {notice ? (
        <p role="status" className="notice notice-success">
          {notice}
        </p>
      ) : null}
      {resource.status === 'ok' ? (
        resource.data.items.length ? (
          <ul className="quick-reply-list">
            {resource.data.items.map((reply) => (
              <li key={reply.id} className="quick-reply">
                <span id={`${id}-${reply.id}`} className="quick-reply-text" translate="no" dir="auto">
                  {reply.text}
                </span>
                <button type="button" className="button-link" aria-describedby={`${id}-${reply.id}`} onClick={() => void remove(reply)}>
                  {t('practitioner.messages.quickReplyDelete')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.messages.quickRepliesNone')}</p>
        )
      ) : (
        <LoadState resource={resource} onRetry={reload} />
      )}
      <form className="episode-form" noValidate onSubmit={add} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <TextAreaField
          id={fieldIds.text}
          label={t('practitioner.messages.quickReplyNew')}
          hint={t('practitioner.messages.replyHint', { max: messageMaxLength })}
          value={text}
          onChange={setText}
          error={form.errors.text}
        />
        <button type="submit" className="button button-secondary">
          {t('practitioner.messages.quickReplyAdd')}
        </button>
      </form>
    </section>
  );
}
