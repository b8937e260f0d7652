import { describe, expect, it } from 'vitest';
import type { Actor, StaffRole } from '../identity/actor';
import { clientAccess, type ClientAccessFacts } from './client-access';

const org = 'org-a';
const facts: ClientAccessFacts = {
  clientId: 'client-1',
  organisationId: org,
  careTeam: ['prac-1'],
  supervisorsOfCareTeam: ['super-1'],
  breakGlass: ['admin-glass'],
  openAlertRecipients: ['duty-1'],
};
const staff = (staffId: string, roles: StaffRole[], organisationId = org): Actor => ({
  type: 'staff',
  accountId: `acc-${staffId}`,
  staffId,
  organisationId,
  roles,
});
const client = (clientId: string, organisationId = org): Actor => ({ type: 'client', accountId: `acc-${clientId}`, clientId, organisationId });

describe('clientAccess', () => {
  it.each([
    ['the client themself', client('client-1'), 'self', true, false],
    ['another client', client('client-2'), null, false, false],
    ['a practitioner on the care team', staff('prac-1', ['practitioner']), 'care_team', true, true],
    ['a practitioner not on the care team', staff('prac-2', ['practitioner']), null, false, false],
    ['the supervisor of the care-team practitioner', staff('super-1', ['supervisor']), 'supervision', true, false],
    ['another supervisor', staff('super-2', ['supervisor']), null, false, false],
    ['a supervisor who is also on the care team (acts as practitioner)', staff('prac-1', ['practitioner', 'supervisor']), 'care_team', true, true],
    ['an admin without break-glass', staff('admin-1', ['admin']), null, false, false],
    ['an admin with break-glass', staff('admin-glass', ['admin']), 'break_glass', true, false],
    ['the duty practitioner an open alert is routed to', staff('duty-1', ['practitioner']), 'alert_recipient', true, false],
    ['a duty practitioner of another organisation', staff('duty-1', ['practitioner'], 'org-b'), null, false, false],
    ['a care-team id in another organisation', staff('prac-1', ['practitioner'], 'org-b'), null, false, false],
    ['the same client id in another organisation', client('client-1', 'org-b'), null, false, false],
    ['an integration whose token may not read FHIR', { type: 'service', serviceAccountId: 's', organisationId: org, tokenId: 't', scopes: ['measures:write', 'exports:read'] } as Actor, 'integration', false, false],
    ['an integration whose token may read FHIR', { type: 'service', serviceAccountId: 's', organisationId: org, tokenId: 't', scopes: ['fhir:read'] } as Actor, 'integration', true, false],
    ['an integration of another organisation', { type: 'service', serviceAccountId: 's', organisationId: 'org-b', tokenId: 't', scopes: ['fhir:read'] } as Actor, null, false, false],
    ['the system', { type: 'system', component: 'job', organisationId: org } as Actor, null, false, false],
  ])('%s', (_name, actor, basis, read, editDetails) => {
    const access = clientAccess(actor, facts);
    expect(access.basis).toBe(basis);
    expect(access.allowed.read).toBe(read);
    expect(access.allowed.editDetails).toBe(editDetails);
    if (!read) expect(Object.values(access.allowed).every((v) => v === false)).toBe(true);
  });
});
