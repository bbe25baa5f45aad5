import type { User } from "@/lib/generated/prisma/client";

/** What the user pages and API show of a user: never the hash. */
export interface PublicUser {
  id: string;
  name: string;
  email: string;
  role: User["role"];
  disabled: boolean;
  /** may clear a story marked "needs legal review" */
  legalReviewer: boolean;
  /** false until the person has accepted their invitation */
  activated: boolean;
  createdAt: Date;
}

export const toPublicUser = (user: User): PublicUser => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  disabled: user.disabled,
  legalReviewer: user.legalReviewer,
  activated: user.passwordHash !== null,
  createdAt: user.createdAt,
});
