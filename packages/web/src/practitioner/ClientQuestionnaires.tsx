import { findItem, instruments, riskItem, type ClientRecord, type QuestionnaireResponse } from '@tandem/domain';
import { useId } from 'react';
import { formatDateTime } from '../shared/dates';
import type { Translate } from '../shared/i18n/i18n';
import { LoadState } from '../shared/LoadState';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import type { Resource } from '../shared/use-api-get';
import { RecordAnswers } from './RecordAnswers';
import { ScoreChart } from './ScoreChart';
import { maxScore, reliableThreshold, summariseScores, type Comparison, type InstrumentSummary, type Score } from './score-summary';

/** The client's questionnaire responses, loaded once by the client page. */
type Loaded = { resource: Resource<{ responses: QuestionnaireResponse[] }>; reload(): void };

/**
 * The client's questionnaire scores (PHQ-9, GAD-7, WSAS): for each measure the latest score and
 * its range, the change since the first score of the referral and since the last, with the
 * reliable-change flag where it applies; then a chart and a table of every score. A score is
 * described as a score in a range ("14, in the moderate range"), never as a diagnosis.
 */
export function ClientQuestionnaires({ client, scores, timeZone, onRecorded }: { client: ClientRecord; scores: Loaded; timeZone: string; onRecorded(): void }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = scores;
  const summaries = resource.status === 'ok' ? summariseScores(resource.data.responses) : [];
  return (
    <section aria-labelledby="client-measures-heading">
      <h2 id="client-measures-heading">{t('practitioner.measures.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !summaries.length ? <p>{t('practitioner.measures.none')}</p> : null}
      {summaries.length ? <p className="hint">{t('practitioner.measures.intro')}</p> : null}
      {summaries.map((summary) => (
        <MeasureSummary key={summary.instrumentId} summary={summary} timeZone={timeZone} />
      ))}
      {client.allowed.manageEpisodes ? <RecordAnswers clientId={client.id} onRecorded={onRecorded} /> : null}
    </section>
  );
}

function MeasureSummary({ summary, timeZone }: { summary: InstrumentSummary; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const { instrumentId, latest } = summary;
  const name = t(`practitioner.measures.name.${instrumentId}`);
  return (
    <section className="measure" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="measure-heading">
        {name}
      </h3>
      <dl className="summary-list">
        <div>
          <dt>{t('practitioner.measures.latest')}</dt>
          <dd>
            <span className="measure-score">{scoreWords(t, instrumentId, latest)}</span>{' '}
            <span className="nowrap" translate="no">
              {formatDateTime(latest.at, timeZone, t)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{summary.withinReferral ? t('practitioner.measures.sinceFirstReferral') : t('practitioner.measures.sinceFirst')}</dt>
          {summary.sinceFirst ? <ComparisonText comparison={summary.sinceFirst} summary={summary} timeZone={timeZone} /> : <dd>{t('practitioner.measures.onlyOne')}</dd>}
        </div>
        <div>
          <dt>{t('practitioner.measures.sinceLast')}</dt>
          {summary.sinceLast ? <ComparisonText comparison={summary.sinceLast} summary={summary} timeZone={timeZone} /> : <dd>{t('practitioner.measures.onlyOne')}</dd>}
        </div>
        {summary.caseness ? (
          <div>
            <dt>{t('practitioner.measures.caseness')}</dt>
            <dd>
              {summary.caseness.atOrAbove
                ? t('practitioner.measures.casenessAbove', { cutoff: summary.caseness.cutoff })
                : t('practitioner.measures.casenessBelow', { cutoff: summary.caseness.cutoff })}
            </dd>
          </div>
        ) : null}
      </dl>
      <ScoreChart instrumentId={instrumentId} scores={summary.scores} timeZone={timeZone} cutoff={summary.caseness?.cutoff ?? null} />
      <ScoreTable summary={summary} timeZone={timeZone} />
    </section>
  );
}

type T = Translate<PractitionerKey>;

/** "Score 14 out of 27, in the moderate range (10 to 14)". */
function scoreWords(t: T, instrumentId: InstrumentSummary['instrumentId'], score: Score): string {
  return t('practitioner.measures.score', {
    total: score.total,
    max: maxScore(instrumentId),
    band: t(`practitioner.band.${score.band}`),
    min: score.bandMin,
    bandMax: score.bandMax,
  });
}

/** "Down 6," before "from 20 on <date>" in the summary; "down 6" alone in the table. */
function changeWords(t: T, change: number, form: 'sentence' | 'cell' = 'sentence'): string {
  if (form === 'cell') {
    if (change < 0) return t('practitioner.measures.changeCellDown', { n: -change });
    if (change > 0) return t('practitioner.measures.changeCellUp', { n: change });
    return t('practitioner.measures.changeCellSame');
  }
  if (change < 0) return t('practitioner.measures.down', { n: -change });
  if (change > 0) return t('practitioner.measures.up', { n: change });
  return t('practitioner.measures.same');
}

function ComparisonText({ comparison, summary, timeZone }: { comparison: Comparison; summary: InstrumentSummary; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const threshold = reliableThreshold(summary.instrumentId);
  return (
    <dd>
      <span className="measure-change">{changeWords(t, comparison.change)}</span>{' '}
      <span>{t('practitioner.measures.fromScore', { total: comparison.from.total })}</span>{' '}
      <span className="nowrap" translate="no">
        {formatDateTime(comparison.from.at, timeZone, t)}
      </span>
      {comparison.reliable && comparison.reliable !== 'none' && threshold !== null ? (
        <>
          {' '}
          <strong className={comparison.reliable === 'improved' ? 'tag tag-improved' : 'tag tag-deteriorated'}>
            {t(`practitioner.measures.reliable.${comparison.reliable}`)}
          </strong>{' '}
          <span className="hint-inline">{t(`practitioner.measures.reliableWhy.${comparison.reliable}`, { threshold, name: t(`practitioner.measures.short.${summary.instrumentId}`) })}</span>
        </>
      ) : null}
    </dd>
  );
}

function ScoreTable({ summary, timeZone }: { summary: InstrumentSummary; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const isPhq9 = summary.instrumentId === riskItem.instrumentId;
  const item9 = findItem(riskItem.instrumentId, riskItem.linkId)!;
  const rows = [...summary.scores].reverse();
  return (
    <table className="table">
      <caption className="table-caption">{t('practitioner.measures.tableCaption', { name: t(`practitioner.measures.short.${summary.instrumentId}`) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('practitioner.measures.when')}</th>
          <th scope="col">{t('practitioner.measures.scoreColumn', { max: instruments[summary.instrumentId].range.max })}</th>
          <th scope="col">{t('practitioner.measures.range')}</th>
          <th scope="col">{t('practitioner.measures.change')}</th>
          {isPhq9 ? <th scope="col">{t('practitioner.measures.item9')}</th> : null}
          <th scope="col">{t('practitioner.measures.how')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((score) => {
          const answer = score.response.answers[riskItem.linkId];
          const option = item9.answerOptions.find((o) => o.value === answer);
          return (
            <tr key={score.response.id}>
              <td className="nowrap" translate="no">
                {formatDateTime(score.at, timeZone, t)}
              </td>
              <td translate="no">{score.total}</td>
              <td>{t('practitioner.measures.rangeCell', { band: t(`practitioner.band.${score.band}`), min: score.bandMin, max: score.bandMax })}</td>
              <td>{score.fromPrevious === null ? t('practitioner.measures.firstScore') : changeWords(t, score.fromPrevious, 'cell')}</td>
              {isPhq9 ? (
                <td>
                  {option ? t('practitioner.measures.item9Answer', { value: option.value, label: option.label }) : t('practitioner.measures.item9None')}
                </td>
              ) : null}
              <td>{t(`practitioner.measures.source.${score.response.source}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
