import fs from 'node:fs';
import path from 'node:path';

/**
 * Two processes opening one PGlite data folder corrupt it without any error (STACK-NOTES, PGlite
 * trap 2). The server holds `<dataDir>.lock` while it runs; any other process — a second server or
 * a CLI command — refuses with a clear message. A lock left by a killed process (its pid no longer
 * runs) is taken over. HAZ-002; data-lock.test.ts.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Tandem process (pid ${pid}). ` +
        'Stop the running server first (or run this command through it); two processes on one data folder corrupt it.',
    );
    this.name = 'DataDirLockedError';
  }
}

function pidIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Takes the lock for a data folder, or throws DataDirLockedError. */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && pidIsRunning(holder)) {
        throw new DataDirLockedError(path.resolve(dataDir), holder);
      }
      // A stale lock from a process that no longer runs (e.g. killed): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
