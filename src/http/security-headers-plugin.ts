// Security headers on every response (through @fastify/helmet): nosniff, a strict CSP, no referrer, no framing.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Every page is served from this origin with its scripts in files (the editor's Yasgui, its menu script), so
 * scripts are 'self' only; inline <style> and style attributes stay allowed for the small pages and Yasgui's widgets.
 * Not set here, on purpose: HSTS and upgrade-insecure-requests, which belong to whoever terminates TLS (they would
 * break a plain-HTTP loopback server); and Cross-Origin-Resource-Policy is cross-origin, since the data is public and
 * meant to be fetched from other sites.
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
        },
      },
      strictTransportSecurity: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    });
  },
  { name: 'casegraph-security-headers', fastify: '5.x' },
);
