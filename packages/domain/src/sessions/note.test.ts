import { describe, expect, it } from 'vitest';
import { noteSetHomework, SaveSessionNoteRequestSchema, sessionNoteLimits } from './note';

const savedAt = '2026-03-02T10:00:00Z';

describe('SaveSessionNoteRequestSchema', () => {
  it('fills what an early autosave leaves out', () => {
    expect(SaveSessionNoteRequestSchema.parse({ savedAt })).toEqual({
      planStepId: null,
      componentDelivered: null,
      agenda: '',
      reviewed: '',
      homeworkReviewed: null,
      homeworkSet: '',
      riskReviewed: null,
      nextSteps: '',
      savedAt,
    });
  });

  it.each([
    ['agenda', sessionNoteLimits.agenda],
    ['reviewed', sessionNoteLimits.reviewed],
    ['homeworkSet', sessionNoteLimits.homeworkSet],
    ['nextSteps', sessionNoteLimits.nextSteps],
  ] as const)('keeps %s to %i characters', (field, max) => {
    expect(SaveSessionNoteRequestSchema.safeParse({ savedAt, [field]: 'a'.repeat(max) }).success).toBe(true);
    expect(SaveSessionNoteRequestSchema.safeParse({ savedAt, [field]: 'a'.repeat(max + 1) }).success).toBe(false);
  });

  it('refuses a component outside the plan vocabulary and unknown fields', () => {
    expect(SaveSessionNoteRequestSchema.safeParse({ savedAt, componentDelivered: 'hypnosis' }).success).toBe(false);
    expect(SaveSessionNoteRequestSchema.safeParse({ savedAt, shareWithClient: true }).success).toBe(false);
  });
});

describe('noteSetHomework', () => {
  it.each([
    [null, false],
    [{ homeworkSet: '' }, false],
    [{ homeworkSet: '  \n ' }, false],
    [{ homeworkSet: 'Activity diary, three days' }, true],
  ])('%j → %s', (note, expected) => expect(noteSetHomework(note)).toBe(expected));
});
