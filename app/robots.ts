import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/newsroom", "/login", "/invitations", "/api/"] }],
    sitemap: [`${appUrl()}/sitemap.xml`, `${appUrl()}/news-sitemap.xml`],
  };
}
