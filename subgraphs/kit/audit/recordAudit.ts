import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Clock } from '../clock.ts';
import type { Identity } from '../../../platform/auth/identity.ts';
import { appendAudit, type AuditEvent, type AuditRepositories } from './auditLog.ts';

/** The part of a subgraph's context the audit log needs. */
export interface AuditContext {
  repos: AuditRepositories;
  identity: Identity;
  requestId: string;
  clock: Clock;
}

/** Appends an entry for the caller of this request. */
export function recordAudit(ctx: AuditContext, event: AuditEvent) {
  const { subject, role, sector } = ctx.identity;
  return appendAudit(ctx.repos, { subject, role, sector, requestId: ctx.requestId }, event, ctx.clock.now());
}

interface PendingBatch {
  caseIds: Set<string>;
  fields: Set<string>;
  written: Promise<unknown>;
}

// Batches being gathered, per request context and action. The context object lives for one
// request only, so a batch can never mix two callers' reads.
const pending = new WeakMap<object, Map<string, PendingBatch>>();

/**
 * Records a read that is one of many resolved together (the entities of one gateway fetch): the
 * reads of one request and action that arrive before the event loop turns are written as one
 * entry naming every case, so a list of a hundred cases costs one append, not a hundred. Each
 * caller's promise settles when that entry is stored.
 */
export function recordAuditBatched(ctx: AuditContext, event: Omit<AuditEvent, 'purpose' | 'detail'>): Promise<unknown> {
  const batches = pending.get(ctx) ?? new Map<string, PendingBatch>();
  pending.set(ctx, batches);
  let batch = batches.get(event.action);
  if (!batch) {
    const gathered: PendingBatch = { caseIds: new Set(), fields: new Set(), written: Promise.resolve() };
    gathered.written = new Promise((resolve) => setImmediate(resolve)).then(() => {
      batches.delete(event.action);
      return recordAudit(ctx, { action: event.action, caseIds: [...gathered.caseIds], fields: [...gathered.fields] });
    });
    batches.set(event.action, gathered);
    batch = gathered;
  }
  for (const id of event.caseIds) batch.caseIds.add(id);
  for (const field of event.fields) batch.fields.add(field);
  return batch.written;
}

/**
 * The fields a query selects below the resolver's own field, as dotted paths
 * (`referrals.status`), to record what was read. Fragments are followed; `__typename` is not data.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, depth = 3): string[] {
  const paths = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, prefix: string, level: number) => {
    if (!set || level > depth) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const path = prefix + selection.name.value;
        paths.add(path);
        walk(selection.selectionSet, `${path}.`, level + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix, level);
      } else {
        walk(info.fragments[selection.name.value]?.selectionSet, prefix, level);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, '', 1);
  return [...paths].sort();
}
