# One image for every service; docker-compose and the Kubernetes manifests pick the service with
# the command. Production runs the compiled JavaScript (`npm run build`), not the TypeScript sources.

# Build stage: every dependency, the sources, the compiler and the dashboard's build tool.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY platform ./platform
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY scripts ./scripts
COPY dashboard ./dashboard
# dist/server/: the server code as JavaScript; dist/dashboard/: the dashboard's bundle.
RUN npm run build
# The SDL files the subgraphs read at start, without the TypeScript beside them.
RUN find subgraphs -name '*.graphql' -exec cp --parents {} /tmp/ \; && mv /tmp/subgraphs /sdl

# Runtime stage: production dependencies only (no tsx, no compiler, no Vite), the compiled code,
# the bundle and the SDL.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CRG_HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY schema ./schema
COPY --from=build /sdl ./subgraphs
COPY --from=build /app/dist ./dist
# Development keys are shared between services through a volume mounted here.
RUN mkdir -p /app/data/keys && chown -R node:node /app/data
USER node
# e.g. `node dist/server/subgraphs/run.js health` or `node dist/server/scripts/token.js --role analyst`
ENTRYPOINT ["node"]
CMD ["dist/server/gateway/main.js"]
