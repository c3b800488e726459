# syntax=docker/dockerfile:1.7
#
# hocso API and worker: one image, two commands.
#   API:    node --max-semi-space-size=32 --max-old-space-size=320 --no-allocation-site-pretenuring apps/api/dist/apps/api/src/main.js     (the default CMD; flags: scripts/lib/api-node-flags.ts)
#   worker: node apps/api/dist/apps/api/src/worker.js   (docker-compose.yml sets this command)
#
# Build from the repository root:  docker build -f docker/api.Dockerfile -t hocso-api .

ARG NODE_IMAGE=node:20-bookworm-slim
# package-lock.json is written by npm 11; Node 20 images ship npm 10, so every stage that
# installs uses the same npm as the developers.
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS npm
ARG NPM_VERSION
RUN npm install --global --no-audit --no-fund "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app
# Only the manifests: this layer (and the npm ci below) is rebuilt only when dependencies change.
COPY package.json package-lock.json ./
COPY libs/curriculum/package.json libs/curriculum/package.json
COPY apps/api/package.json apps/api/package.json
COPY apps/web/package.json apps/web/package.json

# ---------------------------------------------------------------------------------------------
# Build: every dependency (TypeScript and types are devDependencies), then compile.
FROM npm AS build
# --ignore-scripts: no install script is needed to compile (tsc is plain JS; native modules
# ship prebuilt binaries in platform packages), and none of the dev tools' scripts should run here.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs/curriculum libs/curriculum
COPY migrations migrations
COPY apps/api apps/api
RUN npm run build -w libs/curriculum && npm run build -w apps/api

# ---------------------------------------------------------------------------------------------
# Production dependencies of the API workspace only (not the web app's React, not the dev tools).
FROM npm AS prod-deps
# npm puts a package under a workspace's own node_modules only when versions clash: mkdir makes
# sure those folders exist, so that the COPY lines of the runtime stage never fail.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace apps/api \
 && mkdir -p apps/api/node_modules libs/curriculum/node_modules

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# ffmpeg: the worker will transcode uploaded video into an HLS ladder, an audio-only rendition
# and a poster image (see shared/DESIGN.md, "Jobs"). It is installed now so that the image and
# its size do not change under operators when that job lands; --no-install-recommends keeps out
# X11, fonts and the like. The API process never runs it (same image, different command).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

# Owned by root and read-only for the process user: the running code cannot rewrite itself.
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=prod-deps /app/libs/curriculum/node_modules ./libs/curriculum/node_modules
COPY --from=build /app/libs/curriculum/package.json ./libs/curriculum/package.json
COPY --from=build /app/libs/curriculum/dist ./libs/curriculum/dist
COPY --from=build /app/apps/api/package.json ./apps/api/package.json
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY docker/healthcheck.cjs ./docker/healthcheck.cjs

# The only writable place: uploaded and transcoded media (the `media` volume of docker-compose.yml).
# A new named volume takes the owner of the folder it is mounted on, so `node` can write to it.
RUN mkdir -p /app/.data/media && chown -R node:node /app/.data

USER node
EXPOSE 3000
# No curl in slim images: Node itself asks /api/health/live (the worker's compose service runs
# the same script with the argument `worker`, which checks the worker's Redis connection instead).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "docker/healthcheck.cjs", "api"]
CMD ["node", "--max-semi-space-size=32", "--max-old-space-size=320", "--no-allocation-site-pretenuring", "apps/api/dist/apps/api/src/main.js"]
