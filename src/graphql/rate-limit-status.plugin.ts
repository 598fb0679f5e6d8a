import type { ApolloServerPlugin } from '@apollo/server';

/**
 * When every error of an operation is RATE_LIMITED and nothing else was answered, the
 * whole operation was refused: say so at the HTTP level too (429 and Retry-After), so
 * proxies and plain HTTP clients back off without reading the body.
 */
export const rateLimitStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || errors.some((e) => e.extensions?.code !== 'RATE_LIMITED')) return;
        if (data && Object.values(data).some((value) => value !== null)) return;
        const retryAfter = Math.max(...errors.map((e) => Number(e.extensions?.retryAfter) || 1));
        response.http.status = 429;
        response.http.headers.set('retry-after', String(retryAfter));
      },
    };
  },
};
