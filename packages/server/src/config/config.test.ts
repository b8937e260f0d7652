import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env, '/srv/tandem');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({}, '/srv/tandem');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/tandem/data' });
    expect(config.port).toBe(3000);
    expect(config.publicOrigin).toBe('http://localhost:3000');
    expect(config.bodyLimitBytes).toBe(65536);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.internal:5432/tandem', DATABASE_POOL_SIZE: '20' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db.internal:5432/tandem', poolSize: 20 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }, '/srv/tandem').database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, ['PORT']],
    [{ PORT: '70000' }, ['PORT']],
    [{ DATABASE_URL: 'mysql://x' }, ['DATABASE_URL']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    [{ NODE_ENV: 'staging' }, ['NODE_ENV']],
    [{ PUBLIC_ORIGIN: 'ftp://tandem.example' }, ['PUBLIC_ORIGIN']],
    [{ TRUST_PROXY: 'yes' }, ['TRUST_PROXY']],
    [{ BODY_LIMIT_BYTES: '10' }, ['BODY_LIMIT_BYTES']],
    [{ PORT: 'x', JOB_POLL_MS: '1' }, ['PORT', 'JOB_POLL_MS']],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://tandem.example' }, ['DATABASE_URL']],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/tandem' }, ['PUBLIC_ORIGIN']],
  ])('refuses %j, naming %j', (env, variables) => {
    expect(problemsOf(env)).toEqual(variables);
  });

  it('says which variable is wrong in the start-up message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: /);
  });

  it('is documented: the README configuration table lists every variable', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(configVariables);
  });
});
