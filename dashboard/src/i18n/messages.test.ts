import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { translate } from './I18n.tsx';

describe('labels', () => {
  it('has every English label in French too, none empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'bodies.daysOverdue', { days: 67 })).toBe('Overdue by 67 days');
    expect(translate(fr, 'bodies.daysOverdue', { days: 67 })).toBe('En retard de 67 jours');
    expect(translate(en, 'bodies.daysOverdue')).toBe('Overdue by {days} days');
  });
});
