import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import type { TestCaller, TestHub } from '../support/hub.ts';

/** Callers for the case tests: one officer per sector, an administrator, and roles with no case access. */
export const officer = (sector: string): TestCaller => ({ role: 'sector-officer', sector, subject: `officer@${sector}` });
export const admin = (sector: string): TestCaller => ({ role: 'sector-admin', sector, subject: `admin@${sector}` });
export const auditor: TestCaller = { role: 'auditor', subject: 'auditor@inspectorate' };
export const dashboard: TestCaller = { role: 'dashboard', subject: 'dashboard@lead-ministry' };

export const newCase = {
  intakePoint: 'bd-occ-dhaka',
  district: 'Dhaka',
  firstReportedOn: '2026-11-20',
  incidentOn: '2026-11-19',
  incidentType: 'RAPE',
  contexts: ['NONE'],
  referralConsent: ['police', 'social-welfare'],
  reportingConsent: true,
};

export const registerCase = /* GraphQL */ `
  mutation ($input: RegisterCaseInput!) {
    registerCase(input: $input) {
      id
      version
      holdingSector {
        id
      }
      consent {
        referralSectorIds
        reporting
      }
    }
  }
`;
export const referCase = /* GraphQL */ `
  mutation ($input: ReferCaseInput!) {
    referCase(input: $input) {
      id
      status
      version
      from {
        id
      }
      to {
        id
      }
      consentOverride {
        reason
        by
      }
    }
  }
`;
export const updateReferralStatus = /* GraphQL */ `
  mutation ($input: ReferralStatusInput!) {
    updateReferralStatus(input: $input) {
      id
      status
      statusReason
      version
      history {
        status
        sectorId
        by
      }
    }
  }
`;

/** Registers a case as the given sector's officer and returns its code. */
export async function registered(hub: TestHub, holder = 'health', input: Partial<typeof newCase> = {}): Promise<string> {
  const { data, errors } = await hub.query(registerCase, { input: { ...newCase, ...input } }, officer(holder));
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.registerCase.id;
}

/** Everything stored in one collection of one subgraph, to prove a refused write changed nothing. */
export async function snapshot(hub: TestHub, subgraph: string, collection: string): Promise<string> {
  return JSON.stringify(
    await hub.stores
      .get(subgraph)!
      .collection<StoredDocument>(collection)
      .find({}, { sort: { _id: 1 } }),
  );
}

/** The audit entries a subgraph stored, oldest first. */
export async function auditEntries(hub: TestHub, subgraph: string) {
  return hub.stores
    .get(subgraph)!
    .collection<StoredDocument & Record<string, any>>('auditLog')
    .find({}, { sort: { seq: 1 } });
}
