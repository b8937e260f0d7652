import { instrumentIds, instruments } from '../measures/instruments';
import { toFhirQuestionnaire } from '../measures/fhir-questionnaire';
import { isAttended } from './codes';
import type { FhirExportInput } from './export-input';
import { instant, type FhirResource } from './resource';
import { toAppointment, toCarePlan, toCommunication, toConsent, toEncounter, toFlag, toTask } from './resources-care';
import { questionnairesUsed, toMoodObservation, toQuestionnaireResponse, toTotalObservation } from './resources-measures';
import { toCareTeam, toEpisodeOfCare, toOrganization, toPatient, toPractitioner } from './resources-people';

export interface FhirBundleEntry {
  fullUrl: string;
  resource: FhirResource;
  /** For a searchset: why the entry is there. */
  search?: { mode: 'match' };
  [element: string]: unknown;
}

export interface FhirBundle {
  [element: string]: unknown;
  resourceType: 'Bundle';
  id: string;
  type: 'collection' | 'searchset';
  timestamp: string;
  total?: number;
  entry: FhirBundleEntry[];
}

/** `<base>/<Type>/<id>`: the entry's identity, against which its `Type/id` references resolve. */
export function fullUrlOf(baseUrl: string, resource: FhirResource): string {
  return `${baseUrl}/${resource.resourceType}/${resource.id}`;
}

/**
 * Staff ids the export's records name. The server loads exactly these as Practitioners, so every
 * Practitioner reference resolves inside the bundle.
 */
export function staffIdsNamed(input: Omit<FhirExportInput, 'staff' | 'baseUrl' | 'bundleId' | 'generatedAt' | 'organisation' | 'client'>): string[] {
  const ids = new Set<string>(input.careTeam);
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  for (const e of input.episodes) add(e.assignedPractitionerId);
  for (const p of input.plans) add(p.createdBy);
  for (const h of input.homework) add(h.setBy);
  for (const r of input.responses) add(r.authorStaffId);
  for (const a of input.appointments) add(a.practitionerId);
  for (const m of input.messages) {
    add(m.authorStaffId);
    add(m.routedToStaffId);
  }
  for (const c of input.consents) if (c.recordedByType === 'staff') add(c.recordedById);
  return [...ids].sort();
}

/**
 * One client's record as a FHIR R4 `collection` Bundle (issue 12 item 1; decision 0038): the
 * client, the staff their records name, the care team, episodes, plans, homework, questionnaires
 * and their answers, scores and mood ratings, appointments and sessions, messages, open alerts and
 * consent. Pure: the same input gives the same bundle.
 */
export function buildClientBundle(input: FhirExportInput): FhirBundle {
  const clientId = input.client.id;
  const orgId = input.organisation.id;
  const episodes = new Map(input.episodes.map((e) => [e.id, e]));
  const planOfEpisode = new Map(input.plans.map((p) => [p.episodeId, p.id]));
  const attended = new Set(input.appointments.filter((a) => isAttended(a.status)).map((a) => a.id));
  const encounterOf = (appointmentId: string | null) => (appointmentId && attended.has(appointmentId) ? appointmentId : null);
  const lastConsent = input.consents.at(-1)?.id;

  const resources: FhirResource[] = [
    toPatient(input.client, orgId),
    toOrganization(input.organisation),
    ...input.staff.map(toPractitioner),
    toCareTeam(clientId, input.careTeam, orgId),
    ...input.episodes.map((e) => toEpisodeOfCare(e, clientId, orgId)),
    ...input.plans.map((p) => toCarePlan(p, episodes.get(p.episodeId), clientId)),
    ...input.homework.map((h) => toTask(h, planOfEpisode.get(h.episodeId), clientId)),
    ...questionnairesUsed(input.responses),
    ...input.responses.map((r) => toQuestionnaireResponse(r, clientId, encounterOf(r.appointmentId))),
    ...input.responses.flatMap((r) => toTotalObservation(r, clientId, encounterOf(r.appointmentId)) ?? []),
    ...input.checkIns.map((c) => toMoodObservation(c, clientId)),
    ...input.appointments.map((a) => toAppointment(a, clientId)),
    ...input.appointments.flatMap((a) => toEncounter(a, clientId) ?? []),
    ...input.messages.map((m) => toCommunication(m, clientId)),
    ...input.openAlerts.map((a) => toFlag(a, clientId, orgId)),
    ...input.consents.map((c) => toConsent(c, c.id === lastConsent, clientId)),
  ];
  return {
    resourceType: 'Bundle',
    id: input.bundleId,
    type: 'collection',
    timestamp: instant(input.generatedAt),
    entry: resources.map((resource) => ({ fullUrl: fullUrlOf(input.baseUrl, resource), resource })),
  };
}

/** Our instruments as a FHIR `searchset` Bundle (GET /fhir/Questionnaire). */
export function questionnaireSearchBundle(baseUrl: string, bundleId: string, at: Date): FhirBundle {
  const resources = instrumentIds.map((id) => toFhirQuestionnaire(instruments[id]) as FhirResource);
  return {
    resourceType: 'Bundle',
    id: bundleId,
    type: 'searchset',
    timestamp: instant(at),
    total: resources.length,
    entry: resources.map((resource): FhirBundleEntry => ({ fullUrl: fullUrlOf(baseUrl, resource), resource, search: { mode: 'match' } })),
  };
}
