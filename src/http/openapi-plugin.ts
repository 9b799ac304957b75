// The OpenAPI 3.1 document (/openapi.json) and its docs page (/docs), assembled from fragments each feature contributes.
import fp from 'fastify-plugin';
import { escapeHtml } from './escape-html.js';
import { jsonSchemaDialect } from '../vocabulary/namespaces.js';

/** What one feature adds: its paths (OpenAPI Path Item objects), component schemas and tags. */
export interface OpenApiFragment {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly schemas?: Readonly<Record<string, unknown>>;
  readonly tags?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Route plugins call `app.openApi.add('feature', fragment)` when they register; see the README. */
    openApi: OpenApiRegistry;
  }
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export class OpenApiRegistry {
  private readonly paths = new Map<string, Record<string, unknown>>();
  private readonly owners = new Map<string, string>();
  private readonly schemas = new Map<string, { feature: string; json: string; schema: unknown }>();
  private readonly tags = new Map<string, { name: string; description: string }>();
  private cached: Record<string, unknown> | undefined;

  constructor(private readonly info: { title: string; version: string; description: string }) {}

  /** Adds a feature's operations; the same operation or schema name claimed twice stops startup naming both features. */
  add(feature: string, fragment: OpenApiFragment): void {
    if (this.cached) throw new Error(`OpenAPI fragment "${feature}" added after the document was built: add it when the plugin registers`);
    for (const [path, item] of Object.entries(fragment.paths ?? {})) {
      const existing = this.paths.get(path) ?? {};
      for (const [key, value] of Object.entries(item)) {
        const owner = this.owners.get(`${path} ${key}`);
        if (methods.includes(key) && owner !== undefined) {
          throw new Error(`OpenAPI: ${key.toUpperCase()} ${path} is described by both "${owner}" and "${feature}"`);
        }
        if (methods.includes(key)) this.owners.set(`${path} ${key}`, feature);
        existing[key] = value;
      }
      this.paths.set(path, existing);
    }
    for (const [name, schema] of Object.entries(fragment.schemas ?? {})) {
      const json = JSON.stringify(schema);
      const earlier = this.schemas.get(name);
      if (earlier && earlier.json !== json) throw new Error(`OpenAPI: schema "${name}" is defined differently by "${earlier.feature}" and "${feature}"`);
      this.schemas.set(name, { feature, json, schema });
    }
    for (const tag of fragment.tags ?? []) this.tags.set(tag.name, { ...tag });
  }

  /** The assembled document, paths sorted; built once, on first use after startup. */
  document(): Record<string, unknown> {
    this.cached ??= {
      openapi: '3.1.0',
      jsonSchemaDialect,
      info: this.info,
      tags: [...this.tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
      paths: Object.fromEntries([...this.paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      components: { schemas: Object.fromEntries([...this.schemas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, s]) => [name, s.schema])) },
    };
    return this.cached;
  }
}

export interface OpenApiPluginOptions {
  readonly version: string;
}

/** Registers the `openApi` decorator; /openapi.json and /docs serve what the features added. */
export const openApiPlugin = fp<OpenApiPluginOptions>(
  async (app, { version }) => {
    const registry = new OpenApiRegistry({
      title: 'casegraph',
      version,
      description: 'A linked-data knowledge graph and research API about people imprisoned for what they said or wrote.',
    });
    app.decorate('openApi', registry);
    registry.add('openapi', {
      tags: [{ name: 'api description', description: 'This document and its docs page.' }],
      paths: {
        '/openapi.json': { get: { tags: ['api description'], summary: 'This OpenAPI 3.1 document', responses: { '200': { description: 'The document', content: { 'application/json': {} } } } } },
        '/docs': { get: { tags: ['api description'], summary: 'A browsable page generated from this document', responses: { '200': { description: 'HTML', content: { 'text/html': {} } } } } },
      },
    });
    app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(`${JSON.stringify(registry.document(), null, 2)}\n`));
    app.get('/docs', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
        .send(docsPage(registry.document())),
    );
  },
  { name: 'casegraph-openapi', fastify: '5.x' },
);

/** Plain generated HTML: operations by tag, then the schemas; nothing loaded from anywhere else. */
function docsPage(document: Record<string, unknown>): string {
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
  const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
  const operations: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const parameters = (op.parameters as Array<Record<string, unknown>> | undefined) ?? [];
      const responses = Object.entries((op.responses as Record<string, Record<string, unknown>>) ?? {}).map(([status, r]) => {
        const content = Object.entries((r.content as Record<string, Record<string, unknown>>) ?? {}).map(([type, c]) => {
          const ref = (c.schema as { $ref?: string } | undefined)?.$ref;
          const link = ref ? ` → <a href="#${escapeHtml(ref.split('/').pop() ?? '')}">${escapeHtml(ref.split('/').pop() ?? '')}</a>` : '';
          return `<code>${escapeHtml(type)}</code>${link}`;
        });
        return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(String(r.description ?? ''))} ${content.join(', ')}</li>`;
      });
      operations.push(`<section class="op" id="${escapeHtml(`${method}-${path}`)}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary ?? ''))}</p>${op.description ? `<p>${escapeHtml(String(op.description))}</p>` : ''}
${parameters.length ? `<h4>Parameters</h4><ul>${parameters.map((p) => `<li><code>${escapeHtml(String(p.name))}</code> (${escapeHtml(String(p.in))}${p.required ? ', required' : ''}) ${escapeHtml(String(p.description ?? ''))}</li>`).join('')}</ul>` : ''}
<h4>Responses</h4><ul>${responses.join('')}</ul>
</section>`);
    }
  }
  const schemaHtml = Object.entries(schemas).map(
    ([name, schema]) => `<section id="${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></section>`,
  );
  const info = document.info as { title: string; version: string; description: string };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2330}
.op{border-top:1px solid #d5dae3;padding-top:.5rem}.method{background:#1a4d8f;color:#fff;border-radius:.2rem;padding:0 .4rem;font-size:.85rem}
pre{background:#f5f6f9;padding:.6rem;overflow:auto;font-size:.8rem}code{overflow-wrap:anywhere}</style></head>
<body><h1>${escapeHtml(info.title)} API <small>${escapeHtml(info.version)}</small></h1>
<p>${escapeHtml(info.description)} Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>
${operations.join('\n')}
<h2>Schemas</h2>
${schemaHtml.join('\n')}
</body></html>
`;
}
