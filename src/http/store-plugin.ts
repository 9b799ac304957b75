// Shares the graph store and the settings with every route as the `store` and `config` decorators.
import fp from 'fastify-plugin';
import type { Config } from '../config/load-config.js';
import type { GraphStore } from '../store/graph-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one port to the graph; routes never reach past it. */
    store: GraphStore;
    config: Config;
  }
}

export interface StorePluginOptions {
  readonly store: GraphStore;
  readonly config: Config;
}

/** The app owns the store it is given: closing the app frees the store's workers. */
export const storePlugin = fp<StorePluginOptions>(
  async (app, { store, config }) => {
    app.decorate('store', store);
    app.decorate('config', config);
    app.addHook('onClose', async () => {
      await store.close();
    });
  },
  { name: 'casegraph-store', fastify: '5.x' },
);
