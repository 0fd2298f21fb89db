// What the product page defines, shared by the pages.

/** The eight governance event types (GET /api/events, channel "events", routing rules, runbook links). */
export const EVENT_TYPES = [
  'action.blocked', 'policy.violation', 'auth.failed', 'auth.mfa_failed',
  'anomaly.detected', 'action.approved', 'action.resolved', 'action.acknowledged',
];

/** The page's "Severity Mapping" table: ASCEND risk → PagerDuty severity (the defaults). */
export const RISK_LEVELS = [
  { level: 'critical', label: 'Critical (90-100)', severity: 'critical', description: 'Pages immediately' },
  { level: 'high', label: 'High (70-89)', severity: 'error', description: 'High urgency' },
  { level: 'medium', label: 'Medium (40-69)', severity: 'warning', description: 'Low urgency' },
  { level: 'low', label: 'Low (0-39)', severity: 'info', description: 'Informational' },
];

export const SEVERITIES = ['critical', 'error', 'warning', 'info'];

export const DELIVERY_STATUSES = ['pending', 'in_flight', 'delivered', 'failed', 'dead'];

export function setTitle(text) {
  document.title = `${text} · ASCEND Notify`;
}
