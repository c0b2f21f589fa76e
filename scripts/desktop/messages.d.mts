export declare const MIN_NODE: [number, number]
export declare function nodeVersionLine(version?: string): string | undefined
export declare function firstErrorLine(output: unknown): string | undefined
export declare function runtimeMissingParagraph(options: { skipped: boolean; reason?: string }): string
