import { notFound } from "~/utils/permissions.server";

// Every URL no other route claims is a 404, rendered by the root error boundary in the user's language.
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
