import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocumentedFigure } from '../test/documented-figures';
import { createTestApp } from '../test/test-app';
import { publicApiRoutes } from './public-routes';
import { callers, expected, type Caller, type Outcome } from './route-walk/access-table';
import { apiTokenCases } from './route-walk/cases-api-tokens';
import { clientAppCases } from './route-walk/cases-client-app';
import { clinicalCases } from './route-walk/cases-clinical';
import { exportCases } from './route-walk/cases-exports';
import { fhirImportCases } from './route-walk/cases-fhir-import';
import { fhirCases } from './route-walk/cases-fhir';
import { dataRightsCases } from './route-walk/cases-data-rights';
import { recordCases } from './route-walk/cases-records';
import { twoStepCases } from './route-walk/cases-two-step';
import { fuzzRequest, fuzzTally } from './route-walk/fuzz';
import { ownerMarkers, person, send, setUpWorld, t, type Person, type Req, type RouteCase } from './route-walk/world';

/**
 * Walks every API route the server registers, with real data of two organisations
 * (route-walk/world.ts), as every kind of caller (route-walk/access-table.ts): no session; the
 * owner client, another client of the organisation, a client of another; the assigned
 * practitioner, a colleague off the caseload, a practitioner of another organisation; the
 * practitioner's supervisor and another supervisor; an admin, an admin under break-glass, an admin
 * of another organisation; the person on duty an open alert for the client is routed to; and
 * the colleague covering, to whom one of the client's messages was routed.
 *
 * For each route the owner's request — on the owner's real records: the client, episode,
 * appointment, response, alert, task, entry, homework, agenda item, plan, note… the route takes an
 * id for — is sent as each caller, and the answer's class must be the one the access table gives:
 * allowed → 2xx; refused → 401 without a session, else 403/404 (or the case's documented
 * refusals), with nothing of the record in it; own only → 2xx about the caller's own data, with
 * none of the owner's records in it. Never a 500. Then each case's further refusals (another
 * person's real record reached by a new id, a list's content) and the owner's own requests.
 *
 * A route without a case fails this test, and a route without declared access cannot even be
 * registered.
 */
const cases: Record<string, RouteCase> = { ...apiTokenCases, ...recordCases, ...clinicalCases, ...clientAppCases, ...twoStepCases, ...exportCases, ...fhirImportCases, ...fhirCases, ...dataRightsCases };

beforeAll(setUpWorld);
afterAll(() => t.close());

function callerOf(who: Person): Caller {
  const found = callers.find((caller) => person(caller)?.email === who?.email);
  if (!found) throw new Error(`${who?.email} is not one of the walk's callers: give the owner's request as one of them`);
  return found;
}

/** A refusal's error code: from the one error body, or from an OperationOutcome's `issue.details` (FHIR routes, decision 0039). */
function errorCodeOf(res: LightMyRequestResponse): unknown {
  const body = res.json();
  return body.error?.code ?? body.issue?.[0]?.details?.coding?.[0]?.code;
}

/** What is wrong with an answer, or null when it is the expected one. */
function judge(outcome: Outcome, req: Req, res: LightMyRequestResponse): string | null {
  const said = `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode >= 500) return `server error: ${said}`;
  if (outcome === 'refused') {
    if (req.as === null) return res.statusCode === 401 && errorCodeOf(res) === 'auth.unauthenticated' ? null : `expected 401 auth.unauthenticated, got ${said}`;
    if (![403, 404, ...(req.refusedWith ?? [])].includes(res.statusCode)) return `expected a refusal, got ${said}`;
    return /"givenName"|"familyName"|"dateOfBirth"/.test(res.body) ? `the refusal shows client details: ${said}` : null;
  }
  const ok = (res.statusCode >= 200 && res.statusCode < 300) || (req.okStatuses ?? []).includes(res.statusCode);
  if (!ok) return `expected 2xx, got ${said}`;
  if (outcome === 'ownOnly') {
    const leaked = ownerMarkers().filter((marker) => res.body.includes(marker));
    if (leaked.length) return `answered with the owner's records (${leaked.join(', ')}): ${said}`;
  }
  try {
    req.check?.(res);
  } catch (error) {
    return `check failed: ${(error as Error).message.split('\n')[0]}`;
  }
  return null;
}

const walked = new Set<string>();
let routeRoleCases = 0;

describe('route walk', () => {
  it('covers every registered API route, and only those', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(Object.keys(cases).sort()).toEqual(registered);
  });

  it('lists exactly the public routes as public, and the access table agrees', () => {
    const open = t.app.apiRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...publicApiRoutes].sort());
    const saidPublic = Object.entries(cases).filter(([, c]) => c.who === 'public').map(([key]) => key);
    expect(saidPublic.sort()).toEqual([...publicApiRoutes].sort());
  });

  it('refuses to register an API route that declares no access', async () => {
    await expect(
      createTestApp({
        register: (app) => {
          app.get('/api/forgotten', async () => ({}));
        },
      }),
    ).rejects.toThrow(/declares no access/);
  });

  it.each(Object.keys(cases))('%s', async (key) => {
    const routeCase = cases[key]!;
    const access = t.app.apiRoutes.find((r) => `${r.method} ${r.url}` === key)?.access;
    const problems: string[] = [];
    const check = async (req: Req, outcome: Outcome, who: string) => {
      const res = await send(req);
      routeRoleCases += 1;
      const problem = judge(outcome, req, res);
      if (problem) problems.push(`${who} (${outcome}): ${problem}`);
    };
    // Every caller of the table, with the owner's first request (made afresh for each).
    const template = (await routeCase.own())[0]!;
    const owner = callerOf(template.as);
    expect(expected(routeCase.who, owner, owner), `${key}: the table must let the owner make their own request`).toBe('allowed');
    for (const caller of callers) {
      const [req] = caller === owner ? [template] : await routeCase.own(person(caller));
      const outcome = expected(routeCase.who, caller, owner);
      await check({ ...req!, as: person(caller), check: caller === owner ? req!.check : undefined }, outcome, caller);
    }
    // The case's further refusals and list contents.
    if (routeCase.foreign && !('none' in routeCase.foreign)) {
      for (const req of await routeCase.foreign()) await check(req, req.check ? 'allowed' : 'refused', `foreign ${req.as ? callerOf(req.as) : 'anonymous'}`);
    }
    // The owner's other requests: refused without a session, then allowed.
    for (const req of (await routeCase.own()).slice(1)) {
      if (access !== 'public') await check({ ...req, as: null, check: undefined }, 'refused', 'anonymous');
      await check(req, 'allowed', `owner ${callerOf(req.as)}`);
    }
    expect(problems, key).toEqual([]);
    walked.add(key);
  });

  it('records the figures: routes checked, route × caller cases', () => {
    // Only a full walk of every registered route (no filter, nothing failed) gives the documented figures.
    if (walked.size !== t.app.apiRoutes.length) return;
    checkDocumentedFigure('routes-checked', walked.size);
    checkDocumentedFigure('route-role-cases', routeRoleCases);
  });
});

describe('fuzzing every route', () => {
  const fuzzed = new Set<string>();
  // Sign-in last: its refusals slow further sign-ins down, which every other case needs.
  const keys = Object.keys(cases).sort((x, y) => Number(x === 'POST /api/auth/sign-in') - Number(y === 'POST /api/auth/sign-in'));
  it.each(keys)('%s: no 500, and a refused request writes nothing', async (key) => {
    for (const req of (await cases[key]!.own()).filter((r) => !r.stream)) await fuzzRequest(req);
    fuzzed.add(key);
  });

  it('records the figures: fuzz cases run, 500s found', () => {
    expect(fuzzTally.serverErrors).toBe(0);
    if (fuzzed.size !== t.app.apiRoutes.length) return;
    checkDocumentedFigure('fuzz-cases', fuzzTally.cases);
    checkDocumentedFigure('fuzz-500s', fuzzTally.serverErrors);
  });
});
