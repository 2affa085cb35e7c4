import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Compose: a key with a null value is passed through from the operator's environment. */
export type Env = Record<string, string | null>;
export type ComposeService = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Env;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
};
export type Compose = { services: Record<string, ComposeService> };

export type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: unknown };
};
export type Probe = { httpGet?: { path: string; port: string | number } };
export type Container = {
  name: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  ports?: { name: string; containerPort: number }[];
};
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  data?: Env;
  stringData?: Env;
  spec?: {
    replicas?: number;
    minAvailable?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: {
      metadata: { labels: Record<string, string> };
      spec: { containers: Container[]; securityContext?: Record<string, unknown> };
    };
  };
};

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** A compose file as Compose reads it: YAML with `<<` merge keys resolved. */
export function readCompose(path: string): Compose {
  return parse(readText(path), { merge: true }) as Compose;
}

/** Every document of every YAML file under infra/k8s. */
export function readManifests(): { file: string; manifest: Manifest }[] {
  const dir = join('infra', 'k8s');
  return readdirSync(join(ROOT, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) =>
      parseAllDocuments(readText(join(dir, file))).map((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
        return { file, manifest: document.toJS() as Manifest };
      }),
    )
    .filter(({ manifest }) => manifest !== null && manifest.kind !== 'Kustomization');
}

/** Keys `.env.example` documents, set (`KEY=`) or commented out (`# KEY=`). */
export function envExampleKeys(): Set<string> {
  const keys = [...readText('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)];
  return new Set(keys.map((match) => match[1]!));
}
