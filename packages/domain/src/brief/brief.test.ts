import { describe, expect, it } from 'vitest';
import { BriefSchema } from './api';
import { briefCaps, briefWordLimit, buildBrief, countWords, homeworkItemStatus, moodDirection, suggestFocus, truncateWords, type BriefInput } from './brief';
import { briefLines, briefWordCount } from './text';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (iso: string) => new Date(iso);
const long = (n: number, word = 'worry') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

/** A client with nothing since the last session. */
const empty: BriefInput = {
  clientId: id(1),
  now: at('2026-03-16T09:00:00Z'),
  timeZone: 'Europe/London',
  episode: { id: id(2), openedAt: at('2026-01-05T10:00:00Z') },
  nextAppointment: null,
  lastSessionAt: at('2026-03-09T10:00:00Z'),
  homework: null,
  checkIns: [],
  scores: [],
  riskAlerts: [],
  item9Answers: [],
  agenda: [],
  plan: null,
};

/** Every section full, long free text, many of everything: the worst case for length. */
const worst: BriefInput = {
  ...empty,
  nextAppointment: { id: id(3), startsAt: at('2026-03-16T14:00:00Z'), durationMinutes: 35, purpose: 'treatment' },
  homework: {
    id: id(4),
    dueOn: '2026-03-15',
    items: Array.from({ length: 10 }, (_, i) => ({
      kind: 'exercise' as const,
      moduleId: 'getting-active',
      stepId: null,
      exerciseId: 'activity-diary' as const,
      title: long(20, 'Title'),
      status: (['done', 'partly', 'not_done'] as const)[i % 3]!,
      entryId: id(100 + i),
    })),
  },
  checkIns: Array.from({ length: 60 }, (_, i) => ({ mood: (i % 10) + 1, recordedAt: new Date(Date.parse('2026-03-09T12:00:00Z') + i * 3 * 3_600_000) })),
  scores: [
    { instrument: 'phq9', total: 10, at: at('2026-01-10T10:00:00Z') },
    { instrument: 'phq9', total: 20, at: at('2026-03-02T10:00:00Z') },
    { instrument: 'phq9', total: 27, at: at('2026-03-12T10:00:00Z') },
    { instrument: 'gad7', total: 20, at: at('2026-01-10T10:00:00Z') },
    { instrument: 'gad7', total: 2, at: at('2026-03-12T10:00:00Z') },
  ],
  riskAlerts: Array.from({ length: 8 }, (_, i) => ({
    id: id(200 + i),
    trigger: i % 2 ? ('help_button' as const) : ('phq9_item9' as const),
    tier: 'immediate' as const,
    status: i < 5 ? ('open' as const) : ('acknowledged' as const),
    raisedAt: new Date(Date.parse('2026-03-10T10:00:00Z') + i * 3_600_000),
    answerValue: i % 2 ? null : 3,
    responseId: i % 2 ? null : id(300 + i),
  })),
  item9Answers: Array.from({ length: 6 }, (_, i) => ({ responseId: id(400 + i), value: 2, at: new Date(Date.parse('2026-03-11T10:00:00Z') + i * 3_600_000) })),
  agenda: Array.from({ length: 12 }, (_, i) => ({ id: id(500 + i), text: long(90), recordedAt: new Date(Date.parse('2026-03-10T10:00:00Z') + i * 60_000) })),
  plan: {
    steps: [
      { id: id(600), mode: 'face_to_face', component: 'psychoeducation', purpose: 'Understand depression', plannedWeek: 1, status: 'delivered' },
      { id: id(601), mode: 'face_to_face', component: 'behavioural_activation', purpose: long(40, 'purpose'), plannedWeek: 2, status: 'current' },
      { id: id(602), mode: 'online', component: 'cognitive_restructuring', purpose: long(40, 'purpose'), plannedWeek: 3, status: 'next' },
    ],
    drift: ['required_component_overdue', 'homework_not_reviewed', 'gap_longer_than_planned', 'component_not_recorded', 'gap_longer_than_planned'],
  },
};

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['two  words', 2],
    ['line\nbreaks\tand tabs', 4],
    ['dash – alone is no word …', 5],
    ['PHQ-9: 14, (10 to 14)', 5],
    ['Ünïcode wörds ٣', 3],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('truncateWords', () => {
  it.each([
    ['short', 3, 'short', false],
    ['exactly three words', 3, 'exactly three words', false],
    ['four words is one too many', 3, 'four words is', true],
    ['  spaces   collapse  ', 5, 'spaces collapse', false],
  ])('%j to %i words', (text, max, want, cut) => {
    expect(truncateWords(text, max)).toEqual({ text: want, cut });
  });
});

describe('homeworkItemStatus', () => {
  it.each([
    [true, true, 'done'],
    [true, false, 'done'],
    [false, true, 'partly'],
    [false, false, 'not_done'],
  ] as const)('done %s, started %s: %s', (done, started, want) => {
    expect(homeworkItemStatus(done, started)).toBe(want);
  });
});

describe('moodDirection (later half against earlier half; 1 point; at least 4 ratings)', () => {
  it.each([
    [[], 'too_few'],
    [[1, 9, 9], 'too_few'],
    [[4, 4, 5, 5], 'higher'], // +1.0: the boundary counts
    [[4, 4, 4.9, 5], 'steady'], // +0.95
    [[5, 5, 4, 4], 'lower'], // −1.0
    [[5, 5, 4.1, 4], 'steady'],
    [[2, 9, 9, 9, 3], 'steady'], // odd count: the middle rating is in neither half (2,9 vs 9,3)
    [[6, 6, 6, 6, 6, 6], 'steady'],
  ])('%j → %s', (moods, want) => {
    expect(moodDirection(moods)).toBe(want);
  });
});

describe('buildBrief', () => {
  it('says plainly what is missing when there is nothing', () => {
    const brief = buildBrief(empty);
    expect(BriefSchema.parse(brief)).toEqual(brief);
    expect(brief).toMatchObject({
      nextAppointment: null,
      period: { since: 'last_session', fromDay: '2026-03-09', toDay: '2026-03-16', days: 7 },
      homework: null,
      mood: { count: 0, low: null, high: null, mean: null, direction: 'too_few' },
      measures: [
        { instrument: 'phq9', latest: null },
        { instrument: 'gad7', latest: null },
      ],
      flagged: { items: [], more: 0, openAlerts: 0 },
      agenda: { items: [], more: 0 },
      plan: null,
      focus: [],
    });
    expect(brief.mood.days).toHaveLength(8);
    expect(briefLines(brief)).toContain('No next appointment is booked');
  });

  it.each([
    ['a last session', at('2026-03-09T10:00:00Z'), 'last_session', '2026-03-09', 7],
    ['no session yet: from the referral', null, 'referral_opened', '2026-01-05', 70],
    ['a session late the evening before (a London day)', at('2026-03-15T23:30:00Z'), 'last_session', '2026-03-15', 1],
    ['a session today', at('2026-03-16T08:00:00Z'), 'last_session', '2026-03-16', 0],
  ] as const)('period: %s', (_name, lastSessionAt, since, fromDay, days) => {
    expect(buildBrief({ ...empty, lastSessionAt }).period).toMatchObject({ since, fromDay, days });
  });

  it('scores: latest with its range, change since the one before and since the first, reliable change at the boundaries', () => {
    const scores = (instrument: 'phq9' | 'gad7', totals: number[]) => totals.map((total, i) => ({ instrument, total, at: new Date(Date.parse('2026-02-01T10:00:00Z') + i * 7 * 86_400_000) }));
    const cases: [string, BriefInput['scores'], unknown][] = [
      ['PHQ-9 up 5: no reliable change', scores('phq9', [9, 14]), { latest: { total: 14, band: 'moderate', bandMin: 10, bandMax: 14 }, sincePrevious: { change: 5 }, sinceFirst: { first: 9, change: 5, reliable: 'none' } }],
      ['PHQ-9 up 6: reliable deterioration', scores('phq9', [9, 15]), { latest: { total: 15, band: 'moderately_severe' }, sinceFirst: { change: 6, reliable: 'deteriorated' } }],
      ['PHQ-9 down 6 over three: reliable improvement', scores('phq9', [20, 18, 14]), { sincePrevious: { change: -4 }, sinceFirst: { first: 20, change: -6, reliable: 'improved' } }],
      ['a single score: no change to show', scores('phq9', [4]), { latest: { total: 4, band: 'minimal' }, sincePrevious: null, sinceFirst: null }],
    ];
    for (const [name, input, want] of cases) expect(buildBrief({ ...empty, scores: input }).measures[0], name).toMatchObject(want as object);
    const gad = (totals: number[]) => buildBrief({ ...empty, scores: scores('gad7', totals) }).measures[1]!.sinceFirst!.reliable;
    expect([gad([10, 13]), gad([10, 14]), gad([10, 7]), gad([10, 6])]).toEqual(['none', 'deteriorated', 'none', 'improved']);
  });

  it('says whether the latest score is from this period (a stale score is not read as new)', () => {
    const before = buildBrief({ ...empty, scores: [{ instrument: 'phq9', total: 12, at: at('2026-03-09T09:59:00Z') }] });
    const within = buildBrief({ ...empty, scores: [{ instrument: 'phq9', total: 12, at: at('2026-03-09T10:00:00Z') }] });
    expect([before.measures[0]!.latest!.inPeriod, within.measures[0]!.latest!.inPeriod]).toEqual([false, true]);
  });

  it('homework: counts of done, partly and not done; not done listed first; titles cut', () => {
    const item = (status: 'done' | 'partly' | 'not_done', title: string) => ({ kind: 'step' as const, moduleId: 'm', stepId: 's', exerciseId: null, title, status, entryId: null });
    const brief = buildBrief({ ...empty, homework: { id: id(9), dueOn: '2026-03-15', items: [item('done', 'A'), item('partly', 'B'), item('not_done', long(9, 'word'))] } });
    expect(brief.homework).toMatchObject({ counts: { done: 1, partly: 1, notDone: 1 }, more: 0 });
    expect(brief.homework!.items.map((i) => [i.status, i.titleCut])).toEqual([
      ['not_done', true],
      ['partly', false],
      ['done', false],
    ]);
    expect(countWords(brief.homework!.items[0]!.title)).toBe(briefCaps.titleWords);
  });

  it('flagged: an answer with its own alert is listed once; open alerts first; the rest counted', () => {
    const alert = (n: number, status: 'open' | 'acknowledged', hour: number, responseId: string | null) => ({
      id: id(n),
      trigger: 'phq9_item9' as const,
      tier: 'before_next_contact' as const,
      status,
      raisedAt: at(`2026-03-10T${String(hour).padStart(2, '0')}:00:00Z`),
      answerValue: 1,
      responseId,
    });
    const brief = buildBrief({
      ...empty,
      riskAlerts: [alert(10, 'acknowledged', 12, id(20)), alert(11, 'open', 9, id(21))],
      item9Answers: [
        { responseId: id(20), value: 1, at: at('2026-03-10T12:00:00Z') },
        { responseId: id(22), value: 2, at: at('2026-03-11T12:00:00Z') },
        { responseId: id(23), value: 0, at: at('2026-03-11T13:00:00Z') },
      ],
    });
    expect(brief.flagged.items.map((f) => (f.kind === 'risk_alert' ? f.id : f.responseId))).toEqual([id(11), id(22), id(10)]);
    expect(brief.flagged).toMatchObject({ more: 0, openAlerts: 1 });
  });

  it('agenda: oldest first, capped, long text cut, the rest counted', () => {
    const brief = buildBrief(worst);
    expect(brief.agenda.items.map((a) => a.id)).toEqual([id(500), id(501), id(502)]);
    expect(brief.agenda.items.every((a) => a.textCut && countWords(a.text) === briefCaps.agendaWords)).toBe(true);
    expect(brief.agenda.more).toBe(9);
  });

  it('plan: position, current and next step, drift without repeats', () => {
    expect(buildBrief(worst).plan).toMatchObject({
      delivered: 1,
      total: 3,
      current: { component: 'behavioural_activation', purposeCut: true },
      next: { component: 'cognitive_restructuring' },
      drift: ['required_component_overdue', 'homework_not_reviewed', 'gap_longer_than_planned', 'component_not_recorded'],
    });
  });
});

describe('suggestFocus', () => {
  const base = buildBrief(empty);
  const flaggedItem = { kind: 'item9_answer' as const, responseId: id(1), value: 1, at: '2026-03-10T10:00:00.000Z' };
  const measure = (reliable: 'improved' | 'deteriorated' | 'none') => [{ ...base.measures[0]!, sinceFirst: { first: 10, change: 6, reliable } }, base.measures[1]!];
  const homework = (notDone: number) => ({ id: id(2), dueOn: '2026-03-15', counts: { done: 1, partly: 0, notDone }, items: [], more: 0 });
  const agenda = { items: [{ id: id(3), text: 'x', textCut: false }], more: 0 };
  const plan = { delivered: 0, total: 1, current: { mode: 'face_to_face' as const, component: 'goals' as const, purpose: 'x', purposeCut: false, plannedWeek: null }, next: null, drift: ['homework_not_reviewed' as const] };
  it.each([
    ['nothing', {}, []],
    ['risk alone', { flagged: { items: [flaggedItem], more: 0, openAlerts: 0 } }, ['risk_first']],
    ['reliable improvement is not a focus', { measures: measure('improved') }, []],
    ['reliable deterioration', { measures: measure('deteriorated') }, ['reliable_deterioration']],
    ['all homework done', { homework: homework(0) }, []],
    ['homework not done', { homework: homework(1) }, ['homework_review']],
    ['agenda and plan', { agenda, plan }, ['client_agenda', 'plan_step', 'drift']],
    ['everything: risk is kept, the rest capped at 3', { flagged: { items: [flaggedItem], more: 0, openAlerts: 0 }, measures: measure('deteriorated'), homework: homework(2), agenda, plan }, ['risk_first', 'reliable_deterioration', 'homework_review']],
  ])('%s', (_name, change, want) => {
    expect(suggestFocus({ ...base, ...change }).map((f) => f.code)).toEqual(want);
  });
});

describe('the under-a-minute limit', () => {
  it(`keeps the worst case (every section full, long text, many entries) within ${briefWordLimit} words`, () => {
    const brief = buildBrief(worst);
    expect(BriefSchema.parse(brief)).toEqual(brief);
    const count = briefWordCount(brief);
    expect(count).toBeLessThanOrEqual(briefWordLimit);
    // Not trivially short: the worst case uses most of the budget, so the caps are doing the work.
    expect(count).toBeGreaterThan(briefWordLimit * 0.6);
  });

  it('never drops a risk item silently: those beyond the cap are counted, and risk leads the focus', () => {
    const brief = buildBrief(worst);
    const flagged = worst.riskAlerts.length + worst.item9Answers.length; // none of these answers has its own alert
    expect(brief.flagged.items).toHaveLength(briefCaps.flaggedItems);
    expect(brief.flagged.items.length + brief.flagged.more).toBe(flagged);
    expect(brief.flagged.items.every((f) => f.kind === 'risk_alert' && f.status === 'open')).toBe(true);
    expect(brief.flagged.openAlerts).toBe(5);
    expect(briefLines(brief)).toContain(`and ${brief.flagged.more} more: see the risk alerts`);
    expect(brief.focus[0]!.code).toBe('risk_first');
  });

  it('would go over the limit without the caps (the test can fail)', () => {
    const brief = buildBrief(worst);
    const uncapped = { ...brief, agenda: { items: worst.agenda.map((a) => ({ id: a.id, text: a.text, textCut: false })), more: 0 } };
    expect(briefWordCount(uncapped)).toBeGreaterThan(briefWordLimit);
  });
});
