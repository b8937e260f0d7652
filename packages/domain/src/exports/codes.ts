import type { AppointmentStatus } from '../episodes/appointment';
import type { appointmentPurposes, contactMethods } from '../episodes/appointment';

/*
 * Tandem's appointment vocabulary in the code values of the NHS Talking Therapies for anxiety and
 * depression Data Set (formerly the IAPT Data Set, v2.x), care contact table IDS201. A code is
 * given only where Tandem's value means the same thing; where it does not, the cell is left empty
 * (null) and the data dictionary says so — never the nearest code (HAZ-109).
 *
 * Sources, as cited next to each list:
 * - [dd-attend] NHS Data Model and Dictionary, ATTENDED OR DID NOT ATTEND (the AttendOrDNACode of
 *   IDS201); NHS England's Talking Therapies analytics code counts '5' and '6' as attended
 *   (github nhsengland/Talking-Therapies: `AttendOrDNACode IN ('5','6')`).
 * - [tt-apptype] NHS England's Talking Therapies analytics code (github nhsengland/Talking-Therapies,
 *   average-waits query): `AppType = 01 'Assessment'`, `02 'Treatment'`, `03 'Assessment and
 *   treatment'`, `05 'Review and treatment'`; treatment-based appointments are 02, 03 and 05.
 * - [mh-mechanism] CONSULTATION MECHANISM as used in NHS England's MHSDS v5 and Talking Therapies
 *   v2.1 analytics code: '01' face to face, '02' telephone, '04' talk type for a person unable to
 *   speak, '11' video consultation (the code comments name each; '03', the old "telemedicine web
 *   camera", was replaced by '11').
 */

/** AttendOrDNACode [dd-attend]. A booked appointment has no outcome yet, so no code. */
export const attendanceCodes: Record<AppointmentStatus, string | null> = {
  /** 5: attended on time or, if late, before the professional was ready to see the patient. */
  attended: '5',
  /** 6: arrived late, after the professional was ready, but was seen. Tandem's "attended late" is seen (it counts as attended). */
  attended_late: '6',
  /** 3: did not attend, no advance warning given. */
  did_not_attend: '3',
  /** 2: appointment cancelled by, or on behalf of, the patient. */
  cancelled_by_client: '2',
  /** 4: appointment cancelled or postponed by the health care provider. */
  cancelled_by_service: '4',
  booked: null,
};

/**
 * AppType [tt-apptype]. Tandem's "review" is not a treatment contact (it does not count towards
 * finished treatment, BRIEF.md), while the data set's nearest code, 05 "review and treatment", is
 * one: mapping it would add treatment contacts the service never gave. It is left empty.
 */
export const appointmentTypeCodes: Record<(typeof appointmentPurposes)[number], string | null> = {
  assessment: '01',
  treatment: '02',
  review: null,
};

/**
 * ConsMechanism [mh-mechanism]. "Supported digital" (online work with a practitioner's support)
 * has no single mechanism — it may be messages, email or none — so it is left empty; the data set
 * records internet-enabled therapy in its own table, which Tandem does not produce.
 */
export const contactMechanismCodes: Record<(typeof contactMethods)[number], string | null> = {
  face_to_face: '01',
  phone: '02',
  video: '11',
  supported_digital: null,
};
