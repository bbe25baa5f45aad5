import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer, type SignedInViewer } from "./viewer";

/**
 * For newsroom pages: the signed-in viewer, or a redirect to the sign-in page
 * that comes back here afterwards. Layouts and pages render in parallel, so
 * every newsroom page asks for itself rather than trusting the layout.
 */
export async function pageViewer(): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get("x-copydesk-path") ?? "/newsroom";
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}
