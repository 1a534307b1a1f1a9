import { describe, expect, it } from 'vitest';
import { isWorkedAround } from './graphql.ts';

/* Which errors of an answer without data a view works around; any other is reported as it is. */

const refusal = { message: 'Not allowed', extensions: { code: 'FORBIDDEN', field: 'Query.decisions', missingScopes: ['meetings:read'] } };
const unavailable = { message: 'Health is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'health' } };
const internal = { message: 'Store is inconsistent', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

describe('an answer without data', () => {
  it('is the view’s to handle when every error is a refused field or an unreachable sector', () => {
    expect([refusal, unavailable].every(isWorkedAround)).toBe(true);
  });

  it('is reported when any other error comes with a refusal', () => {
    expect([refusal, internal].every(isWorkedAround)).toBe(false);
    expect(isWorkedAround(internal)).toBe(false);
  });

  it('is reported when a refusal names no field and no scope', () => {
    expect(isWorkedAround({ message: 'Operation refused', extensions: { code: 'FORBIDDEN' } })).toBe(false);
  });
});
