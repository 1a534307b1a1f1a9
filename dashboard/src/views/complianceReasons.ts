import type { I18n } from '../i18n/words.ts';
import type { ComplianceReason } from './complianceData.ts';

/** A reporting period in words: its data set's name and the period, e.g. "Shelter capacity return, June 2026". */
export const reportInWords = (i18n: I18n, report: ComplianceReason['reports'][number]) =>
  i18n.t('reason.report', { dataSet: report.dataSet.name, period: i18n.period(report.period) });

/** One reason of the scoreboard in words, from the rule and its parameters: actions by code and title, reports by data set and period. */
export function reasonInWords(i18n: I18n, reason: ComplianceReason): string {
  const actions = () => i18n.list(reason.actions.map((a) => i18n.t('reason.action', { code: a.code, title: a.title })));
  const reports = () => i18n.list(reason.reports.map((r) => reportInWords(i18n, r)));
  switch (reason.rule) {
    case 'ACTIONS_OVERDUE':
    case 'ACTIONS_AT_RISK':
    case 'ACTIONS_NOT_REPORTED':
      return i18n.plural(`reason.${reason.rule}`, reason.count, { actions: actions() });
    case 'REPORTS_MISSING':
      return i18n.plural('reason.REPORTS_MISSING', reason.count, { reports: reports() });
    case 'REPORTS_LATE':
      return i18n.plural('reason.REPORTS_LATE', reason.count, { reports: reports(), days: i18n.number(reason.windowDays ?? 0) });
    case 'NO_RECENT_UPDATE':
      return reason.daysSinceLastUpdate === null || reason.lastUpdateAt === null
        ? i18n.t('reason.NO_RECENT_UPDATE.never')
        : i18n.plural('reason.NO_RECENT_UPDATE', reason.daysSinceLastUpdate, { date: i18n.date(reason.lastUpdateAt) });
  }
}
