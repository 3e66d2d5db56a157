import { z } from "zod";

// Zod compiles fast validators with `new Function` when it may. The page's Content-Security-Policy
// forbids eval, and zod's probe for it, though caught, is reported by the browser as a policy
// violation (a best-practices failure in Lighthouse). In the browser, zod validates without it.
// Imported first by entry.client.tsx, before any schema is made.
z.config({ jitless: true });
