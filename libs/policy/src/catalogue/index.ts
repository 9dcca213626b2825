export * from './canonical-json';
export * from './validate-policy-document';
export * from './policy-version.decider';
export * from './published-policy';
export * as policyCatalogueErrors from './policy-catalogue.errors';
