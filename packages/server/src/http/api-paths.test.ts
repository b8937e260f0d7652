import { describe, expect, it } from 'vitest';
import { isApiPath } from './api-paths';

describe('isApiPath', () => {
  it.each([
    ['/api', true],
    ['/api/', true],
    ['/api/me', true],
    ['/api/me?x=1', true],
    ['/api/fhir/Questionnaire', true],
    ['/fhir/Questionnaire', false],
    ['/', false],
    ['/apis', false],
    ['/staff/api/me', false],
    ['/staff/', false],
    ['/?next=/api/me', false],
  ])('%s → %s', (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
  });
});
