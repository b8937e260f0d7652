import { expect } from 'vitest';
import type { RouteCase } from './world';
import { w } from './world';

/** A year up to the walk's clock (Monday 2026-03-02), which holds the owner's referral and appointments. */
const range = 'from=2025-03-03&to=2026-03-02';

/**
 * The organisation-level exports (decision 0043). No record id is taken: the owner's records are
 * reached through the organisation, so other organisations' staff are answered about their own
 * organisation (`ownOnly`, and the owner's ids must not be in the answer — the archive stores its
 * CSV text uncompressed, so the check sees it).
 */
export const exportCases: Record<string, RouteCase> = {
  'GET /api/exports/service-system.zip': {
    // The organisation's admins only (named records for the service's own system).
    who: 'orgAdmin',
    own: () => [
      {
        as: w.admin,
        method: 'GET',
        url: `/api/exports/service-system.zip?${range}`,
        check: (res) => {
          expect(res.headers['content-type']).toBe('application/zip');
          expect(res.body).toContain(w.e1);
        },
      },
    ],
    foreign: { none: 'no record id is taken; another organisation’s admin is answered about their own organisation (ownOnly)' },
  },
  'GET /api/exports/research.zip': {
    // Supervisors and admins of the organisation, de-identified: not even the owner's id is in it.
    who: 'serviceFigures',
    own: () => [
      {
        as: w.s1,
        method: 'GET',
        url: `/api/exports/research.zip?${range}`,
        check: (res) => {
          expect(res.headers['content-type']).toBe('application/zip');
          expect(res.body).not.toContain(w.c1.id);
          expect(res.body).not.toContain(w.e1);
        },
      },
    ],
    foreign: { none: 'no record id is taken; another organisation’s admin is answered about their own organisation (ownOnly)' },
  },
};
