import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let origin: string;
let cookie: string;
let colleagueCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const org = await makeOrganisation(t.database.db, t.clock.now());
  const practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  const colleague = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  cookie = await signInAs(t.app, origin, practitioner.email);
  colleagueCookie = await signInAs(t.app, origin, colleague.email);
});
afterAll(() => t.close());

const register = (payload: object, as = cookie) => t.app.inject({ method: 'POST', url: '/api/clients', headers: { origin, cookie: as }, payload });
const base = { givenName: 'Robin', familyName: 'Hale', dateOfBirth: '1980-02-29', email: 'robin.hale@example.test' };

describe('registering a client', () => {
  it('stores the identity and contact details, and the practitioner joins the care team', async () => {
    const id = newId(t.clock.now());
    const res = await register({
      ...base,
      id,
      nhsNumber: '943 476 5919',
      phone: '07700 900123',
      gpPractice: 'Riverside Medical Practice',
      emergencyContact: { name: 'Jo Hale', phone: '07700 900456', relationship: 'sister' },
      preferredLanguage: 'cy',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id,
      nhsNumber: '9434765919',
      timeZone: 'Europe/London',
      preferredLanguage: 'cy',
      accountStatus: 'not_invited',
      access: 'care_team',
      emergencyContact: { name: 'Jo Hale', phone: '07700 900456', relationship: 'sister' },
    });
    expect(res.json().careTeam).toHaveLength(1);
  });

  it('answers a retry with the same record, and refuses the same id with other details', async () => {
    const id = newId(t.clock.now());
    expect((await register({ ...base, id, email: 'retry@example.test' })).statusCode).toBe(201);
    expect((await register({ ...base, id, email: 'retry@example.test' })).statusCode).toBe(201);
    const changed = await register({ ...base, id, email: 'retry@example.test', familyName: 'Other' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('write.id_conflict');
  });

  it('refuses a second record under the same NHS number, naming the field', async () => {
    expect((await register({ ...base, id: newId(t.clock.now()), nhsNumber: '4010232137' })).statusCode).toBe(201);
    const res = await register({ ...base, id: newId(t.clock.now()), nhsNumber: '401 023 2137' }, colleagueCookie);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'client.duplicate_nhs_number', details: [{ path: 'body/nhsNumber', message: 'is already registered' }] });
  });

  it.each([
    ['an NHS number with a wrong check digit', { nhsNumber: '9434765918' }, 'body/nhsNumber'],
    ['a date that does not exist', { dateOfBirth: '1981-02-29' }, 'body/dateOfBirth'],
    ['an email that is not one', { email: 'robin at example' }, 'body/email'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body/timeZone'],
    ['an empty family name', { familyName: '  ' }, 'body/familyName'],
  ])('refuses %s', async (_name, fields, path) => {
    const id = newId(t.clock.now());
    const res = await register({ ...base, id, ...fields });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.database.db.selectFrom('client').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });
});
