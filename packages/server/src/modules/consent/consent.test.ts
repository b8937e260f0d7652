import { consentWordingVersion, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { mayContactClient } from './consent.service';

let t: TestApp;
let origin: string;
let practitioner: Awaited<ReturnType<typeof makeStaff>>;
let client: Awaited<ReturnType<typeof makeClient>>;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const org = await makeOrganisation(t.database.db, t.clock.now());
  practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  client = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
});
afterAll(() => t.close());

const choices = (email: boolean, research = false) => ({
  blendedTreatment: true,
  messagingUnderstood: true,
  channels: { email, sms: false, push: false },
  research,
});

async function record(email: string, body: object) {
  const cookie = await signInAs(t.app, origin, email);
  return t.app.inject({ method: 'POST', url: `/api/clients/${client.id}/consent`, headers: { origin, cookie }, payload: body });
}

describe('consent', () => {
  it('is versioned: each answer is a new record, with its wording, time and who recorded it; a withdrawal takes effect at once', async () => {
    expect(await mayContactClient(t.database.db, client.id, 'email')).toBe(false);

    const first = await record(client.email, { id: newId(t.clock.now()), wordingVersion: consentWordingVersion, choices: choices(true) });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ wordingVersion: consentWordingVersion, recordedBy: { type: 'client', id: client.id } });
    expect(await mayContactClient(t.database.db, client.id, 'email')).toBe(true);

    t.clock.advance(60_000);
    const withdrawn = await record(practitioner.email, { id: newId(t.clock.now()), wordingVersion: consentWordingVersion, choices: choices(false) });
    expect(withdrawn.json().recordedBy).toEqual({ type: 'staff', id: practitioner.id });
    expect(await mayContactClient(t.database.db, client.id, 'email')).toBe(false);

    const cookie = await signInAs(t.app, origin, client.email);
    const history = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/consent`, headers: { cookie } });
    expect(history.json().current.choices.channels.email).toBe(false);
    expect(history.json().history).toHaveLength(2);
    expect(history.json().history[1].choices.channels.email).toBe(true);
  });

  it('answers a retry with the stored record, and refuses other answers under the same id', async () => {
    const body = { id: newId(t.clock.now()), wordingVersion: consentWordingVersion, choices: choices(true, true) };
    expect((await record(client.email, body)).statusCode).toBe(201);
    expect((await record(client.email, body)).statusCode).toBe(201);
    const changed = await record(client.email, { ...body, choices: choices(false, true) });
    expect(changed.statusCode).toBe(409);
  });

  it('refuses agreement to wording that is not the current one', async () => {
    const res = await record(client.email, { id: newId(t.clock.now()), wordingVersion: 'tandem-consent-2020-01', choices: choices(true) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body/wordingVersion');
  });
});
