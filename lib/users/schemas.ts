import { z } from "zod";
import { lenientEnum } from "@/lib/validation";
import { STAFF_ROLES } from "@/lib/workflow";

export const Email = z.string().trim().toLowerCase().pipe(z.email("must be an email address").max(254));
export const Password = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
const Role = lenientEnum(STAFF_ROLES, { error: "must be REPORTER, EDITOR or ADMIN" });

export const CreateUserInput = z
  .object({ name: z.string().trim().min(1, "is required").max(120), email: Email, role: Role })
  .strict();

export const UpdateUserInput = z
  .object({ role: Role.optional(), disabled: z.boolean().optional(), legalReviewer: z.boolean({ error: "must be true or false" }).optional() })
  .strict()
  .refine((input) => input.role !== undefined || input.disabled !== undefined || input.legalReviewer !== undefined, "Send role, disabled or legalReviewer.");

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1, "is required").max(200), newPassword: Password })
  .strict();

export const SetPasswordInput = z.object({ token: z.string().min(20).max(200), password: Password }).strict();
