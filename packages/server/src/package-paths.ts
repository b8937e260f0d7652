import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `from` whose package.json is @tandem/server's. */
function findServerPackage(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === '@tandem/server') return dir;
    if (path.dirname(dir) === dir) throw new Error(`@tandem/server's package.json was not found above ${from}`);
  }
}

/**
 * The server package's folder, found the same way whether this code runs from its sources
 * (src/…, through tsx) or from the built bundle (dist/tandem.mjs): paths to the web app's build,
 * the programme's content and the package's version start here, never from a module's own folder.
 */
export const serverPackageDir = findServerPackage(import.meta.dirname);

/** The repository's root (the npm workspace), two levels up. */
export const repositoryDir = path.resolve(serverPackageDir, '../..');
