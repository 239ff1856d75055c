// Types of bin/build-wasm.mjs, for the test that checks the generated module is up to date.
export declare const GENERATED: URL;
export declare function wordOfMouthModuleText(): Promise<string>;
