// Dev-only worker entry, chosen by the pool only when it runs from .ts sources (vitest, tsx): registers tsx in this thread (loaders do not carry over), then starts the query worker.
import { register } from 'tsx/esm/api';

register();
await import('./query-worker.ts');
