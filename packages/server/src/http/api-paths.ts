/**
 * The paths the API answers: `/api` and everything under it, the FHIR base `/api/fhir` included
 * (decisions 0038, 0039). Sessions, API tokens, declared route access, the origin check and
 * `no-store` apply to them; every other path is the web app.
 */
export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname === '/api' || pathname.startsWith('/api/');
}
