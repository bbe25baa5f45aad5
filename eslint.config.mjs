import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", "lib/generated/**", ".data/**", "storage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Pages and route handlers reach the database only through lib/ services
    // and lib/reader/ (read.ts and its modules); this holds the line DESIGN.md draws.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Read through lib/reader/ (read.ts and its modules) or a service in lib/." }],
          patterns: [{ group: ["@/lib/generated/*", "@prisma/*"], message: "No Prisma under app/ or components/." }],
        },
      ],
    },
  },
];

export default config;
