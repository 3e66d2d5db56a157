import { z } from "zod";

/** Text a database can store: no NUL and no other control characters but tabs and line breaks. */
export const hasNoControlCharacters = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value);

/** A record id as the app makes them (cuid); anything else is refused before it reaches the database. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "errors.invalid" });

/** A page number from a query string; anything else means the first page. */
export const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
