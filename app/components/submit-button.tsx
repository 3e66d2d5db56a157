import { useNavigation, type useFetcher } from "@remix-run/react";
import { useRef, type ButtonHTMLAttributes, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";

type Fetcher = Pick<ReturnType<typeof useFetcher>, "state" | "formData">;

/**
 * A form's submit button that shows the form is being sent, and cannot be pressed again meanwhile:
 * it follows the page's navigation (or the `fetcher` the form belongs to), and counts as pending
 * only when its own form (and its own name and value, for a form with several buttons) is the one
 * being sent. Without JavaScript it is a plain submit button.
 */
export function SubmitButton({
  fetcher,
  children,
  className,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { fetcher?: Fetcher }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const button = useRef<HTMLButtonElement>(null);
  const state = fetcher ? fetcher.state : navigation.state;
  const formData = fetcher ? fetcher.formData : navigation.formData;
  const form = button.current?.form;
  const ownForm =
    fetcher !== undefined ||
    (form !== null && form !== undefined && navigation.formAction !== undefined && samePath(form.action, navigation.formAction));
  const ownButton = !props.name || formData?.get(props.name) === (props.value === undefined ? "" : String(props.value));
  const pending = state !== "idle" && formData !== undefined && ownForm && ownButton;
  return (
    <button
      ref={button}
      type="submit"
      {...props}
      className={[className, pending ? "button-pending" : null].filter(Boolean).join(" ") || undefined}
      aria-disabled={pending || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
    >
      {children}
      {pending ? <span className="visually-hidden"> {t("forms.sending")}</span> : null}
    </button>
  );
}

function samePath(absolute: string, path: string) {
  const a = new URL(absolute, "http://x.invalid");
  const b = new URL(path, a);
  return a.pathname === b.pathname && a.search === b.search;
}
