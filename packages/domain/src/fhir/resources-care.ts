import { homeworkItemKey } from '../homework/homework';
import {
  alertFlagText,
  appointmentStatusCode,
  consentPolicyUri,
  contactMethodText,
  encounterClass,
  isAttended,
  purposeText,
  treatmentConsentScope,
} from './codes';
import type { ExportAlert, ExportAppointment, ExportConsent, ExportEpisode, ExportHomework, ExportMessage, ExportPlan } from './export-input';
import { instant, plusMinutes, ref, type FhirReference, type FhirResource } from './resource';

const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');

/** The treatment plan: one activity per planned step, in the plan's order. Progress lives in Tandem. */
export function toCarePlan(plan: ExportPlan, episode: ExportEpisode | undefined, clientId: string): FhirResource {
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    status: episode?.status === 'ended' ? 'completed' : 'active',
    intent: 'plan',
    title: plan.templateName,
    subject: ref('Patient', clientId),
    created: instant(plan.createdAt),
    ...(plan.createdBy ? { author: ref('Practitioner', plan.createdBy) } : {}),
    careTeam: [ref('CareTeam', clientId)],
    supportingInfo: [ref('EpisodeOfCare', plan.episodeId)],
    activity: plan.steps.map((step) => ({
      detail: {
        code: { text: `${words(step.component)} (${step.mode === 'online' ? 'online step' : 'session'})` },
        status: 'not-started',
        description: step.purpose,
        ...(step.plannedWeek !== null ? { scheduledString: `Week ${step.plannedWeek}` } : {}),
      },
    })),
  };
}

/** Homework: one Task per assignment, its steps and exercises as inputs, due on its due date. */
export function toTask(homework: ExportHomework, planId: string | undefined, clientId: string): FhirResource {
  return {
    resourceType: 'Task',
    id: homework.id,
    ...(planId ? { basedOn: [ref('CarePlan', planId)] } : {}),
    status: homework.status === 'cancelled' ? 'cancelled' : 'requested',
    ...(homework.status === 'cancelled' && homework.cancelReason ? { statusReason: { text: homework.cancelReason } } : {}),
    intent: 'order',
    code: { text: 'Homework' },
    description: `Homework: ${homework.items.length} thing${homework.items.length === 1 ? '' : 's'} to do before the next session`,
    for: ref('Patient', clientId),
    owner: ref('Patient', clientId),
    authoredOn: instant(homework.setAt),
    ...(homework.setBy ? { requester: ref('Practitioner', homework.setBy) } : {}),
    restriction: { period: { end: homework.dueOn } },
    input: homework.items.map((item) => ({
      type: { text: item.kind === 'step' ? 'Programme step' : 'Exercise' },
      valueString: homeworkItemKey(item),
    })),
  };
}

/** An appointment as booked, with what became of it. */
export function toAppointment(appointment: ExportAppointment, clientId: string): FhirResource {
  const status = appointmentStatusCode[appointment.status];
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    status,
    ...(status === 'cancelled' ? { cancelationReason: { text: appointment.status === 'cancelled_by_client' ? 'Cancelled by the client' : 'Cancelled by the service' } } : {}),
    appointmentType: { text: purposeText[appointment.purpose] },
    description: `${purposeText[appointment.purpose]} (${contactMethodText[appointment.contactMethod].toLowerCase()})`,
    start: instant(appointment.startsAt),
    end: instant(plusMinutes(appointment.startsAt, appointment.durationMinutes)),
    minutesDuration: appointment.durationMinutes,
    participant: [
      { actor: ref('Patient', clientId), status: 'accepted' },
      { actor: ref('Practitioner', appointment.practitionerId), status: 'accepted' },
    ],
  };
}

/** An attended appointment is also an Encounter (the session that took place); null for the others. */
export function toEncounter(appointment: ExportAppointment, clientId: string): FhirResource | null {
  if (!isAttended(appointment.status)) return null;
  return {
    resourceType: 'Encounter',
    id: appointment.id,
    status: 'finished',
    class: { ...encounterClass[appointment.contactMethod] },
    type: [{ text: `${purposeText[appointment.purpose]} session (${contactMethodText[appointment.contactMethod].toLowerCase()})` }],
    subject: ref('Patient', clientId),
    episodeOfCare: [ref('EpisodeOfCare', appointment.episodeId)],
    participant: [{ individual: ref('Practitioner', appointment.practitionerId) }],
    appointment: [ref('Appointment', appointment.id)],
    period: { start: instant(appointment.startsAt), end: instant(plusMinutes(appointment.startsAt, appointment.durationMinutes)) },
  };
}

/**
 * A message between the client and the care team, with its words: the client's clinical record,
 * which the care team may export (decision 0038). A client's message goes to whoever it was routed
 * to, or to the care team.
 */
export function toCommunication(message: ExportMessage, clientId: string): FhirResource {
  const fromClient = message.authorType === 'client';
  const recipient: FhirReference = fromClient
    ? message.routedToStaffId
      ? ref('Practitioner', message.routedToStaffId)
      : ref('CareTeam', clientId)
    : ref('Patient', clientId);
  const sender = fromClient ? ref('Patient', clientId) : message.authorStaffId ? ref('Practitioner', message.authorStaffId) : null;
  return {
    resourceType: 'Communication',
    id: message.id,
    status: 'completed',
    subject: ref('Patient', clientId),
    about: [ref('EpisodeOfCare', message.episodeId)],
    sent: instant(message.recordedAt),
    received: instant(message.receivedAt),
    recipient: [recipient],
    ...(sender ? { sender } : {}),
    payload: [{ contentString: message.text }],
  };
}

/** An open alert, in neutral words: what happened and that the care team is following it up. */
export function toFlag(alert: ExportAlert, clientId: string, organisationId: string): FhirResource {
  return {
    resourceType: 'Flag',
    id: alert.id,
    status: 'active',
    code: { text: alertFlagText[alert.trigger] },
    subject: ref('Patient', clientId),
    period: { start: instant(alert.raisedAt) },
    author: ref('Organization', organisationId),
  };
}

const partText = {
  blendedTreatment: 'Using Tandem alongside sessions',
  messagingUnderstood: 'Understands how messages work, and that they are not watched around the clock',
  email: 'Contact by email',
  sms: 'Contact by text message',
  push: 'Contact by app notification',
  research: 'Use of de-identified data for research',
} as const;

/**
 * A consent record. Tandem keeps every answer as a new record: the newest is `active`, the earlier
 * ones `inactive`. Each part of the answer is a nested provision that permits or denies it; the
 * wording the client agreed to is the policy (invariant ppc-1).
 */
export function toConsent(consent: ExportConsent, isCurrent: boolean, clientId: string): FhirResource {
  const { choices } = consent;
  const parts: [keyof typeof partText, boolean][] = [
    ['blendedTreatment', choices.blendedTreatment],
    ['messagingUnderstood', choices.messagingUnderstood],
    ['email', choices.channels.email],
    ['sms', choices.channels.sms],
    ['push', choices.channels.push],
    ['research', choices.research],
  ];
  return {
    resourceType: 'Consent',
    id: consent.id,
    status: isCurrent ? 'active' : 'inactive',
    scope: { coding: [{ ...treatmentConsentScope }] },
    category: [{ text: 'Consent to blended treatment, contact and research use' }],
    patient: ref('Patient', clientId),
    dateTime: instant(consent.recordedAt),
    performer: [consent.recordedByType === 'client' ? ref('Patient', clientId) : ref('Practitioner', consent.recordedById)],
    policy: [{ uri: consentPolicyUri(consent.wordingVersion) }],
    provision: {
      provision: parts.map(([part, agreed]) => ({ type: agreed ? 'permit' : 'deny', code: [{ text: partText[part] }] })),
    },
  };
}
