import { nhsNumberSystem, episodeStatusCode, stepText } from './codes';
import type { ExportClient, ExportEpisode, ExportStaff, FhirExportInput } from './export-input';
import { ref, type FhirResource } from './resource';

/** The service that holds the record (Patient.managingOrganization, EpisodeOfCare.managingOrganization). */
export function toOrganization(organisation: FhirExportInput['organisation']): FhirResource {
  return { resourceType: 'Organization', id: organisation.id, active: true, name: organisation.name };
}

/**
 * The client. Identity as on every clinical screen (BRIEF.md, "Safety principles"): name, date of
 * birth, NHS number where known. The GP practice is free text in Tandem, not an organisation the
 * bundle could point to, so it is left out (decision 0038).
 */
export function toPatient(client: ExportClient, organisationId: string): FhirResource {
  const telecom = [
    { system: 'email', value: client.email, use: 'home' },
    ...(client.phone ? [{ system: 'phone', value: client.phone, use: 'mobile' }] : []),
  ];
  const contact = client.emergencyContact
    ? [
        {
          ...(client.emergencyContact.relationship ? { relationship: [{ text: client.emergencyContact.relationship }] } : {}),
          name: { text: client.emergencyContact.name },
          telecom: [{ system: 'phone', value: client.emergencyContact.phone }],
        },
      ]
    : [];
  return {
    resourceType: 'Patient',
    id: client.id,
    ...(client.nhsNumber ? { identifier: [{ system: nhsNumberSystem, value: client.nhsNumber }] } : {}),
    active: true,
    name: [{ use: 'official', family: client.familyName, given: [client.givenName] }],
    telecom,
    birthDate: client.dateOfBirth,
    ...(contact.length ? { contact } : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: client.preferredLanguage }] }, preferred: true }],
    managingOrganization: ref('Organization', organisationId),
  };
}

/** A member of staff, by the name the service shows; nothing else about them leaves (minimisation). */
export function toPractitioner(staff: ExportStaff): FhirResource {
  return { resourceType: 'Practitioner', id: staff.id, active: true, name: [{ text: staff.displayName }] };
}

/**
 * The client's care team. Tandem keeps it as a list of staff on the client, with no id of its own:
 * the CareTeam takes the client's id (unique per type; `CareTeam/<clientId>`).
 */
export function toCareTeam(clientId: string, careTeam: string[], organisationId: string): FhirResource {
  return {
    resourceType: 'CareTeam',
    id: clientId,
    status: 'active',
    name: 'Care team',
    subject: ref('Patient', clientId),
    participant: careTeam.map((staffId) => ({ member: ref('Practitioner', staffId) })),
    managingOrganization: [ref('Organization', organisationId)],
  };
}

/** A referral: one episode of care, with its step and the practitioner who holds it. */
export function toEpisodeOfCare(episode: ExportEpisode, clientId: string, organisationId: string): FhirResource {
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.id,
    status: episodeStatusCode[episode.status],
    type: [{ text: stepText[episode.step] }],
    patient: ref('Patient', clientId),
    managingOrganization: ref('Organization', organisationId),
    period: { start: episode.referralDate, ...(episode.endedOn ? { end: episode.endedOn } : {}) },
    careManager: ref('Practitioner', episode.assignedPractitionerId),
    team: [ref('CareTeam', clientId)],
  };
}
