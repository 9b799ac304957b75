// The public face of the health check.
export { healthRoute } from './health-route.js';
