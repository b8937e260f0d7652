import { signInAs } from './factories';
import type { TestApp } from './test-app';

/** Requests as a signed-in person (their own cookie, the app's origin), for service tests. */
export async function sessionOf(t: TestApp, person: { email: string }) {
  const origin = t.config.publicOrigin;
  const cookie = await signInAs(t.app, origin, person.email);
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { origin, cookie }, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { origin, cookie }, payload }),
    delete: (url: string) => t.app.inject({ method: 'DELETE', url, headers: { origin, cookie } }),
  };
}
