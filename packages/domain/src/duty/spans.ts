/**
 * Half-open stretches of time [start, end): a stretch includes its start and excludes its end, so
 * a shift ending at 17:00 and one starting at 17:00 meet without overlapping. Internal to duty/.
 */
export interface Span {
  start: Date;
  end: Date;
}

/** The spans sorted by start, with overlapping or touching ones joined. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Span[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.start <= previous.end) {
      if (span.end > previous.end) previous.end = span.end;
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** The parts of `within` that none of `covered` covers, in order. */
export function uncovered(within: Span, covered: readonly Span[]): Span[] {
  const gaps: Span[] = [];
  let cursor = within.start;
  for (const span of mergeSpans(covered)) {
    if (span.end <= cursor) continue;
    if (span.start >= within.end) break;
    if (span.start > cursor) gaps.push({ start: cursor, end: span.start });
    if (span.end > cursor) cursor = span.end;
  }
  if (cursor < within.end) gaps.push({ start: cursor, end: within.end });
  return gaps;
}
