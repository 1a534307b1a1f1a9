import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { GatewayLimits } from '../platform/config.ts';
import { placeholderAlias, typenameAlias } from './authorization/authorizeOperation.ts';

/*
 * Steps 4 and 5 of the gateway's pipeline (see gateway/README.md): Apollo Server parses each
 * query text once, validates it once against the served schema with the gateway's limits added
 * to GraphQL's own rules, and keeps the valid document by the text's hash for the next request.
 * These are the options that make it do so; there is no other parse or document cache.
 */

const reservedAliases = [typenameAlias, placeholderAlias];

/** The aliases authorization adds and takes out again are not the caller's to use. */
const reservedAliasesRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.alias && reservedAliases.includes(node.alias.value)) {
      context.reportError(new GraphQLError(`The names ${reservedAliases.join(' and ')} are reserved`, { nodes: [node] }));
    }
  },
});

/**
 * A limit exceeded is a validation error naming the limit. (The rules would otherwise throw out
 * of validation, which Apollo Server answers as an internal error.)
 */
const reported = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      if (!context) throw error;
      context.reportError(error);
    },
  ],
};

/** Apollo Server's parse and validation options for the gateway's limits. */
export function operationChecks(
  limits: GatewayLimits,
  options: { hideSuggestions: boolean },
): Pick<ApolloServerOptions<BaseContext>, 'parseOptions' | 'validationRules' | 'validationOptions'> {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, ...reported }),
      maxAliasesRule({ n: limits.maxAliases, ...reported }),
      maxDirectivesRule({ n: limits.maxDirectives, ...reported }),
      costLimitRule({ maxCost: limits.maxCost, ...reported }),
      reservedAliasesRule,
    ],
    validationOptions: { hideSuggestions: options.hideSuggestions },
  };
}

/**
 * A document that does not parse (a syntax error, more tokens than allowed) is refused with the
 * same code as one that does not validate, GRAPHQL_VALIDATION_FAILED, as the gateway always
 * answered: clients handle one code for "this operation is not acceptable".
 */
export function parseFailureAsValidationFailure(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
}
