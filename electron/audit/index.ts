/** Many apexes at once on the pooled engine. */
export { parseAuditInput } from './audit-input'
export { runAudit } from './run-audit'
