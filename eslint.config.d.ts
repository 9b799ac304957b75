// Types of eslint.config.js for TypeScript importers (the layer-rules test), since the config itself is plain JavaScript.
import type { Linter } from 'eslint';

export declare const layerRules: Linter.Config[];
declare const config: Linter.Config[];
export default config;
