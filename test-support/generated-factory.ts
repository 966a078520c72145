/**
 * The bench's synthetic factory generator, for tests: files under `main/` reach it through test support
 * only, so nothing in the shipped tree names `bench/` (a lint rule in eslint.config.js says so).
 */
export { generateFactory, type GeneratedFactory } from '../bench/factory-generator';
