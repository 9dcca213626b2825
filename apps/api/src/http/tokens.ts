/** Nest injection tokens for the composition root's parts (the system is built outside Nest, see main.ts). */
export const TOKENS = {
  system: Symbol('System'),
  tokenService: Symbol('TokenService'),
} as const;
