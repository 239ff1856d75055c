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
    {
      name: 'engine-without-node',
      comment: 'the engine runs in browsers too: no Node API',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'scenario-browser-safe',
      comment: 'the pages load scenarios with the same code as the CLI: only the Node loader (node.ts) reads files',
      severity: 'error',
      from: { path: '^src/scenario/', pathNot: '^src/scenario/node\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'experiments-browser-safe',
      comment: 'experiments are pure and run in the pages: no Node API (commands and folders live in src/cli)',
      severity: 'error',
      from: { path: '^src/experiments/' },
      to: { dependencyTypes: ['core'] },
    },
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
    // TypeScript 7 has no JavaScript API for dependency-cruiser: swc parses the sources, and type-only
    // imports (gone after compilation) do not count.
    parser: 'swc',
    tsPreCompilationDeps: false,
    exclude: { path: '\\.d\\.ts$' },
  },
};
