import type { ApolloServerPlugin } from '@apollo/server';
import { servedFrom } from '@vfr/api-database';

/**
 * Puts `extensions.asOf` in an answer whose aggregates were served by a hot standby: the time
 * their data is as of (the oldest, where several were), for the dashboard's "as of" note.
 */
export const servedFromPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        const asOf = servedFrom()?.asOf;
        if (asOf && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, asOf: asOf.toISOString() };
        }
        return Promise.resolve();
      },
    });
  },
};
