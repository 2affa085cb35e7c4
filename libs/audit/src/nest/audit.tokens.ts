export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');
export const AUDIT_SIGNER = Symbol('AUDIT_SIGNER');
