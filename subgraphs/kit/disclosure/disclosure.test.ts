import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../platform/config.ts';
import { Cells, mergeCells } from './cells.ts';
import { noiseParameters } from './configured.ts';
import { perturbationTable } from './ptable.ts';
import { disclosureControl } from './publish.ts';
import { readDisclosureSecret } from './secret.ts';

const table = perturbationTable({ threshold: 5, ...noiseParameters });
const moments = (n: number) => {
  const { noise, probability } = table.row(n);
  const mean = noise.reduce((s, v, i) => s + v * probability[i]!, 0);
  return { mean, values: noise.map((v) => n + v) };
};

describe('the perturbation table', () => {
  it('adds noise of mean zero from a multiple of the base to the next, never below the threshold', () => {
    for (let n = 5; n < 200; n++) {
      const { mean, values } = moments(n);
      expect(Math.abs(mean), `mean noise for ${n}`).toBeLessThan(1e-9);
      for (const v of values) {
        expect(v % noiseParameters.base).toBe(0);
        expect(v).toBeGreaterThanOrEqual(5);
        expect(Math.abs(v - n)).toBeLessThanOrEqual(noiseParameters.maxNoise);
      }
    }
  });

  it('builds a maximum-entropy table of zero mean and the given variance when no base is set', () => {
    const t = perturbationTable({ threshold: 5, maxNoise: 3, variance: 2, base: 1 });
    const { noise, probability } = t.row(40);
    expect(noise).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(noise.reduce((s, v, i) => s + v * probability[i]!, 0)).toBeCloseTo(0, 9);
    expect(noise.reduce((s, v, i) => s + v * v * probability[i]!, 0)).toBeCloseTo(2, 6);
    expect(t.row(5).noise).toEqual([0]);
  });

  it('refuses a count below the threshold: it is withheld, not perturbed', () => {
    expect(() => table.row(4)).toThrow('counts below 5 are withheld');
  });
});

describe('publishing a cell', () => {
  const control = disclosureControl(Buffer.alloc(32, 1), { threshold: 5, ...noiseParameters });
  const cellOf = (ids: string[]) => {
    const cells = new Cells();
    for (const id of ids) cells.add('x', control.keys.of('case', id));
    return cells.cell('x');
  };
  const ids = Array.from({ length: 40 }, (_, i) => `CASE-${i}`);

  it('withholds a count below the threshold, 0 included, and never shows it as 0', () => {
    for (const n of [0, 1, 4]) expect(control.publish(cellOf(ids.slice(0, n)))).toEqual({ count: null, suppressed: true });
  });

  it('gives the same records the same figure, in whatever order and however they are grouped', () => {
    const whole = control.publish(cellOf(ids));
    expect(control.publish(cellOf([...ids].reverse()))).toEqual(whole);
    expect(control.publish(mergeCells([cellOf(ids.slice(0, 13)), cellOf(ids.slice(13))]))).toEqual(whole);
  });

  it('draws another figure under another secret', () => {
    const other = disclosureControl(Buffer.alloc(32, 2), { threshold: 5, ...noiseParameters });
    const keys = ids.map((id) => [control.keys.of('case', id), other.keys.of('case', id)]);
    expect(keys.filter(([a, b]) => a === b)).toEqual([]);
  });
});

describe('the secret', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'crg-secret-'));

  it('is required in production, naming the variable', () => {
    expect(() => readDisclosureSecret({ CRG_MODE: 'production' })).toThrow(ConfigError);
    expect(() => readDisclosureSecret({ CRG_MODE: 'production' })).toThrow('CRG_DISCLOSURE_KEY_FILE must be set in production mode');
  });

  it('refuses a file that is missing or too short', () => {
    const short = path.join(dir(), 'short');
    fs.writeFileSync(short, 'too short');
    expect(() => readDisclosureSecret({ CRG_DISCLOSURE_KEY_FILE: short })).toThrow('must hold at least 32 bytes');
    expect(() => readDisclosureSecret({ CRG_DISCLOSURE_KEY_FILE: path.join(dir(), 'none') })).toThrow('must name a readable file');
  });

  it('is made once under the data folder in development and read back the same', () => {
    const dataDir = dir();
    const first = readDisclosureSecret({ CRG_DATA_DIR: dataDir });
    expect(first.length).toBe(32);
    expect(fs.statSync(path.join(dataDir, 'keys', 'disclosure-key')).mode & 0o777).toBe(0o600);
    expect(readDisclosureSecret({ CRG_DATA_DIR: dataDir })).toEqual(first);
  });
});
