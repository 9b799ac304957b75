// The benchmark's yardstick: loads Turtle files into an in-memory Oxigraph store and answers SPARQL over a tiny 127.0.0.1 endpoint.
// Run by bench/run-bench.ts as a child process: node --import tsx bench/oxigraph-endpoint.ts BASE_IRI FILE...
// When loaded and listening it prints one JSON line: { port, loadMs, rssMb, hwmMb, triples }.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import oxigraph from 'oxigraph';
import { processMemory } from './process-memory.js';

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const [baseIri, ...files] = process.argv.slice(2);
  if (baseIri === undefined || files.length === 0) throw new Error('usage: oxigraph-endpoint.ts BASE_IRI FILE...');
  const store = new oxigraph.Store();
  const started = performance.now();
  // Everything into the default graph: casegraph's default graph is the union of its files, each triple once.
  for (const file of files) store.load(readFileSync(file, 'utf8'), { format: 'text/turtle', base_iri: baseIri });
  const loadMs = performance.now() - started;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const query = request.method === 'POST' ? new URLSearchParams(await body(request)).get('query') : url.searchParams.get('query');
      if (url.pathname !== '/sparql' || query === null) {
        response.writeHead(404).end();
        return;
      }
      try {
        const answer = store.query(query, { base_iri: baseIri, results_format: 'application/sparql-results+json' });
        response.writeHead(200, { 'content-type': 'application/sparql-results+json' }).end(typeof answer === 'string' ? answer : JSON.stringify(answer));
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(`${JSON.stringify({ port, loadMs, triples: store.size, ...processMemory('self') })}\n`);
  });
}

await main();
