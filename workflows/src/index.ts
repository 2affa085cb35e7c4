export * from './core/types.js';
export * from './core/rule.js';
export * from './core/decision.js';
export * from './core/decider.js';
export * from './core/view.js';
