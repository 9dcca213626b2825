// Test fixtures of the domain that other libraries' tests build on (@skills/domain/testing); never imported by
// production code.
export * from '../registry/testing/card-history';
