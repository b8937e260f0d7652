import { createHash } from 'node:crypto';
import type { DataSection, SubjectAccessExport } from '@tandem/domain';

/**
 * The readable form of a subject-access download: one self-contained HTML page with headings and
 * tables, printable, with no script. Its only style is the <style> block below; the response
 * carries its own Content-Security-Policy allowing exactly that block by its SHA-256 (and
 * nothing else: no script, image, font, frame or form), so the page stays inert when opened from
 * the downloads folder or the server.
 */
const style = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1b1b1b}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f0f0}
.note{border-left:4px solid #005eb8;padding:.5rem 1rem;background:#eef5fb}
code{white-space:pre-wrap;font-size:.8rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

export const subjectAccessCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "recorded_at" → "Recorded at". */
function heading(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return `<code>${escapeHtml(JSON.stringify(value, null, 1))}</code>`;
}

function renderSection(s: DataSection): string {
  const title = `<h2 id="${escapeHtml(s.key)}">${escapeHtml(s.title)}</h2>`;
  if (s.rows.length === 0) return `${title}\n<p>Nothing here.</p>`;
  const columns = [...new Set(s.rows.flatMap((r) => Object.keys(r)))];
  const head = `<tr>${columns.map((c) => `<th scope="col">${escapeHtml(heading(c))}</th>`).join('')}</tr>`;
  const body = s.rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('\n');
  return `${title}\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function renderSubjectAccessHtml(data: SubjectAccessExport): string {
  const contents = data.sections.map((s) => `<li><a href="#${escapeHtml(s.key)}">${escapeHtml(s.title)}</a> (${s.rows.length})</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data from ${escapeHtml(data.service)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Your data from ${escapeHtml(data.service)}</h1>
<p>This is a copy of what Tandem keeps about you. It was made on ${escapeHtml(data.generatedAt.slice(0, 10))}. Times are in UTC.</p>
<p class="note">${escapeHtml(data.onRequest)}</p>
<h2 id="contents">What is in this copy</h2>
<ul>
${contents}
</ul>
${data.sections.map(renderSection).join('\n')}
</main>
</body>
</html>
`;
}
