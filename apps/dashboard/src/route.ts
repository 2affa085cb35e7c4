// Hash routes (the server serves one static page; no fallback routes needed):
//   #/masuk  #/  #/seleksi/baru  #/seleksi/<id>  #/seleksi/<id>/perintah/<Type>  #/seleksi/<id>/audit

export type Route =
  | { name: 'signIn' }
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'selection'; id: string }
  | { name: 'command'; id: string; type: string }
  | { name: 'audit'; id: string };

const ID = '([0-9A-Za-z-]{1,64})';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/masuk$/, () => ({ name: 'signIn' })],
  [/^\/?$/, () => ({ name: 'list' })],
  [/^\/seleksi\/?$/, () => ({ name: 'list' })],
  [/^\/seleksi\/baru$/, () => ({ name: 'new' })],
  [new RegExp(`^/seleksi/${ID}$`), (m) => ({ name: 'selection', id: m[1]! })],
  [
    new RegExp(`^/seleksi/${ID}/perintah/([A-Za-z]{1,64})$`),
    (m) => ({ name: 'command', id: m[1]!, type: m[2]! }),
  ],
  [new RegExp(`^/seleksi/${ID}/audit$`), (m) => ({ name: 'audit', id: m[1]! })],
];

/** The page for a location hash; the sign-in page while nobody is signed in. */
export function parseRoute(hash: string, signedIn: boolean): Route {
  if (!signedIn) return { name: 'signIn' };
  const path = decodeURIComponent(hash.replace(/^#/, '').split('?')[0] ?? '');
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return route(match);
  }
  return { name: 'list' };
}

export const links = {
  list: () => '#/',
  signIn: () => '#/masuk',
  newSelection: () => '#/seleksi/baru',
  selection: (id: string) => `#/seleksi/${encodeURIComponent(id)}`,
  command: (id: string, type: string) =>
    `#/seleksi/${encodeURIComponent(id)}/perintah/${encodeURIComponent(type)}`,
  audit: (id: string) => `#/seleksi/${encodeURIComponent(id)}/audit`,
};
