import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { renderChangelog, type ChangelogEntry } from './changelog.ts';
import { graphChanges, parseAcknowledged } from './checkSchema.ts';

/*
 * The changelog classes a commit's changes as the schema check does and writes them grouped:
 * breaking first, additions and removals under their type, acknowledged breaking changes with
 * their reason, description edits counted.
 */

const committed = fs.readFileSync(supergraphPath, 'utf8');

describe('schema changelog', () => {
  it('classes and groups what one commit did to the graph', async () => {
    // Health drops its doctors' total (breaking) and rewords one description (safe).
    const edited = committed
      .replace(/\n\s*"""Doctors on duty in a typical shift."""\n\s*doctorsOnDuty: Int!\n/, '\n')
      .replace('Of those, women doctors', 'Of those, the women doctors');
    const changes = await graphChanges(committed, edited);
    expect(changes.find((c) => c.path === 'MedicalCare.doctorsOnDuty')).toMatchObject({ level: 'breaking', kind: 'FIELD_REMOVED' });

    const entry: ChangelogEntry = {
      commit: 'abcdef0123456789',
      date: '2026-12-01',
      subject: 'Health counts doctors by shift; the total goes',
      changes: [
        ...changes,
        { where: 'graph', level: 'safe', kind: 'FIELD_ADDED', path: 'MedicalCare.nightDoctors', message: 'added' },
        { where: 'graph', level: 'safe', kind: 'FIELD_ADDED', path: 'MedicalCare.dayDoctors', message: 'added' },
      ],
      acknowledged: parseAcknowledged('MedicalCare.doctorsOnDuty  # counted by shift now\n'),
    };
    const text = await renderChangelog([entry], { commit: '0123456789abcdef', date: '2026-11-24' });
    expect(text).toContain('## 2026-12-01 · abcdef0');
    expect(text).toContain('Health counts doctors by shift\n');
    expect(text).toMatch(/### Breaking[^\n]*\n\n- `MedicalCare.doctorsOnDuty`: [^\n]*\(acknowledged: counted by shift now\)/);
    expect(text).toContain('- `MedicalCare`: fields added `nightDoctors`, `dayDoctors`');
    expect(text).toContain('- Descriptions added, changed or removed: 1');
    expect(text.indexOf('### Breaking')).toBeLessThan(text.indexOf('### Safe'));
  });
});
