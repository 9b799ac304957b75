// Worker entry: registers the TypeScript loader in this thread (loaders do not carry over), then starts the query worker.
import { register } from 'tsx/esm/api';

register();
await import('./query-worker.ts');
