import { createHash } from 'node:crypto';

/** A strong entity tag for the exact bytes sent and their media type. */
export function entityTag(contentType: string, body: string): string {
  return `"${createHash('sha256').update(contentType).update('\n').update(body, 'utf8').digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` names `tag` (or is `*`): the caller holds these bytes already. The header
 * compares weakly (RFC 9110, 13.1.2), so a `W/` prefix is set aside.
 */
export function holdsAlready(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === tag;
  });
}
