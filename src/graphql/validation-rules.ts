import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Operation limits against abuse, set far above what a real client sends. Applied
 * identically by Apollo (HTTP) and by the graphql-ws / graphql-sse hooks.
 */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxTokens: 5_000 } as const;

// graphql-armor rules throw by default, which Apollo would answer as an internal error:
// report a validation error instead.
const report = {
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, error: GraphQLError) =>
      ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
  ],
};

/** The rules added to graphql-js's own, for every transport; introspection off adds one more. */
export function operationRules(options: { introspection: boolean }): ValidationRule[] {
  return [
    maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ...report }),
    maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, ...report }),
    costLimitRule({ maxCost: OPERATION_LIMITS.maxCost, ...report }),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** Refuses huge documents while parsing, before any validation work. */
export const parseOptions: ParseOptions = { maxTokens: OPERATION_LIMITS.maxTokens };
