// The public face of /reconcile: the plugin and its OpenAPI tag.
export { reconciliationPlugin, reconciliationTag } from './reconciliation-plugin.js';
