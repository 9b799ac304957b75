// GET /dumps/ (index, JSON or HTML) and /dumps/{file}: the whole graph, built once per dataset version and kept in this plugin.
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../errors/casegraph-error.js';
import { chooseRepresentation, type Representation } from '../http/choose-representation.js';
import { opaqueAnswer, plainTextAnswer } from '../http/openapi-plugin.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import type { DumpSet } from './build-dumps.js';
import { dumpIndex, sha256Sums, type DumpIndex } from './dump-index.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage, pageSecurityPolicy } from './html-page.js';

export interface DumpRouteOptions {
  /** The plugin-scoped memo (dumpCache), shared with the dataset description. */
  readonly dumps: () => Promise<DumpSet>;
}

/** The index's JSON Schema, shared as the component `DumpIndex`. */
const dumpIndexSchema = {
  $id: 'DumpIndex',
  type: 'object',
  required: ['datasetVersion', 'triples', 'quads', 'dumps'],
  properties: {
    datasetVersion: { type: 'string' },
    triples: { type: 'integer', description: 'Distinct triples in the union of all files' },
    quads: { type: 'integer', description: 'Quads, one named graph per file' },
    dumps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'url', 'mediaType', 'description', 'size', 'sha256'],
        properties: {
          name: { type: 'string' },
          url: { type: 'string' },
          mediaType: { type: 'string' },
          description: { type: 'string' },
          size: { type: 'integer' },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

export const dumpsRoute: FastifyPluginAsync<DumpRouteOptions> = async (app, { dumps }) => {
  const prefix = `/${relativeNamespaces.dumps}`;
  const indexForms: readonly Representation[] = [
    { name: 'json', mediaType: 'application/json' },
    { name: 'html', mediaType: 'text/html' },
  ];

  app.addSchema(dumpIndexSchema);
  app.get(
    prefix,
    {
      schema: {
        tags: ['linked data'],
        summary: 'The list of downloads with size and SHA-256 (JSON, or HTML for browsers)',
        response: {
          200: { description: 'The index', content: { 'application/json': { schema: { $ref: 'DumpIndex#' } }, 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
    async (request, reply) => {
      const index = dumpIndex(await dumps(), prefix);
      // A client that accepts neither still gets the JSON: the list is what scripts come for.
      if (chooseRepresentation(request, reply, indexForms, { what: 'the list of downloads', fallback: indexForms[0] }).name === 'html') {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', pageSecurityPolicy).send(indexPage(index));
      }
      return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(index, null, 2)}\n`);
    },
  );

  app.get(
    `${prefix}SHA256SUMS`,
    {
      schema: { tags: ['linked data'], summary: 'Checksums in the format sha256sum -c reads', response: { 200: opaqueAnswer('Checksums', ['text/plain']) } },
    },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(sha256Sums(await dumps())),
  );

  app.get<{ Params: { name: string } }>(
    `${prefix}:name`,
    {
      schema: {
        tags: ['linked data'],
        summary:
          'One download: casegraph.ttl, .nt, .nq, .trig, .jsonld, or a tidy table ({name}.csv) and its CSV on the Web metadata ({name}.csv-metadata.json)',
        params: { type: 'object', required: ['name'], properties: { name: { type: 'string', description: 'A name from the index' } } },
        response: {
          200: opaqueAnswer('The file', [
            'text/turtle',
            'application/n-triples',
            'application/n-quads',
            'application/trig',
            'application/ld+json',
            'text/csv',
            'application/csvm+json',
          ]),
          404: plainTextAnswer('No such download'),
        },
      },
    },
    async (request, reply) => {
      const set = await dumps();
      const found = set.dumps.find((d) => d.name === request.params.name);
      if (!found) throw new NotFoundError(`no dump named ${JSON.stringify(request.params.name)}: see ${prefix} for the list`);
      const charset = found.mediaType === 'application/ld+json' ? '' : '; charset=utf-8';
      return (
        reply
          .type(found.mediaType + charset)
          .header('etag', `"${set.version}-${found.sha256.slice(0, 22)}"`)
          .header('content-disposition', `attachment; filename="${found.name}"`)
          // RFC 9530: the checksum travels with the bytes too.
          .header('repr-digest', `sha-256=:${Buffer.from(found.sha256, 'hex').toString('base64')}:`)
          .send(found.content)
      );
    },
  );
};

function indexPage(index: DumpIndex): string {
  const rows = index.dumps.map(
    (d) =>
      `<tr><th scope="row"><a href="${escapeHtml(d.url)}" type="${escapeHtml(d.mediaType)}">${escapeHtml(d.name)}</a><br><span class="muted">${escapeHtml(d.mediaType)}, ${d.size.toLocaleString('en')} bytes</span></th><td>${escapeHtml(d.description)}<br><span class="muted">SHA-256</span> <code class="iri">${escapeHtml(d.sha256)}</code></td></tr>`,
  );
  const body = `<article><h1>Downloads</h1>
<p>The whole graph of dataset version <code>${escapeHtml(index.datasetVersion)}</code>: ${index.triples} distinct triples (${index.quads} quads, one named graph per file). Checksums: <a href="SHA256SUMS">SHA256SUMS</a>; this list as JSON: the same URL with <code>Accept: application/json</code>. Data under CC BY 4.0.</p>
<table class="properties"><thead><tr><th>File</th><th>Contents and checksum</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></article>`;
  return htmlPage({ title: 'Downloads', body, datasetVersion: index.datasetVersion });
}
