import { describe, expect, it } from 'vitest';
import { reasonInWords } from '../views/complianceReasons.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { translate, wordsFor } from './words.ts';

describe('labels', () => {
  it('has every English label in French too, none empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('gives every plural message both forms', () => {
    const keys = Object.keys(en);
    const bases = new Set(keys.filter((k) => /\.(one|other)$/.test(k)).map((k) => k.replace(/\.(one|other)$/, '')));
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases)
      expect(
        [`${base}.one`, `${base}.other`].filter((k) => keys.includes(k)),
        base,
      ).toHaveLength(2);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'reason.report', { dataSet: 'Shelter return', period: 'June 2026' })).toBe('Shelter return, June 2026');
    expect(translate(en, 'reason.report', { dataSet: 'Shelter return' })).toBe('Shelter return, {period}');
  });

  it('chooses the plural form by each language’s rules: French counts 0 and 1 as one, English only 1', () => {
    const [english, french] = [wordsFor('en'), wordsFor('fr')];
    expect(english.plural('bodies.daysOverdue', 1)).toBe('Overdue by 1 day');
    expect(english.plural('bodies.daysOverdue', 0)).toBe('Overdue by 0 days');
    expect(english.plural('bodies.daysOverdue', 67)).toBe('Overdue by 67 days');
    expect(french.plural('bodies.daysOverdue', 0)).toBe('En retard de 0 jour');
    expect(french.plural('bodies.daysOverdue', 1)).toBe('En retard de 1 jour');
    expect(french.plural('bodies.daysOverdue', 1500)).toBe('En retard de 1\u202f500 jours');
    expect(french.plural('cadence.MONTH', 1)).toBe('Tous les mois');
    expect(english.plural('cadence.WEEK', 6)).toBe('Every 6 weeks');
  });

  it('writes reporting periods and lists in words', () => {
    const [english, french] = [wordsFor('en'), wordsFor('fr')];
    expect(english.period('2026-06')).toBe('June 2026');
    expect(french.period('2026-06')).toBe('juin 2026');
    expect(english.period('2026-Q3')).toBe('Q3 2026');
    expect(french.period('2026-Q3')).toBe('T3 2026');
    expect(english.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(french.list(['a', 'b'])).toBe('a et b');
  });

  it('words each compliance reason from its code and parameters, naming actions and reports, never their ids', () => {
    const none = { count: 0, actions: [], reports: [], windowDays: null, daysSinceLastUpdate: null, lastUpdateAt: null };
    const police = { period: '2026-06', dataSet: { name: 'Police monthly report' } };
    const missing = { ...none, rule: 'REPORTS_MISSING', status: 'FAILING', count: 1, reports: [police] } as const;
    expect(reasonInWords(wordsFor('en'), missing)).toBe('1 report missing: Police monthly report, June 2026');
    expect(reasonInWords(wordsFor('fr'), missing)).toBe('1 rapport manquant : Police monthly report, juin 2026');
    const overdue = {
      ...none,
      rule: 'ACTIONS_OVERDUE',
      status: 'FAILING',
      count: 2,
      actions: [
        { id: 'bd-a1-3', code: 'A1.3', title: 'Train officers' },
        { id: 'bd-a3-4', code: 'A3.4', title: 'Open shelters' },
      ],
    } as const;
    expect(reasonInWords(wordsFor('en'), overdue)).toBe(
      '2 actions past due and not completed: A1.3 “Train officers” and A3.4 “Open shelters”',
    );
    expect(reasonInWords(wordsFor('fr'), overdue)).toBe(
      '2 actions en retard et non achevées : A1.3 « Train officers » et A3.4 « Open shelters »',
    );
    const late = { ...none, rule: 'REPORTS_LATE', status: 'AT_RISK', count: 1, reports: [police], windowDays: 180 } as const;
    expect(reasonInWords(wordsFor('en'), late)).toBe('1 report received late in the last 180 days: Police monthly report, June 2026');
    expect(reasonInWords(wordsFor('fr'), late)).toBe(
      '1 rapport reçu en retard au cours des 180 derniers jours : Police monthly report, juin 2026',
    );
    const atRisk = { ...none, rule: 'ACTIONS_AT_RISK', status: 'AT_RISK', count: 1, actions: [overdue.actions[1]] } as const;
    expect(reasonInWords(wordsFor('en'), atRisk)).toBe('1 action at risk: A3.4 “Open shelters”');
    expect(reasonInWords(wordsFor('fr'), atRisk)).toBe('1 action à risque : A3.4 « Open shelters »');
    const unreported = { ...overdue, rule: 'ACTIONS_NOT_REPORTED', status: 'AT_RISK' } as const;
    expect(reasonInWords(wordsFor('en'), unreported)).toBe(
      '2 actions with no status or due date recorded: A1.3 “Train officers” and A3.4 “Open shelters”',
    );
    expect(reasonInWords(wordsFor('fr'), unreported)).toBe(
      '2 actions sans statut ni échéance enregistrés : A1.3 « Train officers » et A3.4 « Open shelters »',
    );
    const stale = {
      ...none,
      rule: 'NO_RECENT_UPDATE',
      status: 'AT_RISK',
      daysSinceLastUpdate: 45,
      lastUpdateAt: '2026-10-10T09:00:00Z',
    } as const;
    expect(reasonInWords(wordsFor('en'), stale)).toBe('last update 45 days ago (10 Oct 2026)');
    expect(reasonInWords(wordsFor('fr'), stale)).toBe('dernière mise à jour il y a 45 jours (10 oct. 2026)');
    expect(reasonInWords(wordsFor('fr'), { ...stale, daysSinceLastUpdate: null, lastUpdateAt: null })).toBe(
      'aucune mise à jour jamais enregistrée',
    );
  });
});
