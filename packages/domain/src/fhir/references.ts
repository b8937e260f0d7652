import type { FhirBundle } from './bundle';

/** Every `reference` string anywhere inside a value, with the path where it was found. */
export function collectReferences(value: unknown, path = ''): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collectReferences(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'reference' && typeof v === 'string' ? [{ path: `${path}.reference`, reference: v }] : collectReferences(v, path ? `${path}.${key}` : key),
  );
}

/**
 * References in a bundle that do not resolve to one of its entries (FHIR R4 Bundle, "Resolving
 * references in Bundles"): a relative `Type/id` resolves against the base of the entry's own
 * `fullUrl`; an absolute URL or `urn:uuid:` must equal some entry's `fullUrl`. Empty when all resolve.
 */
export function unresolvedReferences(bundle: Pick<FhirBundle, 'entry'>): { fullUrl: string; path: string; reference: string }[] {
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  return bundle.entry.flatMap((entry) =>
    collectReferences(entry.resource)
      .filter(({ reference }) => {
        if (/^(https?:|urn:)/.test(reference)) return !fullUrls.has(reference);
        const match = /^(.*\/)[A-Za-z]+\/[^/]+$/.exec(entry.fullUrl);
        return !match || !fullUrls.has(`${match[1]}${reference}`) || !/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(reference);
      })
      .map((r) => ({ fullUrl: entry.fullUrl, ...r })),
  );
}
