/**
 * Which exports a member of staff may take (decision 0043; the server's `mayExport` decides, this
 * only hides what would be refused): the service-system export for admins, the research export for
 * supervisors and admins. The Exports link and page are shown when either is allowed.
 */
export function exportPermissions(admin: boolean, supervisor: boolean): { serviceSystem: boolean; research: boolean; any: boolean } {
  return { serviceSystem: admin, research: admin || supervisor, any: admin || supervisor };
}
