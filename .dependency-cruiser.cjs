// The house rule of issue 14: rooms depend one way, down.
//   command line: cli → experiments → runtime → engine → scenario
//   pages:        view → experiments, runtime → engine → scenario
// Nothing imports a room above it; the engine imports no zod, no DOM helper and no Node API, and
// the experiments room stays browser-safe (no Node API), so both pages can use it.
const above = {
  scenario: '^src/(engine|runtime|experiments|cli|view)/',
  engine: '^src/(runtime|experiments|cli|view)/',
  runtime: '^src/(experiments|cli|view)/',
  experiments: '^src/(cli|view)/',
  cli: '^src/view/',
  view: '^src/cli/',
};

module.exports = {
  forbidden: [
    ...Object.entries(above).map(([room, path]) => ({
      name: `${room}-imports-upward`,
      comment: `src/${room} may not import a room above it (one way down: see README, "How the code is laid out")`,
      severity: 'error',
      from: { path: `^src/${room}/` },
      to: { path },
    })),
    {
      name: 'engine-without-zod',
      comment: 'the engine runs in every worker: it must not pull zod in, even through a scenario module',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: 'node_modules/zod/', reachable: true },
    },
    ...[
      ['engine-without-node', 'the engine runs in browsers too: no Node API', { path: '^src/engine/' }],
      ['scenario-browser-safe', 'the pages load scenarios with the same code as the CLI: only the Node loader (node.ts) reads files', { path: '^src/scenario/', pathNot: '^src/scenario/node\\.ts$' }],
      ['experiments-browser-safe', 'experiments are pure and run in the pages: no Node API (commands and folders live in src/cli)', { path: '^src/experiments/' }],
    ].map(([name, comment, from]) => ({ name, comment, severity: 'error', from, to: { dependencyTypes: ['core'] } })),
    {
      name: 'no-circular',
      comment: 'modules that import each other in a circle are one concept split in two, or two tangled',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(src|node_modules)/',
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    // TypeScript 7 has no JavaScript API for dependency-cruiser, so swc parses the sources. It counts
    // `import type` like any import: a module that needs only types from a heavier one writes them as
    // type imports (`import('./schema.ts').Scenario`, see src/scenario/types.ts), which it does not see.
    parser: 'swc',
    exclude: { path: '\\.d\\.ts$' },
  },
};
