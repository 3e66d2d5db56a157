import { z } from "zod";

export const ContributeSchema = z.object({
  intent: z.literal("contribute").optional(),
  amount: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(20, { error: "errors.amount" }),
  currency: z.string({ error: "errors.chooseOne" }).regex(/^[A-Z]{3}$/, { error: "errors.chooseOne" }),
  anonymous: z.boolean().default(false),
  // One key per attempt: a form sent twice opens one Checkout Session, not two.
  attempt: z.uuid({ error: "errors.invalid" }),
});
