import type { FullConfig } from '@playwright/test';
import { bootstrapAdmin } from './accounts';
import { bootstrapAdminApi } from './two-step';

/**
 * Once per run, after the test server has started: the bootstrap admin (made by `tandem
 * create-admin` in the webServer command) sets up two-step sign-in, as staff must at their first
 * sign-in, and one signed-in session of theirs is kept in the output folder for every worker
 * (e2e/two-step.ts) — so the workers invite staff without signing the admin in again and again.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects.find((p) => p.use.baseURL)?.use.baseURL;
  if (!baseURL) throw new Error('no baseURL in playwright.config.ts');
  const admin = await bootstrapAdminApi(baseURL, bootstrapAdmin);
  await admin.dispose();
}
