-- Ingest from wires and stringers: where a draft's copy came from, and API tokens that act as machine users.
ALTER TABLE "User" ADD COLUMN "machine" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Article"
  ADD COLUMN "sourceAgency" TEXT,
  ADD COLUMN "sourceId" TEXT,
  ADD COLUMN "sourceReceivedAt" TIMESTAMP(3),
  ADD COLUMN "sourceByline" TEXT;
CREATE UNIQUE INDEX "Article_sourceId_key" ON "Article"("sourceId");

CREATE TYPE "ApiTokenScope" AS ENUM ('INGEST', 'READ');

CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE UNIQUE INDEX "ApiToken_userId_key" ON "ApiToken"("userId");
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
