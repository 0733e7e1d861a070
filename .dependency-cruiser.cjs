/** Layer rules: apps -> pipeline -> stages -> domain; adapters -> domain; only compose.ts picks adapters. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(?!domain)' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|node:fs|http|https|node:http|node:https|child_process|node:child_process)',
      },
    },
    {
      name: 'stages-below-pipeline',
      severity: 'error',
      from: { path: '^src/stages' },
      to: { path: '^src/(pipeline|apps|adapters|compose)' },
    },
    {
      name: 'adapters-only-domain',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: '^src/(stages|pipeline|apps|compose)' },
    },
    {
      name: 'pipeline-not-apps',
      severity: 'error',
      from: { path: '^src/pipeline' },
      to: { path: '^src/(apps|adapters)' },
    },
    {
      name: 'only-compose-picks-adapters',
      severity: 'error',
      from: { path: '^src/apps' },
      to: { path: '^src/adapters' },
    },
    {
      name: 'server-not-cli',
      comment: 'The CLI starts the server; the server never reaches into the CLI',
      severity: 'error',
      from: { path: '^src/apps/server' },
      to: { path: '^src/apps/cli' },
    },
    {
      name: 'stage-internals-private',
      comment: 'A stage is entered through its index.ts',
      severity: 'error',
      from: { path: '^src/stages/([^/]+)/' },
      to: { path: '^src/stages/([^/]+)/(?!index\\.ts$)', pathNot: '^src/stages/$1/' },
    },
    {
      name: 'web-is-browser-code',
      comment: 'Browser code is bundled alone: it imports only itself and npm packages, never the server',
      severity: 'error',
      from: { path: '^src/apps/web' },
      to: { path: '^src/(?!apps/web/)' },
    },
    {
      name: 'web-no-node',
      severity: 'error',
      from: { path: '^src/apps/web' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
