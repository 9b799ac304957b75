// Serves the editor's scripts and styles (YASGUI from node_modules, our glue from ./assets): nothing from a CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { editorAssetPrefix } from './editor-page.js';

interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

const require = createRequire(import.meta.url);

/** Read once at startup: a missing asset stops the server rather than breaking the page later. */
function readAssets(): Map<string, Asset> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const own = (name: string): string => fileURLToPath(new URL(`./assets/${name}`, import.meta.url));
  const sources: ReadonlyArray<readonly [string, string, string]> = [
    ['yasgui/yasgui.min.js', require.resolve('@zazuko/yasgui/build/yasgui.min.js'), js],
    ['yasgui/yasgui.min.css', require.resolve('@zazuko/yasgui/build/yasgui.min.css'), css],
    ['sparql-editor.js', own('sparql-editor.js'), js],
    ['sparql-editor.css', own('sparql-editor.css'), css],
  ];
  // Drop the trailing source-map comment: the map is not served, and browsers would ask for it.
  return new Map(
    sources.map(([name, file, type]) => [
      name,
      { type, body: Buffer.from(readFileSync(file, 'utf8').replace(/\n?\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n')) },
    ]),
  );
}

export const editorAssetsRoute: FastifyPluginAsync = async (app) => {
  const assets = readAssets();
  // Static files of the editor page, not API operations: kept out of the OpenAPI document.
  app.get<{ Params: { '*': string } }>(
    `${editorAssetPrefix}*`,
    { schema: { hide: true, params: { type: 'object', properties: { '*': { type: 'string' } } } } },
    async (request, reply) => {
      const asset = assets.get(request.params['*']);
      if (!asset) {
        reply.callNotFound();
        return;
      }
      return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
    },
  );
};
