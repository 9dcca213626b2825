export const REGISTRY_DIRECTORY = Symbol('RegistryDirectory');
