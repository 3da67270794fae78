# The DPG Explorer app (Express API + built Svelte front end). Neo4j runs beside it; see
# docker-compose.yml.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so source edits reuse this layer. Dev dependencies are needed for the build.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

ENV NODE_ENV=production
ENV PORT=3000
EXPOSE 3000
USER node
CMD ["npx", "tsx", "server/main.ts"]
