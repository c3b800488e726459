# syntax=docker/dockerfile:1.7
#
# hocso web app: built with Vite, served by an unprivileged nginx on port 8080, which also
# forwards /api/ to the API service (http://api:3000), so browsers see one origin.
#
# Build from the repository root:  docker build -f docker/web.Dockerfile -t hocso-web .

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-alpine
# package-lock.json is written by npm 11 (Node 20 images ship npm 10).
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION
RUN npm install --global --no-audit --no-fund "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/curriculum/package.json libs/curriculum/package.json
COPY apps/api/package.json apps/api/package.json
COPY apps/web/package.json apps/web/package.json
# --ignore-scripts: Vite's native parts (rolldown, lightningcss) come as prebuilt platform packages.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
# The web app imports libs/curriculum from its sources (an alias in apps/web/vite.config.ts).
COPY libs/curriculum libs/curriculum
COPY apps/web apps/web
RUN npm run build -w apps/web

# ---------------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
# The image runs as user nginx (uid 101) and listens on 8080; its main nginx.conf includes
# conf.d/*.conf inside the http block.
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080
# busybox wget is in the alpine image; /healthz is answered by nginx itself (not by the API).
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
