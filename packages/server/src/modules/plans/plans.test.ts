import { newId, type PlanStep, type TreatmentPlan } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
const w = {} as {
  org: { id: string };
  other: { id: string };
  admin: Awaited<ReturnType<typeof makeStaff>>;
  otherAdmin: Awaited<ReturnType<typeof makeStaff>>;
  supervisor: Awaited<ReturnType<typeof makeStaff>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  pOther: Awaited<ReturnType<typeof makeStaff>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now, 'Plans org');
  w.other = await makeOrganisation(t.database.db, now, 'Other org');
  w.admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.otherAdmin = await makeStaff(t.database.db, now, w.other.id, ['admin']);
  w.supervisor = await makeStaff(t.database.db, now, w.org.id, ['supervisor']);
  w.p1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { supervisorId: w.supervisor.id });
  w.p2 = await makeStaff(t.database.db, now, w.org.id, ['practitioner']);
  w.pOther = await makeStaff(t.database.db, now, w.other.id, ['practitioner']);
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);

/** A client of p1 with an episode opened by p1 (the plan is made with it). */
async function clientWithEpisode(over: Record<string, unknown> = {}) {
  const client = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
  const episodeId = newId(t.clock.now());
  const body = { id: episodeId, referralDate: '2026-02-20', referralSource: 'gp', problemDescriptor: 'Low mood', step: 'low_intensity', assignedPractitionerId: w.p1.id, ...over };
  const opened = await (await as(w.p1)).post(`/api/clients/${client.id}/episodes`, body);
  return { client, episodeId, opened };
}

const auditOf = (action: string, entityId: string) =>
  t.database.db.selectFrom('audit_event').select(['action', 'details', 'client_id']).where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('plan templates', () => {
  it('staff see the England defaults and the research examples, each labelled with its source; clients see none', async () => {
    const res = await (await as(w.p1)).get('/api/plan-templates');
    expect(res.statusCode).toBe(200);
    const templates = res.json().templates as { id: string; isExample: boolean; origin: string; requiredComponents: string[]; source: { citation: string }; summary: { faceToFace: number; online: number } }[];
    const byId = Object.fromEntries(templates.map((x) => [x.id, x]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining(['england-step-2', 'england-step-3', 'example-uk-low-intensity', 'example-netherlands', 'example-germany', 'example-spain', 'example-denmark']),
    );
    // The England defaults require nothing (BRIEF.md: often a single strategy at step 2); the trial examples all four core components.
    expect(byId['england-step-2']).toMatchObject({ isExample: false, origin: 'shipped', requiredComponents: [], summary: { faceToFace: 6 } });
    expect(byId['england-step-3']).toMatchObject({ isExample: false, summary: { faceToFace: 16 } });
    for (const id of ['example-uk-low-intensity', 'example-netherlands', 'example-germany', 'example-spain', 'example-denmark']) {
      expect(byId[id]).toMatchObject({ isExample: true, requiredComponents: ['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention'] });
    }
    // The blends of BRIEF.md's table.
    expect(byId['example-uk-low-intensity']!.summary).toMatchObject({ faceToFace: 6, online: 5 });
    expect(byId['example-netherlands']!.summary).toMatchObject({ faceToFace: 10, online: 9 });
    expect(byId['example-germany']!.summary).toMatchObject({ faceToFace: 6, online: 10 });
    expect(byId['example-spain']!.summary).toMatchObject({ faceToFace: 3, online: 8 });
    expect(byId['example-denmark']!.summary).toMatchObject({ faceToFace: 6, online: 6 });
    expect(byId['example-denmark']!.source.citation).toBe('Mathiasen et al. 2016, BMC Psychiatry, doi 10.1186/s12888-016-1140-y (Table 1)');

    const client = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
    expect((await (await as(client)).get('/api/plan-templates')).statusCode).toBe(403);
  });

  it('an admin adds an organisation template (idempotent by id), checked against the programme; nobody else can, and other organisations never see it', async () => {
    const admin = await as(w.admin);
    const template = {
      id: newId(t.clock.now()),
      name: 'Our step 2: activity first',
      description: 'Behavioural activation only, as our PWPs usually deliver it.',
      step: 'low_intensity',
      sessionsPlanned: { min: 2, max: 4 },
      sessionMinutes: { min: 30, max: 35 },
      requiredComponents: ['behavioural_activation'],
      steps: [
        { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Start an activity diary', plannedWeek: 1 },
        { mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', purpose: 'Plan small steps', plannedWeek: 1 },
        { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Review the plan', plannedWeek: 2 },
      ],
    };
    const created = await admin.post('/api/plan-templates', template);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: template.id, version: '1', origin: 'organisation', isExample: false, source: null, summary: { faceToFace: 2, online: 1, requiredMissing: [] } });
    expect((await admin.post('/api/plan-templates', template)).statusCode).toBe(201);
    expect((await admin.post('/api/plan-templates', { ...template, name: 'Something else' })).json().error.code).toBe('write.id_conflict');
    expect(await auditOf('plan_template.create', template.id)).toHaveLength(1);

    const unknownModule = await admin.post('/api/plan-templates', { ...template, id: newId(t.clock.now()), steps: [{ ...template.steps[1], moduleId: 'hypnosis' }, template.steps[0], template.steps[2]] });
    expect(unknownModule.statusCode).toBe(400);
    expect(unknownModule.json().error.details).toEqual([{ path: 'body/steps/0/moduleId', message: 'there is no module "hypnosis" in the programme' }]);
    const uncovered = await admin.post('/api/plan-templates', { ...template, id: newId(t.clock.now()), requiredComponents: ['sleep'] });
    expect(uncovered.json().error.details).toEqual([{ path: 'body/requiredComponents/0', message: 'sleep is required but no step works on it' }]);

    expect((await (await as(w.p1)).post('/api/plan-templates', { ...template, id: newId(t.clock.now()) })).statusCode).toBe(403);
    const ids = async (person: { email: string }) => ((await (await as(person)).get('/api/plan-templates')).json().templates as { id: string }[]).map((x) => x.id);
    expect(await ids(w.p1)).toContain(template.id);
    expect(await ids(w.otherAdmin)).not.toContain(template.id);

    // An episode can start from it; another organisation cannot use its id.
    const { episodeId, opened } = await clientWithEpisode({ planTemplateId: template.id });
    expect(opened.statusCode, opened.body).toBe(201);
    const plan = (await (await as(w.p1)).get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    expect(plan).toMatchObject({ template: { id: template.id, version: '1', isExample: false }, requiredComponents: ['behavioural_activation'], summary: { faceToFace: 2, online: 1 } });
    const foreignClient = await makeClient(t.database.db, t.clock.now(), w.other.id, [w.pOther.id]);
    const foreign = await (await as(w.pOther)).post(`/api/clients/${foreignClient.id}/episodes`, {
      id: newId(t.clock.now()),
      referralDate: '2026-02-20',
      referralSource: 'gp',
      problemDescriptor: 'Low mood',
      step: 'low_intensity',
      assignedPractitionerId: w.pOther.id,
      planTemplateId: template.id,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'plan.template_not_found', details: [{ path: 'body/planTemplateId', message: 'unknown template' }] });
  });
});

describe('default templates', () => {
  it('an admin chooses the template each step starts from, at a version — never a research example or another step’s template', async () => {
    const admin = await as(w.admin);
    const england = { low_intensity: 'england-step-2', high_intensity: 'england-step-3' };
    expect((await admin.get('/api/plan-templates')).json().defaults).toEqual({ defaults: england, version: 0, isDefault: true });

    const example = await admin.put('/api/plan-templates/defaults', { defaults: { ...england, low_intensity: 'example-uk-low-intensity' }, version: 0 });
    expect(example.statusCode).toBe(400);
    expect(example.json().error.details).toEqual([{ path: 'body/defaults/low_intensity', message: 'is a research example' }]);
    const wrongStep = await admin.put('/api/plan-templates/defaults', { defaults: { ...england, low_intensity: 'england-step-3' }, version: 0 });
    expect(wrongStep.json().error.details).toEqual([{ path: 'body/defaults/low_intensity', message: 'is a high-intensity template' }]);
    const unknown = await admin.put('/api/plan-templates/defaults', { defaults: { ...england, high_intensity: 'example-atlantis' }, version: 0 });
    expect(unknown.json().error).toMatchObject({ code: 'plan.template_not_found', details: [{ path: 'body/defaults/high_intensity', message: 'unknown template' }] });

    const ours = {
      id: newId(t.clock.now()),
      name: 'Our step 2',
      description: 'Two sessions of behavioural activation.',
      step: 'low_intensity',
      sessionsPlanned: { min: 2, max: 2 },
      sessionMinutes: null,
      requiredComponents: [],
      steps: [
        { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Start an activity diary', plannedWeek: null },
        { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Review the diary', plannedWeek: null },
      ],
    };
    expect((await admin.post('/api/plan-templates', ours)).statusCode).toBe(201);
    const set = await admin.put('/api/plan-templates/defaults', { defaults: { ...england, low_intensity: ours.id }, version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ defaults: { ...england, low_intensity: ours.id }, version: 1, isDefault: false });
    expect((await admin.put('/api/plan-templates/defaults', { defaults: england, version: 0 })).json().error.code).toBe('write.stale_version');
    expect((await (await as(w.p1)).put('/api/plan-templates/defaults', { defaults: england, version: 1 })).statusCode).toBe(403);
    expect((await (await as(w.otherAdmin)).get('/api/plan-templates')).json().defaults.version).toBe(0);
    expect(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'plan_defaults.set').execute()).toHaveLength(1);

    // New step-2 episodes now start from the organisation's template; a chosen one still wins.
    const { episodeId } = await clientWithEpisode();
    expect((await (await as(w.p1)).get(`/api/episodes/${episodeId}/plan`)).json().template).toMatchObject({ id: ours.id, isExample: false });
    const chosen = await clientWithEpisode({ planTemplateId: 'england-step-2' });
    expect((await (await as(w.p1)).get(`/api/episodes/${chosen.episodeId}/plan`)).json().template.id).toBe('england-step-2');

    // Back to the England defaults for the other tests.
    expect((await admin.put('/api/plan-templates/defaults', { defaults: england, version: 1 })).statusCode).toBe(200);
  });
});

describe('a client’s plan', () => {
  it('is made from the England default for the episode’s step when the episode opens, in the same transaction', async () => {
    const { client, episodeId, opened } = await clientWithEpisode();
    expect(opened.statusCode).toBe(201);
    const res = await (await as(w.p1)).get(`/api/episodes/${episodeId}/plan`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const plan = res.json() as TreatmentPlan;
    expect(plan).toMatchObject({ episodeId, clientId: client.id, version: 1, editable: true, template: { id: 'england-step-2', version: '1.0.0', isExample: false }, requiredComponents: [] });
    expect(plan.steps).toHaveLength(10);
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(10);
    expect(await auditOf('plan.create', plan.id)).toEqual([expect.objectContaining({ client_id: client.id })]);
    expect(await auditOf('plan.read', plan.id)).toHaveLength(1);

    const high = await clientWithEpisode({ step: 'high_intensity' });
    expect((await (await as(w.p1)).get(`/api/episodes/${high.episodeId}/plan`)).json().template.id).toBe('england-step-3');
    const denmark = await clientWithEpisode({ step: 'high_intensity', planTemplateId: 'example-denmark' });
    expect((await (await as(w.p1)).get(`/api/episodes/${denmark.episodeId}/plan`)).json()).toMatchObject({ template: { id: 'example-denmark', isExample: true }, summary: { faceToFace: 6, online: 6, requiredMissing: [] } });
  });

  it('refuses a referral naming an unknown template, writing nothing', async () => {
    const { episodeId, opened } = await clientWithEpisode({ planTemplateId: 'example-atlantis' });
    expect(opened.statusCode).toBe(404);
    expect(opened.json().error.code).toBe('plan.template_not_found');
    expect(await t.database.db.selectFrom('episode').select('id').where('id', '=', episodeId).executeTakeFirst()).toBeUndefined();
  });

  it('is edited at a version with a reason — add, remove, reorder, repeat, change the blend — and keeps who changed what and why', async () => {
    const { episodeId } = await clientWithEpisode();
    const p1 = await as(w.p1);
    const plan = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    const [first, second, ...rest] = plan.steps as [PlanStep, PlanStep, ...PlanStep[]];
    const sleep: PlanStep = { id: newId(t.clock.now()), mode: 'online', component: 'sleep', moduleId: 'sleep', purpose: 'Simple habits for better sleep', plannedWeek: 1 };
    const repeat: PlanStep = { ...second, id: newId(t.clock.now()) };
    // Swap the first two, add the optional sleep module, repeat an online step, drop the last step,
    // and turn one session online.
    const steps = [second, sleep, first, repeat, ...rest.slice(0, -1)].map((s) => ({ ...s, plannedWeek: null }));
    steps[4] = { ...steps[4]!, mode: 'online', moduleId: 'getting-active', component: 'behavioural_activation' };
    t.clock.advance(60_000);
    const edited = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps, reason: 'Poor sleep is the main worry; fewer sessions suit her shifts' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, updatedByStaffId: w.p1.id, summary: { faceToFace: 4, online: 7 } });
    expect(edited.json().steps.map((s: PlanStep) => s.id)).toEqual(steps.map((s) => s.id));

    const history = (await p1.get(`/api/episodes/${episodeId}/plan/history`)).json();
    expect(history.changes.map((c: { version: number; kind: string }) => [c.version, c.kind])).toEqual([
      [1, 'created'],
      [2, 'edited'],
    ]);
    expect(history.changes[0]).toMatchObject({ reason: expect.stringContaining('England, step 2'), stepsBefore: null, diff: null });
    expect(history.changes[1]).toMatchObject({ byStaffId: w.p1.id, reason: 'Poor sleep is the main worry; fewer sessions suit her shifts', diff: { added: 2, removed: 1, reordered: true } });
    expect(history.changes[1].stepsBefore).toEqual(plan.steps);
    const audit = await auditOf('plan.update', plan.id);
    expect(audit).toHaveLength(1);
    // Counts only: never the reason's words.
    expect(JSON.stringify(audit[0]!.details)).not.toContain('sleep');
  });

  it('refuses a stale edit over a newer one, and an unknown module, changing nothing', async () => {
    const { episodeId } = await clientWithEpisode();
    const [p1, p2] = [await as(w.p1), await as(w.p2)];
    // p2 joins the care team and edits first; p1 still has version 1 open.
    const plan = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    const clientId = plan.clientId;
    expect((await p1.post(`/api/clients/${clientId}/care-team`, { staffId: w.p2.id })).statusCode).toBeLessThan(300);
    const p2Steps = plan.steps.slice(0, -1);
    expect((await p2.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps: p2Steps, reason: 'Ending is covered in session 6' })).statusCode).toBe(200);

    const stale = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps: plan.steps.slice(1), reason: 'Skip the first session' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'write.stale_version', message: expect.stringContaining('Reload') });
    const now = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    expect(now.version).toBe(2);
    expect(now.steps).toEqual(p2Steps);

    const unknown = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 2, steps: [{ ...p2Steps[1]!, moduleId: 'hypnosis' }], reason: 'Try something new' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body/steps/0/moduleId', message: 'there is no module "hypnosis" in the programme' }]);
    const unchanged = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 2, steps: p2Steps, reason: 'No change' });
    expect(unchanged.statusCode).toBe(400);
    const noReason = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 2, steps: p2Steps.slice(1) });
    expect(noReason.statusCode).toBe(400);
    expect((await p1.get(`/api/episodes/${episodeId}/plan`)).json().version).toBe(2);
    expect((await p1.get(`/api/episodes/${episodeId}/plan/history`)).json().changes).toHaveLength(2);
  });

  it('is read-only once the episode has ended: kept as a record, edits refused with episode.closed', async () => {
    const { episodeId } = await clientWithEpisode();
    const p1 = await as(w.p1);
    const plan = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    const discharged = await p1.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true });
    expect(discharged.statusCode, discharged.body).toBe(200);
    const refused = await p1.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps: plan.steps.slice(1), reason: 'Too late' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('episode.closed');
    expect((await p1.post(`/api/episodes/${episodeId}/plan`, { id: newId(t.clock.now()), templateId: 'england-step-2' })).json().error.code).toBe('episode.closed');
    const after = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    expect(after).toMatchObject({ version: 1, editable: false });
    expect(after.steps).toEqual(plan.steps);
  });

  it('a supervisor reads it but cannot change it; another caseload cannot see it', async () => {
    const { episodeId } = await clientWithEpisode();
    const supervisor = await as(w.supervisor);
    const plan = (await supervisor.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    expect(plan.version).toBe(1);
    expect((await supervisor.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps: plan.steps.slice(1), reason: 'Supervisor edit' })).statusCode).toBe(404);
    expect((await (await as(w.p2)).get(`/api/episodes/${episodeId}/plan`)).statusCode).toBe(404);
    expect((await (await as(w.pOther)).get(`/api/episodes/${episodeId}/plan/history`)).statusCode).toBe(404);
  });

  it('is made from a template for an episode that has none (idempotent by id); a second plan is refused', async () => {
    const { episodeId } = await clientWithEpisode();
    // As for an episode opened before plans existed.
    const old = (await t.database.db.selectFrom('treatment_plan').select('id').where('episode_id', '=', episodeId).executeTakeFirstOrThrow()).id;
    await t.database.db.deleteFrom('treatment_plan_change').where('plan_id', '=', old).execute();
    await t.database.db.deleteFrom('treatment_plan').where('id', '=', old).execute();
    const p1 = await as(w.p1);
    expect((await p1.get(`/api/episodes/${episodeId}/plan`)).json().error.code).toBe('plan.not_found');
    const body = { id: newId(t.clock.now()), templateId: 'example-uk-low-intensity' };
    const made = await p1.post(`/api/episodes/${episodeId}/plan`, body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ id: body.id, template: { id: 'example-uk-low-intensity', isExample: true }, summary: { faceToFace: 6, online: 5 } });
    expect((await p1.post(`/api/episodes/${episodeId}/plan`, body)).statusCode).toBe(201);
    const second = await p1.post(`/api/episodes/${episodeId}/plan`, { id: newId(t.clock.now()), templateId: 'england-step-2' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('plan.already_exists');
  });
});

describe('the client’s own plan', () => {
  it('shows the client their plan — steps, how each is delivered, module titles — and nothing of the care team’s record', async () => {
    const { client, episodeId } = await clientWithEpisode();
    const res = await (await as(client)).get('/api/me/plan');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { plan } = res.json();
    expect(plan).toMatchObject({ faceToFace: 6, online: 4 });
    expect(plan.steps[0]).toEqual({ id: expect.any(String), mode: 'face_to_face', purpose: expect.any(String), plannedWeek: 1, module: null });
    expect(plan.steps[1].module).toEqual({ id: 'understanding-depression', title: 'Understanding depression' });
    expect(JSON.stringify(res.json())).not.toMatch(/reason|template|requiredComponents|updatedBy|england/i);

    // Another client sees only their own (none yet); staff have no "own" plan.
    const other = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
    expect((await (await as(other)).get('/api/me/plan')).json()).toEqual({ plan: null });
    expect((await (await as(w.p1)).get('/api/me/plan')).statusCode).toBe(403);

    // After discharge the client keeps crisis information only: no plan.
    const p1 = await as(w.p1);
    expect((await p1.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true })).statusCode).toBe(200);
    expect((await (await as(client)).get('/api/me/plan')).json()).toEqual({ plan: null });
  });

  it('opens programme modules in the order of the plan’s online steps; without a plan, the default order', async () => {
    const withoutPlan = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
    expect((await (await as(withoutPlan)).get('/api/me/programme')).json().openModules).toEqual(['understanding-depression']);

    const { client, episodeId } = await clientWithEpisode();
    const p1 = await as(w.p1);
    const plan = (await p1.get(`/api/episodes/${episodeId}/plan`)).json() as TreatmentPlan;
    const sleep: PlanStep = { id: newId(t.clock.now()), mode: 'online', component: 'sleep', moduleId: 'sleep', purpose: 'Simple habits for better sleep', plannedWeek: 1 };
    expect((await p1.put(`/api/episodes/${episodeId}/plan`, { version: 1, steps: [sleep, ...plan.steps], reason: 'Sleep first, as agreed' })).statusCode).toBe(200);
    const own = (await (await as(client)).get('/api/me/programme')).json();
    expect(own.openModules).toEqual(['sleep']);
    expect(own.nextStep.moduleId).toBe('sleep');
    expect((await p1.get(`/api/clients/${client.id}/programme`)).json().openModules).toEqual(['sleep']);
  });
});
