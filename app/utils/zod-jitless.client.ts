import { z } from "zod";

// Zod compiles fast validators with `new Function` when it may. The page's Content-Security-Policy
// forbids eval, and zod's probe for it, though caught, is reported by the browser as a policy
// violation (a best-practices failure in Lighthouse). In the browser, zod validates without it.
// Zod decides when a schema is made, so this runs before any: imported first by root.tsx, whose
// module the page imports before every other route's (and before entry.client.tsx).
z.config({ jitless: true });
