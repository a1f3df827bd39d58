export declare const ROOT: string;
export declare const DIST: string;
export declare const STAMP: string;
/** Builds dist/ from the sources; resolves with the bundle's path. */
export declare function buildDist(): Promise<string>;
/** The source with each `import('<external package>')` turned into a call of the bundle loader's import function. */
export declare function withLoaderImports(source: string): string;
/** Throws if the bundle's text still calls import() of a package. */
export declare function checkNoDynamicImport(text: string): void;
/** The bundle's text with every non-ASCII UTF-16 unit written as a \u escape. */
export declare function asAscii(text: string): string;
