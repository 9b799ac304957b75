// Type declarations for the parts of Citation.js 0.7 casegraph uses (the packages ship none).

declare module '@citation-js/core' {
  export interface CslItem {
    readonly id: string;
    readonly type: string;
    readonly [field: string]: unknown;
  }

  export interface FormatOptions {
    readonly format?: 'text' | 'html' | 'string' | 'object';
    readonly template?: string;
    readonly lang?: string;
    readonly entry?: string | readonly string[];
    readonly [option: string]: unknown;
  }

  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    readonly data: CslItem[];
    format(format: string, options?: FormatOptions): string;
  }

  export interface TemplateRegistry {
    add(name: string, style: string): void;
    has(name: string): boolean;
  }

  const core: {
    readonly Cite: typeof Cite;
    readonly plugins: {
      readonly config: {
        get(plugin: '@csl'): { readonly templates: TemplateRegistry };
      };
    };
  };
  export default core;
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
