/** The path of the prebuilt bundle if it is up to date with the sources under `root`, else undefined. */
export declare function freshDist(root?: string): string | undefined;
