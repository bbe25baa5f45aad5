/**
 * What the users page's link buttons say. With SMTP set up they send the
 * link (and show it); without, they only make it for the admin to hand
 * over, so they say "Create" rather than promise a mail that never leaves.
 */
export function accountLinkLabels({ canMail, activated, name }: { canMail: boolean; activated: boolean; name: string }) {
  const button = canMail ? (activated ? "Send password reset link" : "Send invitation again") : activated ? "Create password reset link" : "Create new invitation link";
  return {
    button,
    /** the button's accessible name: the visible words first, then whose link */
    accessible: `${button} ${canMail ? "to" : "for"} ${name}`,
    copy: `Copy the ${activated ? "password reset link" : "invitation link"} for ${name}`,
  };
}
