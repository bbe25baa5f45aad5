/** Everything that changes or lists users. Each function checks the viewer's rights itself. */
export { listUsers } from "./list-users";
export { createUser, type CreatedUser } from "./create-user";
export { updateUser } from "./update-user";
export { changePassword } from "./change-password";
export { openAccountLink, spendAccountLink, type LinkPurpose } from "./account-links";
export { reissueInvitation, issuePasswordReset, requestPasswordReset, type ReissuedLink } from "./recovery";
export type { PublicUser } from "./public-user";
export { setMailPreference, mailPreference } from "./mail-preference";
