import { instruments, type CheckIn, type InstrumentId, type Me, type QuestionnaireResponse } from '@tandem/domain';
import { formatDate, formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { questionnaireNames } from '../questionnaires/DueQuestionnaires';
import { moodByDay, scoresByInstrument, type ScorePoint } from './progress-data';
import { ProgressChart, ProgressTable } from './ProgressChart';

/**
 * Mood is rated 1 to 10 (moodScale in packages/domain checkins/mood.ts; that module builds zod
 * schemas at load, which the client app does not ship).
 */
const moodRange = { min: 1, max: 10 } as const;

/** What each score's range means, in plain words (lower is better on all three). */
const scoreMeanings: Record<InstrumentId, ClientKey> = {
  phq9: 'client.progress.meaning.phq9',
  gad7: 'client.progress.meaning.gad7',
  wsas: 'client.progress.meaning.wsas',
};

/**
 * "How you've been": the client's own check-ins (a year, one point a day) and questionnaire
 * scores over time, each as a chart with a table of every number. Plain words say what the
 * numbers mean; never a band, a diagnosis or an alarming word. Read-only, so it stays open after
 * care has ended.
 */
export function ProgressPage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const ended = me.care?.status === 'ended';
  return (
    <ClientFrame title={t('client.title.progress')} page="progress">
      <BackHomeLink />
      <h1>{t('client.progress.heading')}</h1>
      {ended ? <p className="notice">{t('client.progress.ended')}</p> : null}
      <p>{t('client.progress.intro')}</p>
      <MoodSection timeZone={me.actor.timeZone} />
      <ScoresSection timeZone={me.actor.timeZone} />
      <p className="notice">
        {t('client.progress.worried')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
    </ClientFrame>
  );
}

function MoodSection({ timeZone }: { timeZone: string }) {
  const t = useT<ClientKey>();
  const { resource, reload } = useApiGet<{ checkIns: CheckIn[] }>('/api/check-ins?days=366');
  const days = resource.status === 'ok' ? moodByDay(resource.data.checkIns, timeZone) : [];
  return (
    <section aria-labelledby="progress-mood">
      <h2 id="progress-mood">{t('client.progress.moodHeading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !days.length ? <p>{t('client.progress.noCheckIns')}</p> : null}
      {days.length ? (
        <>
          <p>{t('client.progress.moodMeaning')}</p>
          <ProgressChart
            points={days}
            min={moodRange.min}
            max={moodRange.max}
            label={t('client.progress.moodChart', { count: days.length, from: formatDate(days[0]!.date, t), to: formatDate(days[days.length - 1]!.date, t) })}
          />
          <ProgressTable
            caption={t('client.progress.moodTable')}
            columns={[t('client.progress.day'), t('client.progress.mood'), t('client.progress.checkIns')]}
            rows={[...days].reverse().map((day) => ({
              key: day.key,
              when: formatDate(day.date, t),
              cells: [t('client.home.moodOutOf', { mood: day.value }), <span translate="no">{day.count}</span>],
            }))}
          />
          <p className="hint">{t('client.progress.moodAverage')}</p>
        </>
      ) : null}
    </section>
  );
}

function ScoresSection({ timeZone }: { timeZone: string }) {
  const t = useT<ClientKey>();
  const { resource, reload } = useApiGet<{ responses: QuestionnaireResponse[] }>('/api/questionnaire-responses');
  const scores = resource.status === 'ok' ? scoresByInstrument(resource.data.responses) : new Map<InstrumentId, ScorePoint[]>();
  return (
    <section aria-labelledby="progress-scores">
      <h2 id="progress-scores">{t('client.progress.scoresHeading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !scores.size ? <p>{t('client.progress.noScores')}</p> : null}
      {scores.size ? <p>{t('client.progress.scoresIntro')}</p> : null}
      {[...scores.entries()].map(([instrumentId, points]) => (
        <InstrumentScores key={instrumentId} instrumentId={instrumentId} points={points} timeZone={timeZone} />
      ))}
    </section>
  );
}

function InstrumentScores({ instrumentId, points, timeZone }: { instrumentId: InstrumentId; points: ScorePoint[]; timeZone: string }) {
  const t = useT<ClientKey>();
  const { min, max } = instruments[instrumentId].range;
  const name = t(questionnaireNames[instrumentId]);
  return (
    <div className="progress-measure">
      <h3 className="progress-measure-heading">{name}</h3>
      <p>{t(scoreMeanings[instrumentId], { max })}</p>
      <ProgressChart points={points} min={min} max={max} label={t('client.progress.scoreChart', { name, count: points.length, max })} />
      <ProgressTable
        caption={t('client.progress.scoreTable', { name })}
        columns={[t('client.progress.when'), t('client.progress.score')]}
        rows={[...points].reverse().map((point) => ({
          key: point.key,
          when: formatDateTime(point.when, timeZone, t),
          cells: [t('client.progress.scoreOutOf', { total: point.value, max })],
        }))}
      />
    </div>
  );
}
