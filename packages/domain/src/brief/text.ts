import type { Brief } from './api';
import { briefWordLimit, countWords } from './brief';

/**
 * The brief as plain English lines: what `countWords` is measured on in tests, the same sentences
 * as the practitioner's screen (`practitioner-brief.json`). Dates are short ("Tue 3 Dec").
 */

const day = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
const time = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
const words = (code: string) => code.replace(/_/g, ' ');
const measureNames = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;
const signed = (n: number) => (n < 0 ? `down ${-n}` : n > 0 ? `up ${n}` : 'no change');
const more = (n: number) => (n > 0 ? [`and ${n} more`] : []);

export function briefLines(brief: Brief): string[] {
  const tz = brief.timeZone;
  const dayOnly = (d: string) => day(d, 'UTC');
  const lines: string[] = ['Pre-session brief', `As of ${day(brief.generatedAt, tz)} ${time(brief.generatedAt, tz)}`];
  const next = brief.nextAppointment;
  lines.push(next ? `Next appointment: ${day(next.startsAt, tz)} ${time(next.startsAt, tz)}, ${words(next.purpose)}` : 'No next appointment is booked');
  const p = brief.period;
  lines.push(`${p.since === 'last_session' ? 'Since the last session' : 'Since the referral opened'}: ${dayOnly(p.fromDay)} to ${dayOnly(p.toDay)}, ${p.days} days`);

  lines.push('Flagged');
  if (!brief.flagged.items.length) lines.push('Nothing flagged');
  for (const f of brief.flagged.items) {
    lines.push(
      f.kind === 'risk_alert'
        ? `${f.trigger === 'help_button' ? 'Help button' : `Question 9 answered ${f.answerValue}`}, ${day(f.at, tz)}: alert ${f.status}`
        : `Question 9 answered ${f.value}, ${day(f.at, tz)}`,
    );
  }
  if (brief.flagged.more) lines.push(`and ${brief.flagged.more} more: see the risk alerts`);

  lines.push('Homework');
  const hw = brief.homework;
  if (!hw) lines.push('No homework was set');
  else {
    lines.push(`Due ${dayOnly(hw.dueOn)}: ${hw.counts.done} done, ${hw.counts.partly} partly, ${hw.counts.notDone} not done`);
    for (const i of hw.items) lines.push(`${i.title}${i.titleCut ? '…' : ''}: ${words(i.status)}`);
    lines.push(...more(hw.more));
  }

  lines.push('Mood');
  const m = brief.mood;
  lines.push(m.count ? `${m.count} check-ins, from ${m.low} to ${m.high}, average ${m.mean}, ${m.direction === 'too_few' ? 'too few for a trend' : words(m.direction)}` : 'No check-ins');

  lines.push('Questionnaires');
  for (const s of brief.measures) {
    if (!s.latest) {
      lines.push(`${measureNames[s.instrument]}: none yet`);
      continue;
    }
    const parts = [`${measureNames[s.instrument]}: ${s.latest.total}, ${words(s.latest.band)} range (${s.latest.bandMin} to ${s.latest.bandMax}), ${day(s.latest.at, tz)}`];
    if (s.sincePrevious) parts.push(`${signed(s.sincePrevious.change)} since the one before`);
    if (s.sinceFirst) parts.push(`${signed(s.sinceFirst.change)} since the first${s.sinceFirst.reliable === 'none' ? '' : `, reliable ${s.sinceFirst.reliable === 'improved' ? 'improvement' : 'deterioration'}`}`);
    lines.push(parts.join('; '));
  }
  lines.push('Ranges: Kroenke 2001, Spitzer 2006. A range describes a score, not a diagnosis.');

  lines.push('Things to talk about');
  if (!brief.agenda.items.length) lines.push('None added');
  for (const a of brief.agenda.items) lines.push(`${a.text}${a.textCut ? '…' : ''}`);
  lines.push(...more(brief.agenda.more));

  lines.push('Plan');
  const plan = brief.plan;
  if (!plan) lines.push('No treatment plan');
  else {
    lines.push(`${plan.delivered} of ${plan.total} steps delivered`);
    if (plan.current) lines.push(`Now: ${words(plan.current.component)}, ${plan.current.purpose}${plan.current.purposeCut ? '…' : ''}`);
    if (plan.next) lines.push(`Next: ${words(plan.next.component)}`);
    if (plan.drift.length) lines.push(`Drift: ${plan.drift.map(words).join(', ')}`);
  }
  lines.push('Suggested focus');
  for (const f of brief.focus) lines.push(words(f.code) + (f.component ? `: ${words(f.component)}` : '') + (f.drift ? `: ${words(f.drift)}` : ''));
  return lines;
}

/** The words of the brief's text, for the under-a-minute check. */
export function briefWordCount(brief: Brief): number {
  return countWords(briefLines(brief).join('\n'));
}

/** Whether the brief is within `briefWordLimit` words. */
export const briefWithinLimit = (brief: Brief) => briefWordCount(brief) <= briefWordLimit;
