import { planComponents, type PlanComponent, type PlanStep, type SaveSessionNoteResult, type SessionNoteState } from '@tandem/domain';
import { useEffect, useRef, useState } from 'react';
import { apiPut } from '../../shared/api';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { RadioField, SelectField, TextAreaField } from '../EpisodeFields';
import { componentLabel } from '../plan/plan-words';

/** The note's fields as the form holds them. */
export interface NoteDraft {
  planStepId: string;
  componentDelivered: PlanComponent | '';
  agenda: string;
  reviewed: string;
  homeworkReviewed: boolean | null;
  homeworkSet: string;
  riskReviewed: boolean | null;
  nextSteps: string;
}

const emptyNote: NoteDraft = { planStepId: '', componentDelivered: '', agenda: '', reviewed: '', homeworkReviewed: null, homeworkSet: '', riskReviewed: null, nextSteps: '' };

/** Saved a second after the last change (decision 0024: the whole note, with the device's time). */
export const autosaveDelayMs = 1000;

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const yesNo = (value: boolean | null): 'yes' | 'no' | '' => (value === null ? '' : value ? 'yes' : 'no');

/**
 * The practitioner's structured session note (decision 0024), beside the shared view and never
 * inside it: internal to the care team. It saves itself a second after typing stops and says so;
 * a failed save is tried again with the next change and never stops the session.
 */
export function SessionNotePanel({ appointmentId, faceToFaceSteps, id }: { appointmentId: string; faceToFaceSteps: readonly PlanStep[]; id: string }) {
  const t = useT<PractitionerKey>();
  const path = `/api/appointments/${encodeURIComponent(appointmentId)}/session-note`;
  const { resource, reload } = useApiGet<SessionNoteState>(path);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const changed = useRef(0);
  const loaded = resource.status === 'ok' ? resource.data.note : undefined;
  const shown: NoteDraft = draft ?? (loaded ? { ...loaded, planStepId: loaded.planStepId ?? '', componentDelivered: loaded.componentDelivered ?? '' } : emptyNote);

  useEffect(() => {
    if (!draft) return;
    const version = changed.current;
    const timer = setTimeout(() => {
      setState('saving');
      const body = { ...draft, planStepId: draft.planStepId || null, componentDelivered: draft.componentDelivered || null, savedAt: new Date().toISOString() };
      void apiPut<SaveSessionNoteResult>(path, body).then((result) => {
        if (changed.current === version) setState(result.ok ? 'saved' : 'failed');
      });
    }, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [draft, path]);

  if (resource.status !== 'ok') return <LoadState resource={resource} onRetry={reload} />;
  const change = (part: Partial<NoteDraft>) => {
    changed.current += 1;
    setState('idle');
    setDraft({ ...shown, ...part });
  };
  const text = (field: 'agenda' | 'reviewed' | 'homeworkSet' | 'nextSteps') => (
    <TextAreaField id={`${id}-${field}`} label={t(`practitioner.note.${field}`)} value={shown[field]} onChange={(value) => change({ [field]: value })} />
  );
  const yesNoField = (field: 'homeworkReviewed' | 'riskReviewed') => (
    <RadioField
      id={`${id}-${field}`}
      label={t(`practitioner.note.${field}`)}
      options={[
        { value: 'yes', label: t('practitioner.note.yes') },
        { value: 'no', label: t('practitioner.note.no') },
      ]}
      value={yesNo(shown[field])}
      onChange={(value) => change({ [field]: value === 'yes' })}
      inline
    />
  );
  return (
    <form className="session-note-form" noValidate onSubmit={(event) => event.preventDefault()}>
      <p className="session-note-status" role="status">
        {state === 'idle' ? '' : t(`practitioner.note.state.${state}`)}
      </p>
      <SelectField
        id={`${id}-step`}
        label={t('practitioner.note.step')}
        hint={t('practitioner.note.stepHint')}
        options={faceToFaceSteps.map((step, index) => ({ value: step.id, label: t('practitioner.note.stepOption', { session: index + 1, component: componentLabel(t, step.component) }) }))}
        value={shown.planStepId}
        onChange={(planStepId) => change({ planStepId })}
        placeholder={t('practitioner.note.none')}
      />
      <SelectField
        id={`${id}-component`}
        label={t('practitioner.note.component')}
        options={planComponents.map((value) => ({ value, label: componentLabel(t, value) }))}
        value={shown.componentDelivered}
        onChange={(componentDelivered) => change({ componentDelivered })}
        placeholder={t('practitioner.note.none')}
      />
      {text('agenda')}
      {text('reviewed')}
      {yesNoField('homeworkReviewed')}
      {text('homeworkSet')}
      {yesNoField('riskReviewed')}
      {text('nextSteps')}
    </form>
  );
}
