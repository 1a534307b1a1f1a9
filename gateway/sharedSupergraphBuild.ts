// First: it keeps what @apollo/gateway requires but never runs here from loading with it.
import './unusedApolloDependencies.ts';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';

/*
 * What Apollo Gateway builds from a supergraph text (the supergraph parsed and validated, the API
 * schema served to callers, the query planner) costs about 0.5 s of CPU and depends on nothing
 * but that text: every gateway here is configured alike. A process that starts several gateways
 * on one supergraph (the tests start one per hub) builds it once: a gateway given the text the
 * latest build was made from takes that build. Any other text, a reload to another file included,
 * is built anew. Only the latest build is kept, the one a running gateway serves, so a process
 * with one gateway holds nothing more than before and never takes the shared path.
 *
 * What is each gateway's own stays its own: its data sources (built for it from the supergraph's
 * list of subgraphs), its cache of plans, its listeners, and the authorization policy, which
 * supergraphSource.ts reads beside Apollo.
 *
 * The two methods replaced are Apollo's internals (@apollo/gateway 2.x). Should a release rename
 * them, nothing is shared and gateway/sharedSupergraphBuild.test.ts fails; what the shared path
 * does in place of `updateWithSchemaAndNotify` follows that method line for line.
 */

/** Apollo's `Supergraph` (@apollo/federation-internals), as far as it is used here. */
interface Supergraph {
  subgraphsMetadata(): unknown;
}

interface Build {
  text: string;
  supergraph: Supergraph;
  apiSchema: unknown;
  schema: GraphQLSchema;
  queryPlanner: unknown;
}

/** The members of ApolloGateway that are private in its types and replaced or read here. */
interface Internals {
  createSchemaFromSupergraphSdl(text: string): { supergraph: Supergraph; supergraphSdl: string };
  updateWithSchemaAndNotify(supergraph: Supergraph, text: string, legacyDontNotifyOnSchemaChangeListeners?: boolean): void;
  createServices(subgraphs: unknown): void;
  queryPlanStore: { clear(): void };
  apiSchema?: unknown;
  schema?: GraphQLSchema;
  queryPlanner?: unknown;
  onSchemaChangeListeners: Set<(schema: GraphQLSchema) => void>;
  onSchemaLoadOrUpdateListeners: Set<(update: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void>;
  logger: { error(message: string): void };
}

let latest: Build | undefined;

const messageOf = (error: unknown) => (error as Error | undefined)?.message || String(error);

export class ApolloGatewaySharingBuilds extends ApolloGateway {}

const apollo = ApolloGateway.prototype as unknown as Internals;
const sharing = ApolloGatewaySharingBuilds.prototype as unknown as Internals;

sharing.createSchemaFromSupergraphSdl = function (this: Internals, text) {
  if (latest?.text !== text) return apollo.createSchemaFromSupergraphSdl.call(this, text);
  this.createServices(latest.supergraph.subgraphsMetadata());
  return { supergraph: latest.supergraph, supergraphSdl: text };
};

sharing.updateWithSchemaAndNotify = function (this: Internals, supergraph, text, legacyDontNotifyOnSchemaChangeListeners = false) {
  const build = latest?.supergraph === supergraph ? latest : undefined;
  if (!build) {
    apollo.updateWithSchemaAndNotify.call(this, supergraph, text, legacyDontNotifyOnSchemaChangeListeners);
    latest = { text, supergraph, apiSchema: this.apiSchema, schema: this.schema!, queryPlanner: this.queryPlanner };
    return;
  }
  this.queryPlanStore.clear();
  this.apiSchema = build.apiSchema;
  this.schema = build.schema;
  this.queryPlanner = build.queryPlanner;
  if (!legacyDontNotifyOnSchemaChangeListeners) {
    for (const listener of this.onSchemaChangeListeners) {
      try {
        listener(build.schema);
      } catch (error) {
        this.logger.error(`An error was thrown from an 'onSchemaChange' listener. The schema will still update: ${messageOf(error)}`);
      }
    }
  }
  for (const listener of this.onSchemaLoadOrUpdateListeners) {
    try {
      listener({ apiSchema: build.schema, coreSupergraphSdl: text });
    } catch (error) {
      this.logger.error(`An error was thrown from an 'onSchemaLoadOrUpdate' listener. The schema will still update: ${messageOf(error)}`);
    }
  }
};
