import fs from 'node:fs';
import { Kind, parse, print, type InputValueDefinitionNode } from 'graphql';
import { fieldPrefix, sectorIds, typePrefix } from '../../platform/catalog.ts';
import { projectPath } from '../../platform/schemaFiles.ts';

/*
 * The sector contract (subgraphs/sector-core/contract.graphql) is SDL with placeholders for a
 * sector's names and words. This renders it into the files the subgraphs are built from: each
 * sector's generated/contract.graphql, coordination's generated/sectors.graphql and sector-core's
 * own rendering under the placeholder names `Template...`, which types its resolvers.
 */

export const contractFile = 'subgraphs/sector-core/contract.graphql';

/** The sector's own words for the contract's descriptions, from `subgraphs/<sector>/contract.json`. */
export interface SectorWords {
  /** The sector in running text, as in "the {words} sector": `policing`, `social welfare`. */
  words: string;
  /** What it does for survivors, in a few words: `reporting, investigation and protection`. */
  serves: string;
  /** What its response to a case records, in a few words: `report, investigation, DNA evidence`. */
  responds: string;
  /** The name of its facet of the crisis centres, as a type: `PoliceUnit` (`recordPoliceUnit`, `PoliceUnitInput`). */
  facet: string;
  /** The facet in running text: `police unit`. */
  facetWords: string;
}

const wordKeys = ['words', 'serves', 'responds', 'facet', 'facetWords'] as const;

/** A sector's words, checked: each a line of text, none missing. */
export function sectorWords(id: string): SectorWords {
  const file = `subgraphs/${id}/contract.json`;
  if (!fs.existsSync(projectPath(file))) throw new Error(`${file} is missing: it gives the sector's words (${wordKeys.join(', ')})`);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(projectPath(file), 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const bad = wordKeys.filter((key) => typeof record[key] !== 'string' || !/^[^\n"\\{}]+$/.test(record[key]) || !record[key].trim());
  if (typeof record.facet === 'string' && !/^[A-Z][A-Za-z0-9]*$/.test(record.facet) && !bad.includes('facet')) bad.push('facet');
  if (bad.length > 0)
    throw new Error(
      `${file} must give ${bad.map((key) => `"${key}"`).join(', ')} as one line of text each (no quotes, braces or backslashes)`,
    );
  const [words, serves, responds, facet, facetWords] = wordKeys.map((key) => record[key] as string) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { words, serves, responds, facet, facetWords };
}

/** Every placeholder's value for one sector. */
export function placeholders(id: string, words: SectorWords): Record<string, string> {
  const type = typePrefix(id);
  const { facet, ...rest } = words;
  return { Type: type, field: fieldPrefix(id), id, Facet: facet, ...rest };
}

/** The names sector-core's resolvers are written under. */
export const templateValues = placeholders('template', {
  words: 'template',
  serves: 'what the sector does',
  responds: 'what the sector recorded',
  facet: 'TemplateFacet',
  facetWords: 'facet',
});

/** The contract's two parts: what a sector subgraph declares, and what the lead ministry's declares per sector. */
export function readContract(): { sector: string; coordination: string } {
  const text = fs.readFileSync(projectPath(contractFile), 'utf8');
  const parts = text.split(/^# === (sector|coordination)\n/m);
  const sector = parts[parts.indexOf('sector') + 1];
  const coordination = parts[parts.indexOf('coordination') + 1];
  if (parts.length !== 5 || parts[1] !== 'sector' || sector === undefined || coordination === undefined)
    throw new Error(`${contractFile} must have a line "# === sector" and, after it, a line "# === coordination"`);
  return { sector: sector.trim(), coordination: coordination.trim() };
}

/** The text with every `{{name}}` replaced; a name with no value is an error. */
export function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${contractFile}: no value for {{${name}}} (there are ${Object.keys(values).join(', ')})`);
    return value;
  });
}

/**
 * What a sector's response to a case records of its own (its `extend type <Type>CaseResponse` in
 * its folder's SDL) is what its input takes beside the case code: the same fields, rendered as an
 * `extend input <Type>CaseResponseInput`, so they are written once.
 */
export function caseResponseInput(id: string): string {
  const type = `${typePrefix(id)}CaseResponse`;
  const folder = projectPath('subgraphs', id);
  const own = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .flatMap((name) => parse(fs.readFileSync(`${folder}/${name}`, 'utf8')).definitions)
    .flatMap((d) => (d.kind === Kind.OBJECT_TYPE_EXTENSION && d.name.value === type ? (d.fields ?? []) : []));
  const withArguments = own.filter((field) => (field.arguments?.length ?? 0) > 0).map((field) => field.name.value);
  if (withArguments.length > 0)
    throw new Error(`subgraphs/${id}: ${type}.${withArguments.join(', ')} take arguments, so they cannot be recorded through an input`);
  if (own.length === 0) return '';
  const fields: InputValueDefinitionNode[] = own.map((field) => ({
    kind: Kind.INPUT_VALUE_DEFINITION,
    name: field.name,
    type: field.type,
    ...(field.description ? { description: { ...field.description, block: false } } : {}),
  }));
  return print({ kind: Kind.INPUT_OBJECT_TYPE_EXTENSION, name: { kind: Kind.NAME, value: `${type}Input` }, fields });
}

const header = (from: string) => `# Generated by \`npm run codegen\` from ${from}. Do not edit: edit those and run it again.\n\n`;

/** Every file rendered from the contract, by path from the project root, with its content. */
export function renderedContract(): { file: string; content: string }[] {
  const contract = readContract();
  const sectors = sectorIds.map((id) => ({ id, values: placeholders(id, sectorWords(id)) }));
  const outputs = [
    {
      file: 'subgraphs/sector-core/generated/contract.graphql',
      content: `${header(contractFile)}${render(contract.sector, templateValues)}\n`,
    },
    ...sectors.map(({ id, values }) => ({
      file: `subgraphs/${id}/generated/contract.graphql`,
      content: `${header(`${contractFile} and subgraphs/${id}/contract.json`)}${render(contract.sector, values)}\n`,
    })),
    ...sectors.map(({ id }) => ({
      file: `subgraphs/${id}/generated/caseResponseInput.graphql`,
      content: `${header(`the fields of ${typePrefix(id)}CaseResponse in subgraphs/${id}/*.graphql`)}${caseResponseInput(id)}\n`,
    })),
    {
      file: 'subgraphs/coordination/generated/sectors.graphql',
      content:
        header(`${contractFile} and each sector's contract.json`) +
        sectors.map(({ id, values }) => `# The ${id} sector.\n\n${render(contract.coordination, values)}\n`).join('\n'),
    },
  ];
  for (const { file, content } of outputs) {
    try {
      parse(content);
    } catch (error) {
      throw new Error(`${contractFile} rendered into ${file} is not SDL: ${(error as Error).message}`);
    }
  }
  return outputs;
}
