-- Invitations become account links: the same single-use, hashed, expiring link, also for password resets.
CREATE TYPE "AccountLinkPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET');

ALTER TABLE "Invitation" RENAME TO "AccountLink";
ALTER TABLE "AccountLink" RENAME CONSTRAINT "Invitation_pkey" TO "AccountLink_pkey";
ALTER TABLE "AccountLink" RENAME CONSTRAINT "Invitation_userId_fkey" TO "AccountLink_userId_fkey";
ALTER TABLE "AccountLink" RENAME CONSTRAINT "Invitation_createdById_fkey" TO "AccountLink_createdById_fkey";
ALTER INDEX "Invitation_tokenHash_key" RENAME TO "AccountLink_tokenHash_key";
ALTER INDEX "Invitation_userId_idx" RENAME TO "AccountLink_userId_idx";

ALTER TABLE "AccountLink" ADD COLUMN "purpose" "AccountLinkPurpose" NOT NULL DEFAULT 'INVITATION';
ALTER TABLE "AccountLink" ADD COLUMN "revokedAt" TIMESTAMP(3);
