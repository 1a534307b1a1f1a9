import { composeServices } from '@apollo/composition';
import { composeServices as composeServicesTheGuildsWay } from '@theguild/federation-composition';
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
 * Composes with Apollo's library, whose supergraph is the one written, and with The Guild's (Hive's),
 * so that a subgraph change another Federation 2 composition refuses fails here too: an error from
 * either is an error.
 */
export function composeSupergraph(): CompositionResult {
  const services = workingTreeServices();
  const result = composeServices(services);
  const theGuilds = composeServicesTheGuildsWay(services);
  const hints = (result.hints ?? []).map(fromApolloHint);
  const errors = [
    ...(result.errors ?? []).map((e) => e.message),
    ...(theGuilds.errors ?? []).map((e) => `The Guild's composition (@theguild/federation-composition): ${e.message}`),
  ];
  if (errors.length > 0 || !result.supergraphSdl) return { errors, hints };
  const header = "# Composed by `npm run compose` from the subgraphs' SDL. Do not edit: edit the subgraphs and compose again.\n";
  return { supergraphSdl: header + result.supergraphSdl + '\n', errors: [], hints };
}
