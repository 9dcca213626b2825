// Runs TypeScript sources directly (api, worker, CLIs) with swc, resolving the workspace's tsconfig paths.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
