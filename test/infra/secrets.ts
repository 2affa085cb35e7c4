/** Variables whose value is a secret: never a literal in the repository. */
export const SECRET_NAME = /SECRET|PASSWORD|TOKEN|SIGNING_KEY|PRIVATE_KEY|CREDENTIAL/;

/** Connection strings that may embed a password (`scheme://user:password@host`). */
export const CREDENTIAL_URL = /^[a-z+]+:\/\/[^/:@\s]+:([^@\s]+)@/i;

/** `${NAME:?message}`: Compose refuses to start until the operator sets it. */
const REQUIRED = /^\$\{[A-Z0-9_]+:\?[^}]*\}$/;
/** `${NAME}` or `${NAME:-}`: whatever the operator sets, nothing by default. */
const OPERATOR_OR_EMPTY = /^\$\{[A-Z0-9_]+(:?-)?\}$/;
/** `${NAME:-default}` whose default is an obvious development placeholder. */
const DEV_DEFAULT = /^\$\{[A-Z0-9_]+:-[^}]*(dev|change-?me|example)[^}]*\}$/i;

/** Why a compose value would commit a secret, or null when it does not. */
export function composeSecretProblem(name: string, value: string): string | null {
  const safe = (text: string) =>
    REQUIRED.test(text) || OPERATOR_OR_EMPTY.test(text) || DEV_DEFAULT.test(text);
  if (SECRET_NAME.test(name) && !safe(value)) {
    return `${name} must come from the operator (\${${name}:?...}) or be an obvious dev placeholder`;
  }
  const password = CREDENTIAL_URL.exec(value)?.[1];
  if (password !== undefined && !safe(password)) {
    return `${name} embeds a password that is not a dev placeholder`;
  }
  return null;
}
