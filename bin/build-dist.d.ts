export declare const ROOT: string;
export declare const DIST: string;
export declare const STAMP: string;
/** Builds dist/ from the sources; resolves with the bundle's path. */
export declare function buildDist(): Promise<string>;
