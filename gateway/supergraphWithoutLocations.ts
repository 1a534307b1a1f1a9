import type { Supergraph as SupergraphClass } from '@apollo/federation-internals';
import type { parse as parseGraphQL } from 'graphql';
import { createRequire } from 'node:module';

/*
 * Apollo Gateway builds the supergraph it plans with through `Supergraph.build` of
 * @apollo/federation-internals, which parses the text with graphql-js's source locations and keeps
 * every definition's node (`sourceAST`) for its error messages. Each node's location holds the
 * lexer's chain of tokens, so every token of the supergraph (about 24,500 for 272 KB) stays live
 * for as long as the graph is served: 4.4 MB of heap (docs/performance.md, "Gateway memory").
 *
 * `Supergraph.build` takes a parsed document as well as text (its declared signature), and
 * @apollo/gateway hands it text only, so in the gateway's process a text is parsed here without
 * locations first. Nothing the gateway runs reads a location; an error in a supergraph (a reload
 * refused) still says what is wrong, without the line and column.
 *
 * The class patched is the one @apollo/gateway itself requires (resolved from its folder), so a
 * second copy installed elsewhere cannot leave the gateway's untouched.
 */

type Supergraph = typeof SupergraphClass;
type Build = Supergraph['build'];

const requireFromApolloGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));

/** The `Supergraph` class and graphql-js `parse` that @apollo/gateway uses. */
export function apolloGatewaySupergraph(): { Supergraph: Supergraph; parse: typeof parseGraphQL } {
  const requireFromInternals = createRequire(requireFromApolloGateway.resolve('@apollo/federation-internals'));
  return {
    Supergraph: (requireFromApolloGateway('@apollo/federation-internals') as { Supergraph: Supergraph }).Supergraph,
    parse: (requireFromInternals('graphql') as { parse: typeof parseGraphQL }).parse,
  };
}

const withoutLocations = Symbol('supergraph text parsed without locations');

/** Makes `Supergraph.build` parse a text without source locations; once, whatever the number of calls. */
export function buildSupergraphsWithoutLocations(): void {
  const { Supergraph, parse } = apolloGatewaySupergraph();
  const build = Supergraph.build as Build & { [withoutLocations]?: true };
  if (build[withoutLocations]) return;
  const buildWithoutLocations: Build & { [withoutLocations]?: true } = (supergraphSdl, options) =>
    build.call(Supergraph, typeof supergraphSdl === 'string' ? parse(supergraphSdl, { noLocation: true }) : supergraphSdl, options);
  buildWithoutLocations[withoutLocations] = true;
  Supergraph.build = buildWithoutLocations;
}

buildSupergraphsWithoutLocations();
