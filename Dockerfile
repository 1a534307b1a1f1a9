# One image for every service; docker-compose picks the service with the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CRG_HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY schema ./schema
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY scripts ./scripts
COPY dashboard ./dashboard
# The dashboard's bundle, built once into the image; the gateway serves it at /dashboard/.
RUN node --import tsx scripts/dashboardBuild.ts
# Development keys are shared between services through a volume mounted here.
RUN mkdir -p /app/data/keys && chown -R node:node /app/data
USER node
# e.g. `node --import tsx subgraphs/run.ts health` or `node --import tsx gateway/main.ts`
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["gateway/main.ts"]
