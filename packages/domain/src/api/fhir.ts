import { z } from 'zod';

/**
 * Schemas of the FHIR routes (decision 0038). A FHIR resource is validated against the FHIR R4
 * specification in the tests (a real validator), not here: the API schema only fixes the envelope
 * and lets every element of a resource through unchanged.
 */
/**
 * The server's FHIR base path: `<origin>/api/fhir` (decision 0038; the import's routes use the same
 * base, decision 0039). Under /api so sessions, the origin check and the route walk apply.
 */
export const fhirBasePath = '/api/fhir';

const FhirResourceSchema = z.looseObject({ resourceType: z.string(), id: z.string() }).meta({ id: 'FhirResource', description: 'A FHIR R4 resource (JSON).' });

export const FhirBundleSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    id: z.string(),
    type: z.enum(['collection', 'searchset']),
    timestamp: z.string(),
    total: z.number().int().optional(),
    entry: z.array(z.looseObject({ fullUrl: z.string(), resource: FhirResourceSchema })),
  })
  .meta({ id: 'FhirBundle', description: 'A FHIR R4 Bundle (application/fhir+json).' });

export const FhirQuestionnaireSchema = FhirResourceSchema.extend({ resourceType: z.literal('Questionnaire') }).meta({ id: 'FhirQuestionnaire' });

/** GET /fhir/Questionnaire/:id — one of our instruments by its id (phq9, gad7, wsas). */
export const FhirQuestionnaireParamsSchema = z.strictObject({ id: z.string().max(64) });
