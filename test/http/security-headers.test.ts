import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

let ctx: CaseApp;
beforeAll(async () => {
  ctx = await openCaseApp();
});
afterAll(async () => {
  await ctx.app.close();
});

const answers: ReadonlyArray<[string, Record<string, string>]> = [
  ['/id/person/gulmire-imin', { accept: 'text/html' }],
  ['/id/person/gulmire-imin', { accept: 'application/ld+json' }],
  ['/api/persons/gulmire-imin/communication.html', {}],
  ['/api/persons/gulmire-imin/citations?format=html', {}],
  ['/sparql', { accept: 'text/html' }],
  ['/docs', {}],
  ['/health', {}],
  ['/id/person/nobody-here', { accept: 'text/html' }],
  ['/sparql?query=SELEC', {}],
];

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

describe('every answer, pages, data and errors alike', () => {
  it.each(answers)('%s (%j) carries nosniff, a CSP that forbids framing and inline script, and no referrer', async (url, headers) => {
    const res = await ctx.app.inject({ url, headers });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('frame-ancestors')).toBe("'none'");
    // Pages may be stricter than the default (no script at all); none may run inline or remote script.
    expect(["'self'", "'none'"]).toContain(csp.get('script-src') ?? csp.get('default-src'));
    expect(["'none'", undefined]).toContain(csp.get('object-src') ?? (csp.get('default-src') === "'none'" ? "'none'" : undefined));
  });
});

describe('the data, which other sites are meant to use', () => {
  it('may be loaded across origins, and is not pinned to HTTPS by the app', async () => {
    const res = await ctx.app.inject({ url: '/context.jsonld' });
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});
