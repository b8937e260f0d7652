/** Where the brief's links land on the client record (the headings of its sections). */
export const briefAnchors = {
  risk: 'client-risk-heading',
  exercises: 'client-exercises-heading',
  programme: 'client-programme-heading',
} as const;

/** "down 3", "up 2", "no change": lower is better on the PHQ-9 and GAD-7. */
export function changeKey(change: number) {
  if (change < 0) return 'practitioner.brief.measures.down' as const;
  if (change > 0) return 'practitioner.brief.measures.up' as const;
  return 'practitioner.brief.measures.same' as const;
}
