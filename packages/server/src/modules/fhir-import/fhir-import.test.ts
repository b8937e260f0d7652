import { newId, type ApiTokenScope, type InstrumentId } from '@tandem/domain';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApiToken, makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { fhirErrors } from '../fhir/fhir-validator';
import type { AppDeps } from '../../deps';
import { registerOpenApi } from '../../http/openapi';
import { questionnaireResponseFor } from './fhir-import.fixtures';
import { fhirImportRoutes } from './fhir-import.routes';

// FHIR import of measures (decision 0039). The test clock starts on Monday 2026-03-02 at 09:00 UTC;
// the site is open 09:00–17:00 on weekdays, so an alert goes to the assigned practitioner at once.
let t: TestApp;
let origin: string;
const w = {} as {
  org: Awaited<ReturnType<typeof makeOrganisation>>;
  orgB: Awaited<ReturnType<typeof makeOrganisation>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  colleague: Awaited<ReturnType<typeof makeStaff>>;
  pb: Awaited<ReturnType<typeof makeStaff>>;
};
const url = '/api/fhir/QuestionnaireResponse';
const nineToFive = [{ opens: '09:00', closes: '17:00' }];

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now);
  w.orgB = await makeOrganisation(t.database.db, now);
  const admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.p1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Priya' });
  w.colleague = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Cal' });
  w.pb = await makeStaff(t.database.db, now, w.orgB.id, ['practitioner'], { name: 'Bea' });
  const hours = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };
  expect((await (await as(admin)).post(`/api/sites/${w.org.siteId}/hours`, { weekly: hours, closureDates: [], siteLeadStaffId: w.p1.id })).statusCode).toBe(200);
});
afterAll(() => t.close());

const sessions = new Map<string, string>();
async function as(person: { email: string }) {
  if (!sessions.has(person.email)) sessions.set(person.email, await signInAs(t.app, origin, person.email));
  const cookie = sessions.get(person.email)!;
  return {
    post: (path: string, payload: object) => t.app.inject({ method: 'POST', url: path, headers: { origin, cookie }, payload }),
    send: (payload: string, contentType: string) => t.app.inject({ method: 'POST', url, headers: { origin, cookie, 'content-type': contentType }, payload }),
    get: (path: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie } }),
  };
}

/** A client of p1 with an active episode. */
async function clientInTreatment() {
  const now = t.clock.now();
  const client = await makeClient(t.database.db, now, w.org.id, [w.p1.id]);
  const p1 = await as(w.p1);
  const episodeId = newId(now);
  const created = await p1.post(`/api/clients/${client.id}/episodes`, {
    id: episodeId,
    referralDate: '2026-02-20',
    referralSource: 'gp',
    problemDescriptor: 'Depression',
    step: 'low_intensity',
    assignedPractitionerId: w.p1.id,
  });
  expect(created.statusCode).toBe(201);
  expect((await p1.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
  return { client, episodeId };
}

const resource = (clientId: string, instrumentId: InstrumentId, values: number[]) =>
  questionnaireResponseFor(clientId, instrumentId, values, { id: newId(t.clock.now()), authored: '2026-03-02T08:40:00Z' });
const phq9 = (clientId: string, item9: number) => resource(clientId, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, item9]);

async function rowsOf(clientId: string) {
  const db = t.database.db;
  const responses = await db.selectFrom('questionnaire_response').select('id').where('client_id', '=', clientId).execute();
  const alerts = await db.selectFrom('risk_alert').select('id').where('client_id', '=', clientId).execute();
  return { responses: responses.length, alerts: alerts.length };
}
const auditOf = (entityId: string) => t.database.db.selectFrom('audit_event').selectAll().where('entity_id', '=', entityId).where('action', '=', 'questionnaire.import').execute();

function expectOutcome(res: LightMyRequestResponse, status: number, code: string, expression?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json();
  expect(body.resourceType).toBe('OperationOutcome');
  expect(fhirErrors(body), 'the OperationOutcome is valid FHIR R4').toEqual([]);
  expect(body.issue).toContainEqual(expect.objectContaining({ severity: 'error', code, ...(expression ? { expression: [expression] } : {}) }));
  return body;
}

describe('importing a FHIR QuestionnaireResponse', () => {
  it('stores and scores a PHQ-9, audited, visible in the episode’s measures and the client’s responses', async () => {
    const { client, episodeId } = await clientInTreatment();
    const p1 = await as(w.p1);
    const body = phq9(client.id, 0);
    expect(fhirErrors(body), 'what the test sends is valid FHIR R4').toEqual([]);
    const res = await p1.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(fhirErrors(res.json()), 'the answer is valid FHIR R4').toEqual([]);
    expect(res.headers.location).toBe(`${origin}${url}/${body.id}/_history/1`);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ resourceType: 'QuestionnaireResponse', id: body.id, status: 'completed', subject: { reference: `Patient/${client.id}` }, meta: { versionId: '1' } });
    expect(res.json().item).toHaveLength(9);

    const measures = (await p1.get(`/api/episodes/${episodeId}/measures`)).json();
    expect(measures.scores.phq9).toEqual([{ responseId: body.id, total: 8, band: 'mild', authoredAt: '2026-03-02T08:40:00.000Z', source: 'imported' }]);
    const responses = (await p1.get(`/api/clients/${client.id}/questionnaire-responses`)).json().responses;
    expect(responses).toEqual([expect.objectContaining({ id: body.id, source: 'imported', total: 8, authorStaffId: w.p1.id, receivedAt: t.clock.now().toISOString() })]);
    expect(await auditOf(body.id)).toEqual([expect.objectContaining({ outcome: 'success', actor_id: w.p1.id, client_id: client.id })]);
    expect((await rowsOf(client.id)).alerts).toBe(0);
  });

  it('opens a risk alert for a positive item 9, tiered and routed as the client’s own answer would be (HAZ-100)', async () => {
    const { client } = await clientInTreatment();
    const p1 = await as(w.p1);
    const body = phq9(client.id, 2);
    expect((await p1.post(url, body)).statusCode).toBe(201);
    const alerts = (await p1.get('/api/risk-alerts')).json().alerts.filter((a: { clientId: string }) => a.clientId === client.id);
    expect(alerts).toEqual([
      expect.objectContaining({ trigger: 'phq9_item9', source: 'imported', answerValue: 2, rule: 'first_positive', tier: 'immediate', recipientStaffId: w.p1.id, status: 'open', dueAt: '2026-03-02T10:00:00.000Z' }),
    ]);
    const line = (await p1.get('/api/worklist')).json().lines.find((l: { client: { id: string } }) => l.client.id === client.id);
    expect(line.reasons).toContainEqual(expect.objectContaining({ kind: 'risk_alert', count: 1, tier: 'immediate' }));

    // The same resource again: the stored one (200), no second response, no second alert.
    const again = await p1.post(url, body);
    expect(again.statusCode).toBe(200);
    expect(again.headers.location).toBeUndefined();
    expect(again.json().id).toBe(body.id);
    expect(await rowsOf(client.id)).toEqual({ responses: 1, alerts: 1 });

    // The same id with other answers: a conflict, nothing changed.
    const conflict = await p1.post(url, { ...phq9(client.id, 1), id: body.id });
    expectOutcome(conflict, 409, 'conflict', 'QuestionnaireResponse.id');
    expect((await p1.get('/api/risk-alerts')).json().alerts.filter((a: { clientId: string }) => a.clientId === client.id)[0].answerValue).toBe(2);
    expect(await rowsOf(client.id)).toEqual({ responses: 1, alerts: 1 });
    expect((await auditOf(body.id)).map((a) => a.outcome)).toEqual(['success', 'success', 'failed']);
  });

  it('stores a GAD-7 sent as application/fhir+json', async () => {
    const { client, episodeId } = await clientInTreatment();
    const p1 = await as(w.p1);
    const body = resource(client.id, 'gad7', [3, 2, 2, 2, 1, 1, 0]);
    const res = await p1.send(JSON.stringify(body), 'application/fhir+json; fhirVersion=4.0');
    expect(res.statusCode, res.body).toBe(201);
    expect((await p1.get(`/api/episodes/${episodeId}/measures`)).json().scores.gad7).toEqual([expect.objectContaining({ responseId: body.id, total: 11, band: 'moderate' })]);
  });

  const future = (c: string) => ({ ...phq9(c, 1), authored: '2026-03-02T09:30:00Z' });
  const missingItem = (c: string) => {
    const body = phq9(c, 1);
    body.item.splice(6, 1);
    return body;
  };
  const badCode = (c: string) => {
    const body = phq9(c, 1);
    body.item[3]!.answer[0]!.valueCoding = { system: 'http://loinc.org', code: 'LA9999-9', display: 'Sometimes' };
    return body;
  };
  // [case, body (from the client id), status, issue code, expression, warns that its positive item 9 raised no alert]
  it.each([
    ['a body that is not JSON', () => 'resourceType=QuestionnaireResponse', 400, 'structure', undefined, false],
    ['another resource type', (c: string) => ({ ...phq9(c, 1), resourceType: 'Observation' }), 400, 'invalid', 'resourceType', false],
    ['an unknown questionnaire', (c: string) => ({ ...phq9(c, 1), questionnaire: 'http://example.org/fhir/Questionnaire/phq9' }), 422, 'not-found', 'QuestionnaireResponse.questionnaire', false],
    ['an unknown client', () => phq9(newId(t.clock.now()), 1), 404, 'not-found', 'QuestionnaireResponse.subject', false],
    ['a missing item', missingItem, 422, 'required', 'QuestionnaireResponse.item', true],
    ['an answer code that is not the item’s', badCode, 422, 'code-invalid', 'QuestionnaireResponse.item[3].answer[0].valueCoding', true],
    ['status in-progress', (c: string) => ({ ...phq9(c, 1), status: 'in-progress' }), 422, 'business-rule', 'QuestionnaireResponse.status', true],
    ['authored in the future beyond clock skew', future, 422, 'business-rule', 'QuestionnaireResponse.authored', true],
  ])('refuses %s with an OperationOutcome, writing nothing but the audit', async (_name, make, status, code, expression, warns) => {
    const { client } = await clientInTreatment();
    const p1 = await as(w.p1);
    const body = make(client.id);
    const res = typeof body === 'string' ? await p1.send(body, 'application/fhir+json') : await p1.post(url, body);
    const outcome = expectOutcome(res, status, code, expression);
    expect(outcome.issue[0].details.coding[0].system).toBe('https://tandem.example.org/fhir/CodeSystem/error-code');
    expect(await rowsOf(client.id)).toEqual({ responses: 0, alerts: 0 });
    // A refused response with a positive item 9 says it raised no alert; one for an unknown client says nothing more.
    expect(outcome.issue.some((i: { severity: string }) => i.severity === 'warning')).toBe(warns);
    if (typeof body !== 'string') {
      expect(await auditOf(body.id)).toEqual([expect.objectContaining({ outcome: status === 404 ? 'denied' : 'failed', actor_id: w.p1.id, client_id: status === 422 ? client.id : null })]);
    }
  });

  it('refuses another organisation’s practitioner and a colleague off the care team (audited); the care team’s identical request succeeds', async () => {
    const { client } = await clientInTreatment();
    const body = phq9(client.id, 1);
    for (const outsider of [w.pb, w.colleague]) {
      const refused = await (await as(outsider)).post(url, body);
      const outcome = expectOutcome(refused, 404, 'not-found', 'QuestionnaireResponse.subject');
      expect(JSON.stringify(outcome)).not.toContain(client.familyName);
    }
    expect(await rowsOf(client.id)).toEqual({ responses: 0, alerts: 0 });
    const audits = await auditOf(body.id);
    expect(audits.map((a) => [a.actor_id, a.organisation_id, a.outcome, a.client_id])).toEqual([
      [w.pb.id, w.orgB.id, 'denied', null],
      [w.colleague.id, w.org.id, 'denied', null],
    ]);
    const res = await (await as(w.p1)).post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(await rowsOf(client.id)).toEqual({ responses: 1, alerts: 1 });
  });

  it('an integration’s API token with measures:write imports for its organisation’s clients and starts the risk pathway; without the scope, or from another organisation, it is refused (decision 0041)', async () => {
    const { client } = await clientInTreatment();
    const byToken = async (organisationId: string, createdBy: string, scopes: ApiTokenScope[], body: object) => {
      const { serviceAccountId, secret } = await makeApiToken(t.database.db, t.clock.now(), organisationId, createdBy, scopes);
      return { serviceAccountId, res: await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secret}` }, payload: body }) };
    };
    const body = phq9(client.id, 2);

    const readOnly = await byToken(w.org.id, w.p1.id, ['fhir:read', 'exports:read'], body);
    const scopeOutcome = expectOutcome(readOnly.res, 403, 'forbidden');
    expect(JSON.stringify(scopeOutcome)).toContain('auth.token_scope_missing');
    const foreign = await byToken(w.orgB.id, w.pb.id, ['measures:write'], body);
    expectOutcome(foreign.res, 404, 'not-found', 'QuestionnaireResponse.subject');
    expect(await rowsOf(client.id)).toEqual({ responses: 0, alerts: 0 });

    const allowed = await byToken(w.org.id, w.p1.id, ['measures:write'], body);
    expect(allowed.res.statusCode, allowed.res.body).toBe(201);
    expect(await rowsOf(client.id)).toEqual({ responses: 1, alerts: 1 });
    const audits = await auditOf(body.id);
    expect(audits.map((a) => [a.actor_type, a.actor_id, a.outcome])).toEqual([
      ['service', foreign.serviceAccountId, 'denied'],
      ['service', allowed.serviceAccountId, 'success'],
    ]);
  });

  it('is described in the OpenAPI document: the FHIR body and its OperationOutcomes', async () => {
    // The route alone, in the app's OpenAPI set-up (the whole document is served and checked in serving.test.ts).
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await registerOpenApi(app);
    await app.register(fhirImportRoutes({} as AppDeps));
    await app.ready();
    type Content = Record<string, { schema: { $ref: string } }>;
    const doc = app.swagger() as { paths: Record<string, { post: { requestBody: { content: Content }; responses: Record<string, { content: Content }> } }> };
    await app.close();
    const route = doc.paths['/api/fhir/QuestionnaireResponse']!.post;
    expect(Object.keys(route.requestBody.content)).toEqual(['application/fhir+json', 'application/json']);
    expect(route.requestBody.content['application/fhir+json']!.schema.$ref).toMatch(/^#\/components\/schemas\/FhirQuestionnaireResponse(Input)?$/);
    expect(route.responses['422']!.content['application/fhir+json']!.schema.$ref).toBe('#/components/schemas/OperationOutcome');
  });

  it('answers without a session, and with a body it does not take, in FHIR too', async () => {
    const { client } = await clientInTreatment();
    const anonymous = await t.app.inject({ method: 'POST', url, headers: { origin }, payload: phq9(client.id, 1) });
    expect(expectOutcome(anonymous, 401, 'login').issue[0].details.coding[0].code).toBe('auth.unauthenticated');
    expectOutcome(await (await as(w.p1)).send('<QuestionnaireResponse/>', 'application/fhir+xml'), 415, 'not-supported');
    expect(await rowsOf(client.id)).toEqual({ responses: 0, alerts: 0 });
  });
});
