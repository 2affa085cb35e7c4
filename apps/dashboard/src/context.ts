import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Holiday } from './calendar.js';
import type { Lang, Translate } from './i18n.js';
import type { OpenApiDocument } from './schema.js';
import type { Session } from './session.js';

/** What `/ui/config.json` says (apps/api/src/dashboard): the procedures' shapes, holidays, demo. */
export type UiConfig = {
  demoSignIn: boolean;
  demoRoles: string[];
  holidays: Holiday[];
  procedures: Record<string, ProcedureMeta>;
};

export type ProcedureMeta = {
  kind: string;
  /** The stages in order (the progress bar and the stage timeline). */
  stages: string[];
  /** Every state the machine can be in, in definition order. */
  states: string[];
  finalStates: string[];
  transitions: { from: string; to: string; event: string; anyStage?: boolean }[];
  commandsByState: Record<string, { type: string; roles: string[] }[]>;
};

export type Notice = { kind: 'success' | 'error'; text: string };

export type App = {
  lang: Lang;
  t: Translate;
  session: Session | undefined;
  config: UiConfig;
  docs: OpenApiDocument;
  holidays: ReadonlySet<string>;
  signIn: (session: Session) => void;
  signOut: (reason?: string) => void;
  notify: (notice: Notice | undefined) => void;
  navigate: (hash: string) => void;
};

export const AppContext = createContext<App | undefined>(undefined);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}
