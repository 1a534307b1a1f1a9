/**
 * Roles and the scopes they grant: the one place where this is decided. The gateway turns a
 * caller's role into scopes; `@requiresScopes` in the SDL and the subgraphs' own checks speak
 * only of scopes, so a role can change here without touching any schema.
 */

export const scopes = {
  /** The framework's structure and cross-sector status: sectors, bodies, actions, services. */
  frameworkRead: 'framework:read',
  /** Edit the framework itself: actions, focal points, crisis centres, reopening periods. */
  frameworkWrite: 'framework:write',
  /** Write the caller's own sector's data (the subgraph checks that it is the caller's sector). */
  sectorWrite: 'sector:write',
  /** Administer the caller's own sector: corrections, consent overrides within it. */
  sectorAdmin: 'sector:admin',
  /** Read case-level records of the caller's own sector. */
  casesRead: 'cases:read',
  /** Record cases, referrals and responses for the caller's own sector. */
  casesWrite: 'cases:write',
  /** Refer without recorded consent, with a reason; always audited. */
  consentOverride: 'consent:override',
  /** Aggregates that are safe to show: suppressed small counts, no case-level data. */
  aggregatesRead: 'aggregates:read',
  /** Coordination bodies' meetings, decisions and action items. */
  meetingsRead: 'meetings:read',
  meetingsWrite: 'meetings:write',
  /** The audit log, and nothing else. */
  auditRead: 'audit:read',
  /** The alert subscriptions, the events raised and their delivery log. */
  alertsRead: 'alerts:read',
  /** Subscribe systems to alerts, pause, resume or delete them, replay deliveries, run a check now. */
  alertsWrite: 'alerts:write',
} as const;

export type Scope = (typeof scopes)[keyof typeof scopes];

export const roles = [
  'analyst',
  'sector-officer',
  'sector-admin',
  'committee-member',
  'dashboard',
  'auditor',
  'alerts-service',
  'anonymous',
] as const;
export type Role = (typeof roles)[number];

const s = scopes;
export const scopesByRole: Record<Role, readonly Scope[]> = {
  /** The lead ministry's analysts: cross-sector status and aggregates; they edit the framework. */
  analyst: [s.frameworkRead, s.frameworkWrite, s.aggregatesRead, s.meetingsRead, s.alertsRead, s.alertsWrite],
  /** A sector's officers: their own sector's data and case records. */
  'sector-officer': [s.frameworkRead, s.sectorWrite, s.casesRead, s.casesWrite, s.aggregatesRead],
  /** A sector's administrators: what officers do, plus corrections and consent overrides. */
  'sector-admin': [s.frameworkRead, s.sectorWrite, s.sectorAdmin, s.casesRead, s.casesWrite, s.consentOverride, s.aggregatesRead],
  /** Members of the coordination bodies: the bodies, their meetings and the framework's status. */
  'committee-member': [s.frameworkRead, s.meetingsRead, s.meetingsWrite, s.aggregatesRead],
  /** Dashboards: status and safe aggregates only. */
  dashboard: [s.frameworkRead, s.aggregatesRead],
  /** Auditors: the audit log only. */
  auditor: [s.auditRead],
  /**
   * The alerts service asking the graph whether something slipped. Its one query
   * (subgraphs/alerts/conditions.ts) reads actions, bodies and sectors' compliance (framework:read)
   * and the published count of referrals past their follow-up day (aggregates:read): both are
   * needed, and no finer scope covers those fields. Never a case, a contact, a meeting, the audit
   * log or the alerts' own subscriptions (see docs/adr/0016-alerts-from-the-graph.md).
   */
  'alerts-service': [s.frameworkRead, s.aggregatesRead],
  /** No token: nothing but the health checks. */
  anonymous: [],
};

/**
 * Scopes that reach case records, consent overrides or the audit log. A caller holding any of them
 * sends every request by POST, even a harmless one, so that no case id or purpose is ever put in a
 * URL (gateway/postForPrivateReads.ts, docs/adr/0021-get-for-aggregates-only.md).
 */
export const caseLevelScopes: readonly Scope[] = [s.casesRead, s.casesWrite, s.consentOverride, s.auditRead];

/** Roles that act for one sector, and so must name it. */
export const sectorBoundRoles: readonly Role[] = ['sector-officer', 'sector-admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
