export * from './money';
export * from './line-explanation';
export * from './policy-document.schema';
export * from './parse-policy-document';
export * from './policy-registry';
export * from './documents';
export * from './registration-funding.calculator';
export * from './gates';
