import type { ValidationRule } from 'graphql';

/**
 * Validation rules added to graphql-js's own, applied identically by Apollo (HTTP) and
 * by the graphql-ws / graphql-sse hooks. Operation limits (depth, aliases, cost) go here.
 */
export const validationRules: ValidationRule[] = [];
