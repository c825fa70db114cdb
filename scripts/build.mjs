#!/usr/bin/env node
// Bundles the CLI and the public API into single files: one file to load means a fast cold start.
// The globbing library and the AWS SDK stay external: they are imported only when a run needs them.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['fast-glob', 'ajv', 'ajv-formats', '@aws-sdk/*'],
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's "main" is a UMD build that esbuild cannot bundle; its ESM build can.
  mainFields: ['module', 'main'],
};
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
chmodSync('dist/cli.js', 0o755);
