/**
 * Fetches one of the client's own downloads and hands it to the browser as a file. A fetch (not a
 * plain link) so that no connection, or a refusal, is said in words on the page instead of the
 * browser's own error page.
 */
export type DownloadResult = 'done' | 'offline' | 'failed';

export async function downloadOwnData(path: '/api/me/data' | '/api/me/data.html', fileName: string): Promise<DownloadResult> {
  if (!navigator.onLine) return 'offline';
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return 'offline';
  }
  if (!response.ok) return 'failed';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'done';
}
