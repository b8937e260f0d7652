import { z } from 'zod';
import { fhirIssueSeverities, fhirIssueTypes } from '../fhir-import/operation-outcome';

/*
 * Schemas of the FHIR import route (decision 0039), for OpenAPI and the answer's serialisation.
 * The request is read by `readQuestionnaireResponse` (fhir-import/), not by a zod schema: every
 * problem is then told as an OperationOutcome issue with its FHIRPath, the way FHIR systems expect.
 */

const CodingSchema = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const ReferenceSchema = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });

/** POST /api/fhir/QuestionnaireResponse — a FHIR R4 QuestionnaireResponse (what Tandem reads of it; other R4 elements are allowed). */
export const FhirQuestionnaireResponseSchema = z
  .looseObject({
    resourceType: z.literal('QuestionnaireResponse'),
    /** A UUID made once by the sender: the idempotency key. */
    id: z.uuid(),
    meta: z.looseObject({ versionId: z.string().optional(), lastUpdated: z.string().optional() }).optional(),
    /** Our Questionnaire's canonical URL, optionally `|version` (GET /fhir/Questionnaire). */
    questionnaire: z.string(),
    status: z.literal('completed'),
    /** `Patient/<client id>`. */
    subject: ReferenceSchema,
    authored: z.string(),
    author: ReferenceSchema.optional(),
    source: ReferenceSchema.optional(),
    item: z.array(z.looseObject({ linkId: z.string(), answer: z.array(z.looseObject({ valueCoding: CodingSchema })) })),
  })
  .meta({ id: 'FhirQuestionnaireResponse', description: 'A FHIR R4 QuestionnaireResponse for one of Tandem’s Questionnaires (PHQ-9, GAD-7, WSAS).' });
export type FhirQuestionnaireResponse = z.infer<typeof FhirQuestionnaireResponseSchema>;

/** A FHIR R4 OperationOutcome: every answer of a FHIR route that is not a success. */
export const OperationOutcomeSchema = z
  .object({
    resourceType: z.literal('OperationOutcome'),
    issue: z
      .array(
        z.object({
          severity: z.enum(fhirIssueSeverities),
          code: z.enum(fhirIssueTypes),
          /** Tandem's error code (system …/CodeSystem/error-code) and its message. */
          details: z.object({ coding: z.array(z.object({ system: z.string(), code: z.string() })), text: z.string() }).optional(),
          diagnostics: z.string().optional(),
          /** Where the problem is, as FHIRPath, e.g. QuestionnaireResponse.item[3].answer[0].valueCoding. */
          expression: z.array(z.string()).optional(),
        }),
      )
      .min(1),
  })
  .meta({ id: 'OperationOutcome' });
