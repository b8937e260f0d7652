import { newId, unresolvedReferences, type ApiTokenScope, type FhirBundle } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../demo/demo-data';
import { seedDemo } from '../../demo/seed-demo';
import { makeApiToken, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { fhirErrors } from './fhir-validator';

/**
 * Issue 12, done when: "the validator reports zero errors on the export of every demo client".
 * The demo is seeded through the services; each client is exported through the real route by a
 * member of their care team, and each bundle is checked by the real FHIR R4 validator.
 */
let t: TestApp;
let clients: { id: string; familyName: string; email: string; careTeamEmail: string }[];
const cookies = new Map<string, string>();
async function as(email: string): Promise<string> {
  if (!cookies.has(email)) cookies.set(email, await signInAs(t.app, t.config.publicOrigin, email, { password: demoPassword }));
  return cookies.get(email)!;
}
const exportOf = async (clientId: string, email: string) =>
  t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/fhir`, headers: { cookie: await as(email) } });
const auditOf = (clientId: string) =>
  t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_id', 'details', 'client_id']).where('entity_id', '=', clientId).where('action', '=', 'client.fhir_export').orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock);
  const rows = await t.database.db
    .selectFrom('client as c')
    .innerJoin('account as a', 'a.client_id', 'c.id')
    .innerJoin('care_team_member as m', 'm.client_id', 'c.id')
    .innerJoin('account as sa', 'sa.staff_id', 'm.staff_id')
    .select(['c.id', 'c.family_name as familyName', 'a.email', 'sa.email as careTeamEmail'])
    .orderBy('c.family_name')
    .execute();
  clients = rows;
}, 120_000);
afterAll(() => t.close());

describe('FHIR export of every demo client', () => {
  it('gives each a bundle the FHIR R4 validator finds no error in, whose references all resolve inside it', async () => {
    expect(clients.length).toBe(6);
    const seen = new Set<string>();
    for (const client of clients) {
      const res = await exportOf(client.id, client.careTeamEmail);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="tandem-fhir-${client.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      const bundle = res.json() as FhirBundle;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const errors = bundle.entry.flatMap((e) => fhirErrors(e.resource).map((m) => `${client.familyName} ${e.resource.resourceType}/${e.resource.id} ${m}`));
      expect(errors).toEqual([]);
      expect(unresolvedReferences(bundle)).toEqual([]);
      expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id)).toEqual([client.id]);
      for (const e of bundle.entry) seen.add(e.resource.resourceType);
      const audit = await auditOf(client.id);
      expect(audit.at(-1)).toMatchObject({ outcome: 'success', client_id: client.id, details: expect.objectContaining({ bundleId: bundle.id, entries: bundle.entry.length }) });
    }
    // Across the demo the export shows the kinds of record the demo has (no session in it is recorded as attended yet: fhir-bundle.test.ts covers Encounter).
    for (const type of ['Patient', 'Practitioner', 'CareTeam', 'EpisodeOfCare', 'Task', 'Questionnaire', 'QuestionnaireResponse', 'Observation', 'Appointment', 'Flag']) {
      expect(seen, type).toContain(type);
    }
  }, 240_000);

  it('codes questionnaire totals with LOINC and SNOMED CT, and mood with the documented local code', async () => {
    const patel = clients.find((c) => c.familyName === 'Patel')!;
    const bundle = (await exportOf(patel.id, patel.careTeamEmail)).json() as FhirBundle;
    const observations = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation') as unknown as { code: { coding: { system: string; code: string }[] }; valueQuantity?: { value: number; code: string }; valueInteger?: number }[];
    const phq9 = observations.filter((o) => o.code.coding?.some((c) => c.code === '44261-6'));
    expect(phq9.length).toBeGreaterThan(0);
    for (const o of phq9) {
      expect(o.code.coding).toEqual([expect.objectContaining({ system: 'http://loinc.org', code: '44261-6' }), expect.objectContaining({ system: 'http://snomed.info/sct', code: '720433000' })]);
      expect(o.valueQuantity).toMatchObject({ code: '{score}' });
    }
    const moods = observations.filter((o) => o.code.coding?.some((c) => c.system === 'https://tandem.example.org/fhir/CodeSystem/mood' && c.code === 'mood-rating'));
    expect(moods.length).toBeGreaterThan(10);
    expect(moods.every((o) => Number.isInteger(o.valueInteger) && o.valueInteger! >= 1 && o.valueInteger! <= 10)).toBe(true);
  });
});

describe('who may export', () => {
  it('refuses someone outside the care team, and the client themself, and audits both refusals; the care team, their supervisor may', async () => {
    const morgan = clients.find((c) => c.familyName === 'Morgan')!;
    const other = clients.find((c) => c.careTeamEmail !== morgan.careTeamEmail)!;
    // Tom Reed (another caseload) asks for Morgan's record: not found, nothing of it in the answer.
    const refused = await exportOf(morgan.id, other.careTeamEmail);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(morgan.familyName);
    // The client is pointed to their own download.
    const own = await exportOf(morgan.id, morgan.email);
    expect(own.statusCode).toBe(403);
    expect(own.body).not.toContain(morgan.familyName);
    // The care team's identical request succeeds; so does the supervisor's (Grace Okoro supervises the demo practitioners).
    expect((await exportOf(morgan.id, morgan.careTeamEmail)).statusCode).toBe(200);
    expect((await exportOf(morgan.id, 'grace.okoro@demo.tandem.test')).statusCode).toBe(200);
    const audit = await auditOf(morgan.id);
    const denied = audit.filter((a) => a.outcome === 'denied');
    expect(denied.map((a) => a.details)).toEqual([{ reason: 'no_access' }, { reason: 'own_record' }]);
    expect(JSON.stringify(denied)).not.toContain(morgan.familyName);
    expect(audit.filter((a) => a.outcome === 'success').length).toBeGreaterThanOrEqual(2);
  });

  it('sends nothing of a client whose processing is restricted, and audits the refusal; once lifted, the export works again', async () => {
    const walker = clients.find((c) => c.familyName === 'Walker')!;
    const admin = await t.database.db.selectFrom('account').select(['staff_id', 'organisation_id']).where('email', '=', 'admin@demo.tandem.test').executeTakeFirstOrThrow();
    const now = t.clock.now();
    const id = newId(now);
    await t.database.db
      .insertInto('processing_restriction')
      .values({ id, client_id: walker.id, organisation_id: admin.organisation_id, requested_at: now, restricted_at: now, restricted_by: admin.staff_id!, reason: 'Asked to be removed', lifted_at: null, lifted_by: null, lift_reason: null })
      .execute();
    const refused = await exportOf(walker.id, walker.careTeamEmail);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('data_rights.processing_restricted');
    expect(refused.body).not.toContain(walker.familyName);
    expect((await auditOf(walker.id)).at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'processing_restricted' } });
    await t.database.db.updateTable('processing_restriction').set({ lifted_at: now, lifted_by: admin.staff_id!, lift_reason: 'Client asked to carry on' }).where('id', '=', id).execute();
    expect((await exportOf(walker.id, walker.careTeamEmail)).statusCode).toBe(200);
  });

  it('an integration’s API token with fhir:read exports its organisation’s clients, audited as the integration; without the scope, or from another organisation, it is refused (decision 0041)', async () => {
    const client = clients[0]!;
    const staffOf = async (organisationId: string) =>
      (await t.database.db.selectFrom('staff').select('id').where('organisation_id', '=', organisationId).executeTakeFirstOrThrow()).id;
    const orgOfClient = (await t.database.db.selectFrom('client').select('organisation_id').where('id', '=', client.id).executeTakeFirstOrThrow()).organisation_id;
    const otherOrg = await makeOrganisation(t.database.db, t.clock.now());
    const otherStaff = await makeStaff(t.database.db, t.clock.now(), otherOrg.id, ['admin']);
    const byToken = async (organisationId: string, createdBy: string, scopes: ApiTokenScope[]) => {
      const { serviceAccountId, secret } = await makeApiToken(t.database.db, t.clock.now(), organisationId, createdBy, scopes);
      return { serviceAccountId, res: await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/fhir`, headers: { authorization: `Bearer ${secret}` } }) };
    };

    const noScope = await byToken(orgOfClient, await staffOf(orgOfClient), ['measures:write', 'exports:read']);
    expect(noScope.res.statusCode).toBe(403);
    expect(noScope.res.json().error.code).toBe('auth.token_scope_missing');
    const foreign = await byToken(otherOrg.id, otherStaff.id, ['fhir:read']);
    expect(foreign.res.statusCode).toBe(404);
    expect(foreign.res.body).not.toContain(client.familyName);

    const allowed = await byToken(orgOfClient, await staffOf(orgOfClient), ['fhir:read']);
    expect(allowed.res.statusCode, allowed.res.body).toBe(200);
    const bundle = allowed.res.json() as FhirBundle;
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id)).toEqual([client.id]);
    const audit = await t.database.db.selectFrom('audit_event').select(['actor_type', 'actor_id', 'outcome']).where('entity_id', '=', client.id).where('action', '=', 'client.fhir_export').orderBy('seq').execute();
    expect(audit.slice(-2)).toEqual([
      { actor_type: 'service', actor_id: foreign.serviceAccountId, outcome: 'denied' },
      { actor_type: 'service', actor_id: allowed.serviceAccountId, outcome: 'success' },
    ]);
  });

  it('audits a refused export of an id that is no client of the organisation', async () => {
    const unknown = '01900000-0000-7000-8000-0000000000ff';
    const res = await exportOf(unknown, 'priya.shah@demo.tandem.test');
    expect(res.statusCode).toBe(404);
    expect(await auditOf(unknown)).toEqual([expect.objectContaining({ outcome: 'denied', client_id: null })]);
  });
});

describe('GET /api/fhir/Questionnaire', () => {
  it('serves our instruments, signed out, as a valid searchset and one by one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/fhir/Questionnaire' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const bundle = res.json() as FhirBundle;
    expect(fhirErrors(bundle)).toEqual([]);
    expect(bundle.entry.map((e) => e.resource.id)).toEqual(['phq9', 'gad7', 'wsas']);
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual(['phq9', 'gad7', 'wsas'].map((id) => `${t.config.publicOrigin}/api/fhir/Questionnaire/${id}`));
    for (const entry of bundle.entry) {
      const one = await t.app.inject({ method: 'GET', url: new URL(entry.fullUrl).pathname });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(entry.resource);
      expect(fhirErrors(one.json())).toEqual([]);
    }
  });

  it('is in the OpenAPI document, with the export', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/clients/{clientId}/fhir', '/api/fhir/Questionnaire', '/api/fhir/Questionnaire/{id}']));
  });

  it('answers an unknown questionnaire with a 404 OperationOutcome', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/fhir/Questionnaire/beck' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ severity: 'error' })] });
    expect(fhirErrors(res.json())).toEqual([]);
  });
});
