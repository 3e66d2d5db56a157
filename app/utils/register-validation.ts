import { z } from "zod";
import { COUNTRY_CODES } from "~/utils/reference-data";

/** The upload form's text fields (the file is read as it streams in, app/utils/register-file.server.ts). */
export const RegisterUploadSchema = z.object({
  country: z.enum(COUNTRY_CODES, { error: "errors.chooseOne" }),
  // Read by receiveRegisterUpload, never by this schema: here for the form's field.
  file: z.unknown().optional(),
});

const column = (required: boolean) => {
  const index = z.coerce.number({ error: "registers.errors.chooseColumn" }).int().min(0).max(99);
  return required ? index : index.optional();
};

/** The import page's forms: confirming the columns and applying the import, or discarding it. */
export const RegisterImportActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("import"),
    taxId: column(true),
    name: column(true),
    includedOn: column(true),
    category: column(false),
  }),
  z.object({ intent: z.literal("discard") }),
]);
