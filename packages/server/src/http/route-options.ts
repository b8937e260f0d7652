import { ErrorBodySchema } from '@tandem/domain';

/** The error answers most routes can give, each with the one error body (for OpenAPI). */
export const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
} as const;

/** Route config for routes that need a signed-in session (the service then checks the policy). */
export const signedInRoute = { access: 'signed-in' as const };
