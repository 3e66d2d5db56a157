import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLanguage } from "~/models/user.server";
import { getOptionalUser, safeRedirect } from "~/utils/auth.server";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/language-cookie.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  const redirectTo = withoutLanguageParameter(safeRedirect(form.get("redirectTo"), "/"));
  if (!isLanguage(language)) return redirect(redirectTo);
  const user = await getOptionalUser(request);
  if (user) await setUserLanguage({ userId: user.id, language });
  return redirect(redirectTo, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

/** The page to go back to without its `?lang=`, which would otherwise win over the choice just made. */
function withoutLanguageParameter(path: string) {
  const url = new URL(path, "http://ortaq.invalid");
  url.searchParams.delete("lang");
  return `${url.pathname}${url.search}${url.hash}`;
}
