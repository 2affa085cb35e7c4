# syntax=docker/dockerfile:1
# jejak: one image for the api and the worker (the command picks the entry point).
#   docker build -t jejak .
#   docker run -p 3000:3000 -v jejak-data:/data -e JWT_SECRET="$(openssl rand -base64 48)" jejak
#                                                                             # api, embedded store
# The image runs with NODE_ENV=production: without JWT_SECRET (or JWT_JWKS_URL) it refuses to start,
# and demo sign-in (POST /auth/demo-token) cannot be turned on.
#   docker run jejak node dist/apps/worker/src/main.js                        # worker

# jejak targets Node 24 LTS (.nvmrc, package.json engines).
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: compilers for native modules (better-sqlite3), every dependency, the swc build ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lockfile was written by npm 11, whose install-script policy (package.json "allowScripts")
# we rely on: pin the exact npm release rather than whichever npm 11 the image ships.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out \
 && cp -r package.json bin node_modules dist /out/ \
 && if [ -d apps/dashboard/dist ]; then mkdir -p /out/apps/dashboard && cp -r apps/dashboard/dist /out/apps/dashboard/; fi

# --- runtime: no compilers, no dev dependencies, no sources, not root ---------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DEMO_SIGN_IN=off \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    EVENT_STORE_PATH=/data/jejak.db
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /out ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# Node 24 has fetch: no curl in the image. The worker has no HTTP: its probes use METRICS_PORT.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
