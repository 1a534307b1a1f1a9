import type { GraphQLFormattedError } from 'graphql';

/*
 * In production no error says what the caller may have meant: with introspection off, "Did you
 * mean …" would still let a caller spell the schema out one guess at a time. Validation leaves
 * suggestions out when asked to; variable values are coerced by the executor (the gateway's
 * included) with no such option, so their messages are cut here.
 */

// graphql-js ends a message with one suggestion sentence: ` Did you mean "a", "b", or "c"?`.
const suggestion = / ?Did you mean .+\?$/;

export function withoutSuggestions(message: string): string {
  return message.replace(suggestion, '');
}

/** Apollo Server options that keep suggestions out of every error it sends, when `hide` is set. */
export function suggestionOptions(hide: boolean) {
  if (!hide) return {};
  return {
    hideSchemaDetailsFromClientErrors: true,
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => ({
      ...formatted,
      message: withoutSuggestions(formatted.message),
    }),
  };
}
