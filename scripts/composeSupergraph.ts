import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphCatalog } from '../platform/catalog.ts';
import { readSdl, subgraphSchemaFiles } from '../platform/schemaFiles.ts';
import { fromApolloHint, type CompositionHint } from './compositionHints.ts';

export interface CompositionResult {
  supergraphSdl?: string;
  errors: string[];
  hints: CompositionHint[];
}

/**
 * Composes the supergraph from every subgraph's SDL files in the working tree. The URLs
 * written into it are the local defaults; the gateway replaces them from its configuration.
 */
export function workingTreeServices() {
  return subgraphCatalog.map((entry) => ({
    name: entry.name,
    url: `http://127.0.0.1:${entry.defaultPort}/graphql`,
    typeDefs: parse(readSdl(subgraphSchemaFiles(entry.name, entry.role)).sdl),
  }));
}

/**
 * Composes with Apollo's library, whose supergraph is the one written, and, with `theGuilds`, with
 * The Guild's (Hive's) too, so that a subgraph change another Federation 2 composition refuses fails
 * here too: an error from either is an error. The check (`npm run compose:check`, CI) asks for both;
 * writing the supergraph needs only Apollo's, and The Guild's library (a third of the time of a
 * compose, half of it loading the library) is then not loaded at all.
 */
export async function composeSupergraph({ theGuilds: alsoTheGuilds }: { theGuilds: boolean }): Promise<CompositionResult> {
  const services = workingTreeServices();
  const result = composeServices(services);
  const theGuilds = alsoTheGuilds ? (await import('@theguild/federation-composition')).composeServices(services) : { errors: undefined };
  const hints = (result.hints ?? []).map(fromApolloHint);
  const errors = [
    ...(result.errors ?? []).map((e) => e.message),
    ...(theGuilds.errors ?? []).map((e) => `The Guild's composition (@theguild/federation-composition): ${e.message}`),
  ];
  if (errors.length > 0 || !result.supergraphSdl) return { errors, hints };
  const header = "# Composed by `npm run compose` from the subgraphs' SDL. Do not edit: edit the subgraphs and compose again.\n";
  return { supergraphSdl: header + result.supergraphSdl + '\n', errors: [], hints };
}
