/** Entry points: output name -> source path relative to the package root. */
export declare const NODE_ENTRIES: Record<string, string>;
/** Builds every existing entry into out/node/<name>.cjs; resolves to the names built. */
export declare function buildNode(options?: { quiet?: boolean }): Promise<string[]>;
